import type { EuBodyCode, OrganisationCode } from "@/lib/domain/people";
import { EU_BODY_LABELS } from "@/lib/validation/people";

/** "NATO", or "EU" with the body when it is known: "EU · EEAS". */
export function OrganisationLabel({ code, body }: { code: OrganisationCode; body: EuBodyCode | null }) {
  return (
    <>
      {code}
      {body && <> · {EU_BODY_LABELS[body]}</>}
    </>
  );
}
