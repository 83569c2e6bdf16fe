import type { TextSegment } from "@/lib/domain/diff";

/** A word diff: insertions and deletions marked up (and named for screen readers by <ins>/<del>). */
export function TextDiff({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.change === "added" ? (
          <ins key={i} className="diff-added">
            {s.value}
          </ins>
        ) : s.change === "removed" ? (
          <del key={i} className="diff-removed">
            {s.value}
          </del>
        ) : (
          <span key={i}>{s.value}</span>
        ),
      )}
    </>
  );
}
