// The review queue's URL: filters by area, organisation and author, the item shown and the last decision.
// Unknown or malformed values are dropped rather than failing the page.
import { z } from "zod";
import type { ReviewQueueFilters } from "@/lib/domain/review-queue";

const ID = /^[a-z0-9-]{1,64}$/;
const values = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((raw) => [
    ...new Set(
      [raw ?? []]
        .flat()
        .flatMap((v) => v.split(","))
        .map((v) => v.trim()),
    ),
  ]);

const reviewQueueQuerySchema = z.object({
  area: values.transform((v) => v.filter((s) => ID.test(s))),
  org: values.transform((v) => v.map((s) => s.toUpperCase()).filter((s) => /^[A-Z]{2,10}$/.test(s))),
  author: values.transform((v) => v.filter((s) => ID.test(s))),
  at: values.transform((v) => v.find((s) => ID.test(s)) ?? null),
  done: values.transform((v) => (v[0] === "approved" || v[0] === "returned" ? v[0] : null)),
});

export type ReviewQueueQuery = ReviewQueueFilters & { at: string | null; done: "approved" | "returned" | null };

export function parseReviewQueueQuery(params: Record<string, string | string[] | undefined>): ReviewQueueQuery {
  return reviewQueueQuerySchema.parse({ area: params.area, org: params.org, author: params.author, at: params.at, done: params.done });
}
