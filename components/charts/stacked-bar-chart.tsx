"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { legendText } from "./legend-text";
import { usePrintWidth } from "./use-print-width";

export type StackedSeries = { key: string; label: string; colour: string };

type Props = {
  /** One row per category: `name` plus a number per series key. */
  data: ({ name: string } & Record<string, number | string>)[];
  series: readonly StackedSeries[];
  /** Spoken instead of the drawing; the table twin next to it carries the numbers and the same links. */
  summary: string;
  /** Per row, per series key: where a click on that segment leads (the filtered proposal list). */
  hrefs?: Record<string, string>[];
  /** Horizontal bars with categories down the side (default), or columns with categories along the bottom. */
  orientation?: "bars" | "columns";
  /** Values are percentages (0-100), e.g. shares per period. */
  percent?: boolean;
  categoryWidth?: number;
};

/** Stacked bars. Props in, nothing fetched; a click on a segment opens exactly those proposals. */
export function StackedBarChart({ data, series, summary, hrefs, orientation = "bars", percent = false, categoryWidth = 230 }: Props) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const printWidth = usePrintWidth(box);
  const bars = orientation === "bars";
  const valueAxis = { type: "number" as const, allowDecimals: false, ...(percent ? { domain: [0, 100], unit: "%" } : {}) };
  const height = bars ? Math.max(240, data.length * 34 + 90) : 340;
  return (
    <div className="chart__box" role="img" aria-label={summary} style={{ height }} ref={box}>
      <ResponsiveContainer width={printWidth ?? "100%"} height={printWidth ? height : "100%"}>
        <BarChart data={data} layout={bars ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={!bars} vertical={bars} />
          {bars ? (
            <>
              <XAxis {...valueAxis} />
              <YAxis type="category" dataKey="name" width={categoryWidth} tick={{ fontSize: 12 }} interval={0} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="name" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
              <YAxis {...valueAxis} width={48} />
            </>
          )}
          <Tooltip formatter={percent ? (value) => `${value}%` : undefined} />
          <Legend itemSorter={null} formatter={legendText} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="stack"
              fill={s.colour}
              stroke="#fff"
              strokeWidth={1}
              isAnimationActive={false}
              cursor={hrefs ? "pointer" : undefined}
              onClick={hrefs ? (_entry: unknown, index: number) => hrefs[index]?.[s.key] && router.push(hrefs[index]![s.key]!) : undefined}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
