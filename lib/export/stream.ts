// Byte streams for downloads: pulled chunk by chunk, so a large report never sits whole in memory where
// the format allows it, and a cancelled download stops the work behind it.

const encoder = new TextEncoder();

/**
 * A ReadableStream fed by an async generator: the next chunk is produced only when the reader asks for
 * it (back-pressure); cancelling the stream (the client went away) ends the generator.
 */
export function toByteStream(generate: () => AsyncGenerator<Uint8Array | string, void, undefined>): ReadableStream<Uint8Array> {
  let iterator: AsyncGenerator<Uint8Array | string, void, undefined> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= generate();
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator?.return(undefined);
    },
  });
}

/** A stream of one buffer produced by `make` (for formats whose library builds the whole file). */
export function bufferStream(make: () => Promise<Uint8Array>): ReadableStream<Uint8Array> {
  return toByteStream(async function* () {
    yield await make();
  });
}

/** Reads a whole stream into one buffer (tests, and formats that post-process a stream). */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
