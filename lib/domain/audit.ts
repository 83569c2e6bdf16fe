// How an audit event reads: old -> new per field.

export type AuditFieldChange = { field: string; before: string; after: string };

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields whose values differ between `before` and `after` (all of `after` for a creation), in key order. */
export function auditChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).map((field) => ({ field, before: show(a[field]), after: show(b[field]) }));
}
