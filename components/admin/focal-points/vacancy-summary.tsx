import Link from "next/link";
import { focalPointsHref } from "@/lib/validation/focal-points";

/** Vacancies per side: current proposals with no active focal point of that organisation. */
export function VacancySummary({ sides }: { sides: { code: string; name: string; vacancies: number }[] }) {
  return (
    <section aria-labelledby="vacancies-title" style={{ marginBottom: "1.5rem" }}>
      <h2 id="vacancies-title">Vacancies</h2>
      <p className="muted">A proposal is vacant on a side when no active person of that organisation follows it. Retired proposals are left out.</p>
      <div className="grid grid--stats">
        {sides.map((side) => (
          <div key={side.code} className="stat" data-testid={`vacancies-${side.code}`}>
            <div className="stat__label">{side.code} side</div>
            <div className="stat__value">
              <Link href={focalPointsHref({ side: side.code, vacant: true })} aria-label={`${side.vacancies} ${side.code} vacancies: list them`}>
                {side.vacancies}
              </Link>
            </div>
            <div className="stat__note">
              {side.vacancies === 1 ? "proposal without" : "proposals without"} a {side.code} focal point
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
