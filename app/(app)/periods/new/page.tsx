import type { Metadata } from "next";
import Link from "next/link";
import { PeriodForm } from "@/components/periods/period-form";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { listPeriods } from "@/lib/data/periods";
import { canManagePeriods } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "New period" };

export default async function NewPeriodPage() {
  const user = await requirePageUser("/periods/new");
  if (!canManagePeriods(user)) await denyPage(user, "create_period", {});
  const periods = await listPeriods();
  return (
    <>
      <p>
        <Link href="/periods">← Reporting cycle</Link>
      </p>
      <h1>New reporting period</h1>
      <div className="card">
        <PeriodForm nextNumber={(periods[0]?.number ?? 0) + 1} />
      </div>
    </>
  );
}
