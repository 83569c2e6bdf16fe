// The signed-in person as pages, actions and components see them (loaded fresh on every request by
// lib/data/users.ts). A plain type here, so components can take one as a prop without reaching into lib/data.
import type { Actor } from "./permissions";

export type SessionUser = Actor & {
  email: string;
  name: string;
  organisationCode: string;
  /** The IANA zone to show times in: their choice, else Europe/Brussels (lib/domain/time-zone.ts). Never null. */
  timeZone: string;
  /** The server-side session of this request (lib/data/sessions.ts); absent outside a signed-in request. */
  sessionId?: string;
};
