import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeriodForm } from "@/components/periods/period-form";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getPeriod } from "@/lib/data/periods";
import { canManagePeriods } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "Edit period" };

export default async function EditPeriodPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/periods/${encodeURIComponent(id)}/edit`);
  const period = await getPeriod(id);
  if (!period) notFound();
  if (!canManagePeriods(user)) await denyPage(user, "update_period", { periodId: period.id });
  return (
    <>
      <p>
        <Link href={`/periods/${period.id}`}>← {period.name}</Link>
      </p>
      <h1>Edit the {period.name}</h1>
      <div className="card">
        <PeriodForm period={period} nextNumber={period.number} />
      </div>
    </>
  );
}
