// After `next build` (npm run build, npm test): records what code the build was made from, so that
// `npm start` serves it without building again (scripts/lib/build-stamp.ts).
import path from "node:path";
import { sourceFingerprint, writeBuildStamp } from "./lib/build-stamp";

const root = path.resolve(import.meta.dirname, "..");
await writeBuildStamp(root, await sourceFingerprint(root));
