import { expect, test } from "vitest";
import { AppError } from "./errors";
import { MAX_JSON_BYTES, readJsonBody } from "./http";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api", { method: "PUT", body, headers, duplex: "half" } as RequestInit);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

test("a JSON body is read and parsed", async () => {
  expect(await readJsonBody(post(JSON.stringify({ progress: 40 })))).toEqual({ progress: 40 });
});

test("not JSON: 400 with a message", async () => {
  const error = await errorOf(readJsonBody(post("{nope")));
  expect([error.status, error.message]).toEqual([400, "The request body must be JSON."]);
});

test("a body over the limit is refused with 413, whether its Content-Length says so or not", async () => {
  const big = JSON.stringify({ narrative: "x".repeat(MAX_JSON_BYTES) });
  expect((await errorOf(readJsonBody(post(big)))).status).toBe(413);
  // Streamed without a length: reading stops at the limit.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 200; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
      controller.close();
    },
  });
  expect((await errorOf(readJsonBody(post(stream)))).status).toBe(413);
  expect((await errorOf(readJsonBody(post("{}", { "content-length": String(10 * 1024 * 1024) })))).status).toBe(413);
});
