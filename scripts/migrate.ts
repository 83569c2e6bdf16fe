// `npm run db:migrate`: applies pending migrations as DATABASE_OWNER_URL (else DATABASE_URL) and gives
// the app's role (DATABASE_URL) its rights on the tables when the two differ.
import { prepareDatabase } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const { leastPrivilege } = await prepareDatabase(process.env.DATABASE_OWNER_URL ?? url, url);
if (leastPrivilege) console.log("The app's role has its rights on every table.");
