/**
 * On paper only: what the page is, when it was printed, the period it shows and the filters in force (the
 * site header and the controls do not print). The page passes plain words (lib/domain/print.ts).
 */
export function PrintHeader({ printedAt, period, filters }: { printedAt: string; period: string; filters?: string }) {
  return (
    <div className="print-header" data-testid="print-header">
      <p className="print-header__site">
        NATO–EU Progress Tracker <span className="print-header__printed">{printedAt}</span>
      </p>
      <p>{period}</p>
      {filters && <p>{filters}</p>}
    </div>
  );
}
