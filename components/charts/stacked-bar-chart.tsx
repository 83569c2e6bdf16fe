"use client";

import { legendText } from "./legend-text";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type StackedSeries = { key: string; label: string; colour: string };

type Props = {
  /** One row per category: `name` plus a number per series key. */
  data: ({ name: string } & Record<string, number | string>)[];
  series: StackedSeries[];
  /** Spoken instead of the drawing; the table twin next to the chart carries the numbers. */
  summary: string;
  categoryWidth?: number;
};

/** Horizontal stacked bars. Props in, nothing fetched. */
export function StackedBarChart({ data, series, summary, categoryWidth = 230 }: Props) {
  return (
    <div className="chart__box" role="img" aria-label={summary} style={{ height: Math.max(240, data.length * 34 + 90) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={categoryWidth} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.colour} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
