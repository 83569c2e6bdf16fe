"use client";

/** Legend labels in body text colour: series colours alone are too light to read as text. */
export function legendText(value: string) {
  return <span style={{ color: "#1a2330" }}>{value}</span>;
}
