// Demo users for every role in both organisations (listed in the README). One shared demo password;
// the seed refuses to run on a database with real data unless forced.

export const DEMO_PASSWORD = "demo-password-2026";

export type SeedUser = {
  id: string;
  email: string;
  name: string;
  role: "VIEWER" | "STAFF" | "MANAGER" | "ADMIN";
  organisationId: "nato" | "eu";
  /** Areas (by number) whose proposals this staff member follows as focal point. */
  focalAreas?: number[];
};

export const organisations = [
  { id: "nato", code: "NATO", name: "NATO International Staff" },
  { id: "eu", code: "EU", name: "European Union (EEAS, Commission, EDA)" },
] as const;

const ODD_AREAS = [1, 3, 5, 7, 9, 11];
const EVEN_AREAS = [2, 4, 6, 8, 10];

export const users: SeedUser[] = [
  { id: "seed-user-nato-admin", email: "admin@nato.demo", name: "Henrik Dahl", role: "ADMIN", organisationId: "nato" },
  { id: "seed-user-nato-manager", email: "manager@nato.demo", name: "Claire Dubois", role: "MANAGER", organisationId: "nato" },
  { id: "seed-user-nato-staff", email: "staff@nato.demo", name: "Tomasz Nowak", role: "STAFF", organisationId: "nato", focalAreas: ODD_AREAS },
  { id: "seed-user-nato-staff2", email: "staff2@nato.demo", name: "Aisha Karimi", role: "STAFF", organisationId: "nato", focalAreas: EVEN_AREAS },
  { id: "seed-user-nato-viewer", email: "viewer@nato.demo", name: "Jonas Berg", role: "VIEWER", organisationId: "nato" },
  { id: "seed-user-eu-admin", email: "admin@eu.demo", name: "Lucia Romano", role: "ADMIN", organisationId: "eu" },
  { id: "seed-user-eu-manager", email: "manager@eu.demo", name: "Pieter de Vries", role: "MANAGER", organisationId: "eu" },
  { id: "seed-user-eu-staff", email: "staff@eu.demo", name: "Elena Popescu", role: "STAFF", organisationId: "eu", focalAreas: EVEN_AREAS },
  { id: "seed-user-eu-staff2", email: "staff2@eu.demo", name: "Mikko Virtanen", role: "STAFF", organisationId: "eu", focalAreas: ODD_AREAS },
  { id: "seed-user-eu-viewer", email: "viewer@eu.demo", name: "Sofia Almeida", role: "VIEWER", organisationId: "eu" },
];

/** Every ninth proposal has no NATO focal point yet: vacancies are part of real life. */
export function hasVacantNatoFocalPoint(proposalNumber: number): boolean {
  return proposalNumber % 9 === 0;
}
