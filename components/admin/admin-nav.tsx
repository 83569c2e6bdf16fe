"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "People" },
  { href: "/admin/focal-points", label: "Focal points" },
  { href: "/admin/catalogue", label: "Catalogue" },
  { href: "/admin/import", label: "Import" },
  { href: "/audit", label: "Audit trail" },
] as const;

/** The admin section's own navigation (a second level under "Admin" in the main navigation). */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav className="admin-nav no-print" aria-label="Administration">
      <ul>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={pathname === s.href || pathname.startsWith(`${s.href}/`) ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
