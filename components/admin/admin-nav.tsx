"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ADMIN_SECTIONS } from "./admin-sections";

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
