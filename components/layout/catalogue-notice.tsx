/** The demo-data notice (lib/data/settings.ts getCatalogueNotice, read by the page); nothing once an admin clears it. */
export function CatalogueNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <p className="notice" data-testid="catalogue-notice">
      <strong>Demo data.</strong> {notice}
    </p>
  );
}
