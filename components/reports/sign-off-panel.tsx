import { ActionForm } from "@/components/ui/action-form";
import { signOffReport } from "@/lib/actions/reports";
import type { SessionUser } from "@/lib/domain/session-user";
import { formatDateTime } from "@/lib/domain/format";
import { SIGNATORY_ORGANISATIONS, canManageReports, type ReportHeader } from "@/lib/domain/report";

/** Who has signed the edition, who is missing, and the manager's own sign-off. */
export function SignOffPanel({ header, periodNumber, user }: { header: ReportHeader; periodNumber: number; user: SessionUser }) {
  const edition = header.edition!;
  const signed = new Map(header.signOffs.map((s) => [s.organisationCode, s]));
  const mine = signed.get(user.organisationCode);
  const canSign =
    canManageReports(user) && edition.supersededBy === null && !mine && (SIGNATORY_ORGANISATIONS as readonly string[]).includes(user.organisationCode);
  return (
    <section className="card" aria-labelledby="sign-off-title" data-testid="sign-off-panel">
      <h2 id="sign-off-title">Joint sign-off</h2>
      {edition.supersededBy !== null && (
        <p className="callout" role="note">
          Edition {edition.number} was replaced by{" "}
          {canManageReports(user) ? (
            <a href={`/reports/${periodNumber}?edition=${edition.supersededBy}`}>edition {edition.supersededBy}</a>
          ) : (
            `edition ${edition.supersededBy}, which you can read once both organisations have signed it off`
          )}
          .
        </p>
      )}
      <ul className="plain-list">
        {SIGNATORY_ORGANISATIONS.map((code) => {
          const s = signed.get(code);
          return (
            <li key={code} data-testid={`sign-off-${code}`}>
              <strong>{code}:</strong> {s ? `signed off by ${s.userName} on ${formatDateTime(new Date(s.signedAt), user.timeZone)}` : "not signed off yet"}
            </li>
          );
        })}
      </ul>
      {header.state === "final" && <p>Both organisations have signed off: this edition is final.</p>}
      {header.state === "awaiting_sign_off" && (
        <p>Awaiting sign-off by {header.missingSignOffs.join(" and ")}. The edition becomes final once a manager of each organisation has signed it off.</p>
      )}
      {canSign && (
        <ActionForm
          label="Sign off this edition"
          action={signOffReport}
          className="no-print"
          fields={[
            { name: "periodNumber", label: "", type: "hidden", defaultValue: String(periodNumber) },
            { name: "edition", label: "", type: "hidden", defaultValue: String(edition.number) },
          ]}
          buttons={[{ label: `Sign off edition ${edition.number} for ${user.organisationCode}` }]}
        />
      )}
    </section>
  );
}
