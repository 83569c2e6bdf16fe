/**
 * The box of a table that may be wider than the screen: the table scrolls sideways inside it, never the
 * page. Focusable, so that a keyboard can scroll it, and named, so that a screen reader says what it holds
 * (by its own label or by the id of a heading). The stylesheet shades the edge that has more to show.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: { children: React.ReactNode } & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
