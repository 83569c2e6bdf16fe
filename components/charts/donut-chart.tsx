"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { legendText } from "./legend-text";
import { usePrintWidth } from "./use-print-width";

const HEIGHT = 300;

type Slice = { key: string; label: string; value: number; colour: string; href?: string };

/** A donut of shares. Props in, nothing fetched; a click on a slice opens exactly those proposals. */
export function DonutChart({ slices, summary }: { slices: Slice[]; summary: string }) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const printWidth = usePrintWidth(box);
  const visible = slices.filter((s) => s.value > 0);
  return (
    <div className="chart__box" role="img" aria-label={summary} style={{ height: HEIGHT }} ref={box}>
      <ResponsiveContainer width={printWidth ?? "100%"} height={printWidth ? HEIGHT : "100%"}>
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
            onClick={(_entry: unknown, index: number) => visible[index]?.href && router.push(visible[index]!.href!)}
          >
            {visible.map((s) => (
              <Cell key={s.key} fill={s.colour} cursor={s.href ? "pointer" : undefined} />
            ))}
          </Pie>
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
