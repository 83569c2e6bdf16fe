// Chart colours of the dashboard's Recharts charts and of the server-drawn SVG/PNG charts, the same hues
// as the badges in app/globals.css. Each has at least 3:1 contrast with its neighbours' white separators;
// charts always come with a text summary and a data table.
export const STATUS_COLOURS = {
  NOT_STARTED: "#5b6472",
  IN_PROGRESS: "#1d5fbf",
  ONGOING: "#0b7a70",
  COMPLETED: "#2f7d32",
  STALLED: "#a14d00",
  NO_UPDATE: "#c5ccd6",
} as const;

export const ASSESSMENT_COLOURS = {
  ON_TRACK: "#2f7d32",
  AT_RISK: "#b7791f",
  OFF_TRACK: "#b42318",
  NOT_ASSESSED: "#8a94a3",
} as const;

/** The heat map's five steps of blue by average progress (0-19, 20-39, ... 80-100 %) and "nothing counted": background and text. */
export const HEAT_STEPS = [
  { fill: "#eef4fb", text: "#1a2330" },
  { fill: "#d3e3f6", text: "#1a2330" },
  { fill: "#a9c8ec", text: "#1a2330" },
  { fill: "#2f6db3", text: "#ffffff" },
  { fill: "#1d4f8f", text: "#ffffff" },
] as const;
export const HEAT_NONE = { fill: "#f4f6f9", text: "#4a5565" } as const;

/** The step (0-4) of an average progress, or null when nothing was counted. */
export function heatStep(averageProgress: number | null): number | null {
  return averageProgress === null ? null : Math.min(4, Math.max(0, Math.floor(averageProgress / 20)));
}
