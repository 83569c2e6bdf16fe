"use client";

import { legendText } from "./legend-text";
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

type Slice = { key: string; label: string; value: number; colour: string };

/** A donut of shares. Props in, nothing fetched; the table twin next to it carries the numbers. */
export function DonutChart({ slices, summary }: { slices: Slice[]; summary: string }) {
  const visible = slices.filter((s) => s.value > 0);
  return (
    <div className="chart__box" role="img" aria-label={summary} style={{ height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart accessibilityLayer={false}>
          <Pie
            data={visible}
            dataKey="value"
            nameKey="label"
            innerRadius="50%"
            outerRadius="80%"
            stroke="#fff"
            label={({ value }) => String(value)}
            isAnimationActive={false}
          >
            {visible.map((s) => (
              <Cell key={s.key} fill={s.colour} />
            ))}
          </Pie>
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
