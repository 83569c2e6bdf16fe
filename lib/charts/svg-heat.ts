// The heat map of a HeatChartSpec: area rows, period columns, a value and note per cell, and its legend.
import type { HeatChartSpec } from "@/lib/domain/charts";
import { HEAT_NONE, HEAT_STEPS, heatStep } from "@/lib/domain/palette";
import { flowLegend, group, line, noData, num, rect, svgDocument, text, textLines, type ChartSvg, type LegendItem } from "./svg-markup";
import { GAP, GRID, INK, LABEL_SIZE, LINE, MUTED, PAD, VALUE_SIZE } from "./svg-style";
import { escapeXml, labelColumnWidth, widest, widestWord, wrapText } from "./svg-text";

// Cells at least 46 px (room for "100%" in bold) and widened up to 72 px for a long period label.
const HEAT = { minCell: 46, maxMinCell: 72, minLabel: 120, minRow: 40, headerSize: 11 } as const;

type HeatLayout = { width: number; labelWidth: number; cellWidth: number; headerTop: number; headerHeight: number; rowTops: number[]; rowHeights: number[] };

/** Area labels on the left, one column per period; the chart grows wider rather than squeeze cells past reading. */
function heatLayout(spec: HeatChartSpec, width: number): HeatLayout {
  const n = spec.columns.length;
  const minCell = Math.min(
    HEAT.maxMinCell,
    Math.max(
      HEAT.minCell,
      widestWord(
        spec.columns.map((c) => c.label),
        HEAT.headerSize,
        true,
      ) + 8,
    ),
  );
  const room = width - 2 * PAD - GAP - n * minCell;
  const labelWidth = labelColumnWidth(
    spec.rows.map((r) => r.label),
    LABEL_SIZE,
    width * 0.28,
    Math.max(HEAT.minLabel, Math.min(width * 0.4, room)),
  );
  const fullWidth = Math.max(width, Math.ceil(2 * PAD + GAP + labelWidth + n * minCell));
  const cellWidth = (fullWidth - 2 * PAD - GAP - labelWidth) / n;
  const headerLines = Math.max(...spec.columns.map((c) => wrapText(c.label, cellWidth - 6, HEAT.headerSize, true).length));
  const headerHeight = headerLines * LINE + 12;
  const rowHeights = spec.rows.map((r) => wrapText(r.label, labelWidth, LABEL_SIZE)).map((l) => Math.max(HEAT.minRow, l.length * LINE + 10));
  const rowTops = rowHeights.map((_, i) => PAD + headerHeight + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  return { width: fullWidth, labelWidth, cellWidth, headerTop: PAD, headerHeight, rowTops, rowHeights };
}

export function renderHeat(spec: HeatChartSpec, width: number): ChartSvg {
  if (!spec.rows.length || !spec.columns.length) return noData(spec, width);
  const layout = heatLayout(spec, width);
  const columnX = (i: number) => PAD + layout.labelWidth + GAP + i * layout.cellWidth;
  const rowLabels = spec.rows.flatMap((r, i) =>
    textLines(wrapText(r.label, layout.labelWidth, LABEL_SIZE), PAD, layout.rowTops[i]! + layout.rowHeights[i]! / 2, { size: LABEL_SIZE }),
  );
  const bottom = layout.rowTops[spec.rows.length - 1]! + layout.rowHeights[spec.rows.length - 1]!;
  const legend = heatLegend(spec, bottom + 20, layout.width);
  const parts = [
    group(`${spec.id}-columns`, heatHeader(spec, layout, columnX)),
    group(`${spec.id}-rows`, rowLabels),
    group(`${spec.id}-cells`, heatCells(spec, layout, columnX)),
    heatSelection(spec, layout, columnX, bottom),
    legend.markup,
  ];
  return svgDocument(spec, layout.width, Math.ceil(bottom + 20 + legend.height + PAD), parts);
}

/** Period labels, bottom-aligned; the marked period in bold and underlined, not by colour alone. */
function heatHeader(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number): string[] {
  const bottom = layout.headerTop + layout.headerHeight;
  return spec.columns.flatMap((c, i) => {
    const isSelected = i === spec.selectedColumn;
    const lines = wrapText(c.label, layout.cellWidth - 6, HEAT.headerSize, true);
    const centre = columnX(i) + layout.cellWidth / 2;
    const labels = lines.map((l, j) =>
      text(l, centre, bottom - 10 - (lines.length - 1 - j) * LINE, { size: HEAT.headerSize, anchor: "middle", bold: isSelected }),
    );
    const underline = widest(lines, HEAT.headerSize, true) / 2;
    return isSelected ? [...labels, line(centre - underline, bottom - 6, centre + underline, bottom - 6, INK, 1.5)] : labels;
  });
}

/** Every cell states its value ("–" when nothing was counted) and its note, in the palette's text colour. */
function heatCells(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number): string[] {
  return spec.rows.flatMap((row, r) =>
    spec.columns.flatMap((_, c) => {
      const cell = row.cells[c] ?? { value: null, note: "" };
      const step = heatStep(cell.value);
      const colours = step === null ? HEAT_NONE : HEAT_STEPS[step]!;
      const [x, y, h] = [columnX(c), layout.rowTops[r]!, layout.rowHeights[r]!];
      const centre = x + layout.cellWidth / 2;
      const value = cell.value === null ? "–" : `${num(cell.value)}%`;
      return [
        rect(x + 1, y + 1, layout.cellWidth - 2, h - 2, `fill="${colours.fill}" stroke="${GRID}" stroke-width="1"`),
        text(value, centre, y + h / 2 - 1, { size: VALUE_SIZE, anchor: "middle", bold: true, fill: colours.text }),
        ...(cell.note ? [text(cell.note, centre, y + h / 2 + 12, { size: 10, anchor: "middle", fill: colours.text })] : []),
      ];
    }),
  );
}

function heatSelection(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number, bottom: number): string {
  if (spec.selectedColumn < 0 || spec.selectedColumn >= spec.columns.length) return "";
  const x = columnX(spec.selectedColumn);
  return `<rect id="${escapeXml(spec.id)}-selected" x="${num(x)}" y="${num(layout.headerTop)}" width="${num(layout.cellWidth)}" height="${num(bottom - layout.headerTop)}" fill="none" stroke="${INK}" stroke-width="2"/>`;
}

/** The five steps and "nothing counted", then what a cell says and which column is outlined. */
function heatLegend(spec: HeatChartSpec, top: number, width: number): { markup: string; height: number } {
  const items: LegendItem[] = [
    ...HEAT_STEPS.map((s, i) => ({ label: i === HEAT_STEPS.length - 1 ? `${i * 20}–100%` : `${i * 20}–${i * 20 + 19}%`, fill: s.fill, stroke: GRID })),
    { label: "Nothing counted (–)", fill: HEAT_NONE.fill, stroke: GRID },
  ];
  const selected = spec.columns[spec.selectedColumn];
  const note = `Each cell: average progress, then updates counted / proposals.${selected ? ` Outlined: ${selected.title}.` : ""}`;
  const noteLines = wrapText(note, width - 2 * PAD, VALUE_SIZE);
  const legend = flowLegend(spec.id, items, PAD, top, width - 2 * PAD);
  const noteTop = top + legend.height + 10;
  const noteMarkup = noteLines.map((l, i) => text(l, PAD, noteTop + 10 + i * LINE, { size: VALUE_SIZE, fill: MUTED }));
  return { markup: `${legend.markup}\n${group(`${spec.id}-note`, noteMarkup)}`, height: legend.height + 10 + noteLines.length * LINE };
}
