"use client";

// Recharts loads after the page is interactive and is never rendered on the server: the server sends
// the summary and the table twin (the numbers), the browser draws the picture. Keeps first-load
// JavaScript and server CPU per request down.
import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div className="chart__placeholder" aria-hidden="true" />;
}

export const StackedBarChart = dynamic(() => import("./stacked-bar-chart").then((m) => m.StackedBarChart), { ssr: false, loading: ChartPlaceholder });
export const DonutChart = dynamic(() => import("./donut-chart").then((m) => m.DonutChart), { ssr: false, loading: ChartPlaceholder });
