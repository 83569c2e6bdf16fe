// Chart colours, the same hues as the badges in app/globals.css. Each has at least 3:1 contrast with
// its neighbours' white separators; charts always come with a text summary and a data table.
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
