// Run by bench/run.ts in a child process (`node --conditions=react-server`, so that the app's server-only
// modules load outside Next.js): publishes the next edition of a period with the app's own code
// (lib/data/editions.ts) and prints how long it took, as JSON on the last line.
// Usage: tsx --conditions=react-server bench/publish-edition.ts <periodNumber>   (DATABASE_URL set)
import { publishEdition } from "@/lib/data/editions";
import { getDb } from "@/lib/db";

const periodNumber = Number(process.argv[2]);
if (!Number.isInteger(periodNumber)) throw new Error("Usage: publish-edition.ts <periodNumber>");

const db = getDb();
const manager = await db.user.findFirstOrThrow({ where: { email: "manager@nato.demo" }, select: { id: true, name: true, role: true, organisationId: true } });
const expectedEditions = await db.reportEdition.count({ where: { period: { number: periodNumber } } });
const started = performance.now();
const edition = await publishEdition(
  { ...manager, organisationCode: "NATO" },
  { periodNumber, expectedEditions, changeNote: expectedEditions ? "Benchmark re-publication." : "" },
);
const ms = Math.round(performance.now() - started);
await db.$disconnect();
console.log(JSON.stringify({ edition: edition.number, publishMs: ms }));
