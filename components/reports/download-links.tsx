"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";

export type DownloadLink = { href: string; label: string; fileName: string; description: string };

type Progress = { label: string; received: number; startedAt: number; now: number };

// After this long without the file, the download shows its progress and a Cancel button.
const SHOW_PROGRESS_AFTER_MS = 400;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Report downloads. Each is a plain link (works without JavaScript, the browser saves the file); with
 * JavaScript the file is fetched here instead, so that a long one shows how much has arrived and can
 * be cancelled (which also stops the server's work), and an error is shown beside the links.
 */
export function DownloadLinks({ links, label }: { links: DownloadLink[]; label: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "status"; text: string } | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function download(event: MouseEvent<HTMLAnchorElement>, link: DownloadLink) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const origin = event.currentTarget;
    if (controller.current) return; // one download at a time
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = performance.now();
    const timer = setTimeout(() => setProgress((p) => p ?? { label: link.label, received: 0, startedAt, now: performance.now() }), SHOW_PROGRESS_AFTER_MS);
    setMessage(null);
    try {
      const response = await fetch(link.href, { signal: abort.signal, credentials: "same-origin", redirect: "error" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      // Never save a page (a sign-in form, an error page) under the report's file name.
      if ((response.headers.get("Content-Type") ?? "").startsWith("text/html"))
        throw new Error("The server sent a page instead of the file. Reload and try again.");
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        if (performance.now() - startedAt > SHOW_PROGRESS_AFTER_MS) setProgress({ label: link.label, received, startedAt, now: performance.now() });
      }
      save(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }), link.fileName);
      setMessage({ kind: "status", text: `${link.label} downloaded (${size(received)}).` });
    } catch (error) {
      if (abort.signal.aborted) setMessage({ kind: "status", text: `${link.label} download cancelled.` });
      else setMessage({ kind: "error", text: `${link.label} could not be downloaded: ${describe(error)}` });
    } finally {
      clearTimeout(timer);
      controller.current = null;
      setProgress(null);
      // The Cancel button is gone: keyboard users continue from the link they started with.
      if (document.activeElement === document.body || document.activeElement === null) origin.focus();
    }
  }

  return (
    <div className="downloads" data-state={progress ? "downloading" : "idle"}>
      <ul className="downloads__list" aria-label={label}>
        {links.map((link) => (
          <li key={link.href}>
            <a className="button button--secondary button--small" href={link.href} download={link.fileName} onClick={(e) => void download(e, link)}>
              {link.label}
              <span className="visually-hidden"> ({link.description})</span>
            </a>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="downloads__status">
        {progress && (
          <span>
            Preparing {progress.label}: {size(progress.received)} received, {Math.round((progress.now - progress.startedAt) / 1000)} s{" "}
            <progress aria-label={`${progress.label} download`} />
          </span>
        )}
        {message?.kind === "status" && !progress && <span>{message.text}</span>}
      </div>
      {progress && (
        <button type="button" className="button button--secondary button--small" onClick={() => controller.current?.abort()}>
          Cancel download
        </button>
      )}
      {message?.kind === "error" && (
        <p role="alert" className="alert alert--error">
          {message.text}
        </p>
      )}
    </div>
  );
}

/** A network failure says so in words; a redirect (an ended session) asks to sign in again. */
function describe(error: unknown): string {
  if (error instanceof TypeError) return "the connection failed, or your session has ended. Reload the page (and sign in again if asked).";
  return (error as Error).message;
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
