import { getCatalogueNotice } from "@/lib/data/settings";

export async function CatalogueNotice() {
  const notice = await getCatalogueNotice();
  if (!notice) return null;
  return (
    <p className="notice" data-testid="catalogue-notice">
      <strong>Demo data.</strong> {notice}
    </p>
  );
}
