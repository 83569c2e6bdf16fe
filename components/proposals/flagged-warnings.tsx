/**
 * The warnings the server stored with an update when it was saved (lib/domain/update-warnings.ts), in plain
 * words: "Flagged when saved: Completed at 40 % progress." Nothing when there are none.
 */
export function FlaggedWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="callout callout--warning" role="note" data-testid="flagged-warnings">
      {warnings.length === 1 ? (
        <p>
          <strong>Flagged when saved:</strong> {warnings[0]}.
        </p>
      ) : (
        <>
          <p>
            <strong>Flagged when saved:</strong>
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}.</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
