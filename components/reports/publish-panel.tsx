import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { publishReport } from "@/lib/actions/reports";

type Props = {
  period: { id: string; number: number; name: string; state: string };
  editionCount: number;
  activeReopenings: number;
};

/** Managers publish an edition from a locked (or closed) period; a correction needs a change note. */
export function PublishPanel({ period, editionCount, activeReopenings }: Props) {
  const next = editionCount + 1;
  const settled = period.state === "LOCKED" || period.state === "CLOSED";
  return (
    <section className="card no-print" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish {editionCount === 0 ? "the report" : "a corrected edition"}</h2>
      {!settled ? (
        <p>
          The {period.name} is {period.state === "OPEN" ? "open for updates" : period.state.toLowerCase()}: its report is a draft. After the cut-off, lock the
          period in the <Link href={`/periods/${period.id}`}>cycle cockpit</Link>, then publish an edition here.
        </p>
      ) : (
        <>
          <p>
            Edition {next} will freeze the catalogue text, every approved update, the figures and the charts as they are now, and count as {` `}
            <strong>your organisation&apos;s sign-off</strong>. Later edits, reopenings or catalogue changes never change it.
          </p>
          {activeReopenings > 0 && (
            <p className="callout" role="note">
              {activeReopenings} {activeReopenings === 1 ? "proposal is" : "proposals are"} reopened for edits right now: only their approved updates will be in
              the edition.
            </p>
          )}
          <ActionForm
            label="Publish an edition"
            action={publishReport}
            fields={[
              { name: "periodNumber", label: "", type: "hidden", defaultValue: String(period.number) },
              { name: "expectedEditions", label: "", type: "hidden", defaultValue: String(editionCount) },
              ...(editionCount > 0
                ? [{ name: "changeNote", label: "What this edition corrects", type: "textarea" as const, hint: "Shown on the edition and in every file." }]
                : []),
            ]}
            buttons={[{ label: `Publish edition ${next}` }]}
          />
        </>
      )}
    </section>
  );
}
