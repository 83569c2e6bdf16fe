"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="signin">
      <div className="card" role="alert">
        <h1>Something went wrong</h1>
        <p>The error was logged. If it happens again, quote this reference: {error.digest ?? "n/a"}.</p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
