// The admin section's pages, in the order of its navigation (shared by the nav and the /admin overview;
// a plain module, so that server components can read the list).
export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "People" },
  { href: "/admin/focal-points", label: "Focal points" },
  { href: "/admin/catalogue", label: "Catalogue" },
  { href: "/admin/import", label: "Import" },
  { href: "/audit", label: "Audit trail" },
] as const;
