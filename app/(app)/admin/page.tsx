import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { canAdminister } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Admin" };

const DESCRIPTIONS: Record<(typeof ADMIN_SECTIONS)[number]["href"], string> = {
  "/admin/users": "Invite staff, managers and viewers; change roles; deactivate people who leave; send password links.",
  "/admin/focal-points": "Who follows which proposal on each side; vacancies; hand a leaving person's proposals to someone else.",
  "/admin/catalogue": "The areas and the proposals: wording, area, set, the EDA's involvement; retire a proposal.",
  "/admin/import": "Load the official catalogue, people and past status updates from Excel or CSV, checked before anything is written.",
  "/audit": "Every change, review, lock and sign-in, with old and new values.",
};

export default async function AdminPage() {
  const user = await requirePageUser("/admin");
  if (!canAdminister(user)) await denyPage(user, "view_admin", {});
  return (
    <>
      <h1>Admin</h1>
      <ul className="admin-sections">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href} className="card">
            <h2>
              <Link href={s.href}>{s.label}</Link>
            </h2>
            <p>{DESCRIPTIONS[s.href]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
