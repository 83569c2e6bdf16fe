"use client";

/** Prints the page as it is shown (the print styles drop the controls and keep charts, tables and numbers). */
export function PrintButton() {
  return (
    <button type="button" className="button button--secondary button--small no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}
