// The columns of each kind of import: their headings (and the other headings people use for them), whether
// a file must have them, a note and examples for the templates and the page. Header mapping: a file's
// heading row becomes column positions, or a refusal that names what is wrong.

export const IMPORT_KINDS = ["catalogue", "people", "updates"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  catalogue: "The catalogue (areas, proposals and their focal points)",
  people: "People",
  updates: "Status updates of past periods",
};

/** What a file of this kind is called in file names and sheet names. */
export const IMPORT_KIND_SHEETS: Record<ImportKind, string> = { catalogue: "Catalogue", people: "People", updates: "Updates" };

export type ColumnSpec = {
  key: string;
  /** The heading the templates and the export write. */
  heading: string;
  /** Other headings accepted for the same column (compared without case, spacing or hyphens). */
  aliases: readonly string[];
  /** A file without this column is refused. Optional columns may be left out altogether. */
  required: boolean;
  note: string;
  examples: readonly [string, string];
};

const CATALOGUE: readonly ColumnSpec[] = [
  {
    key: "number",
    heading: "Number",
    aliases: ["Proposal", "Proposal number", "Proposal no.", "Proposal no", "No.", "No", "Nr", "#"],
    required: true,
    note: "The proposal's number (12 or P12). It ties the row to the proposal and all its history: a number already in the catalogue updates that proposal in place, a new number adds a proposal.",
    examples: ["12", "43"],
  },
  {
    key: "set",
    heading: "Set",
    aliases: ["Proposal set", "Common set"],
    required: true,
    note: "2016 (endorsed on 6 December 2016) or 2017 (5 December 2017). Also accepted: December 2016 set, SET_2016.",
    examples: ["December 2016 set", "December 2017 set"],
  },
  {
    key: "area",
    heading: "Area",
    aliases: ["Area name", "Work strand", "Strand"],
    required: true,
    note: "The area's name as on the Catalogue page (case and spacing do not matter). A name that matches no area adds a new area, shown in the check before anything is written.",
    examples: ["Cyber security and defence", "Military mobility"],
  },
  {
    key: "title",
    heading: "Title",
    aliases: ["Proposal title", "Short title"],
    required: true,
    note: "One line, 3 to 300 characters.",
    examples: ["Mutual participation in cyber exercises", "Military mobility: requirements and infrastructure"],
  },
  {
    key: "description",
    heading: "Description",
    aliases: ["Proposal text", "Text", "Wording", "Full text"],
    required: true,
    note: "The full wording, up to 5,000 characters. Line breaks are kept.",
    examples: [
      "Staff take part in each other's cyber exercises and share lessons learned.",
      "Align military requirements for moving forces across Europe, and the infrastructure they need.",
    ],
  },
  {
    key: "edaInvolved",
    heading: "EDA involved",
    aliases: ["EDA", "EDA involvement", "European Defence Agency", "EDA involved?"],
    required: true,
    note: "Whether the European Defence Agency takes part: Yes or No (also TRUE/FALSE, 1/0, or x for yes). An empty cell means No.",
    examples: ["No", "Yes"],
  },
  {
    key: "focalPoints",
    heading: "Focal points",
    aliases: ["Focal point", "Focal points (e-mail)", "Focal point e-mails", "Focal points e-mail", "Focal point emails"],
    required: false,
    note: "E-mail addresses of the people who follow the proposal, separated by commas, semicolons or line breaks. Each must be an active staff member, manager or admin; their organisation is the side they follow it for. Import adds focal points and never removes one.",
    examples: ["staff@nato.example", "ana.popescu@eeas.example; jonas.berg@nato.example"],
  },
];

const PEOPLE: readonly ColumnSpec[] = [
  {
    key: "email",
    heading: "E-mail",
    aliases: ["E-mail address", "Mail", "Login"],
    required: true,
    note: "The key: a known address updates that person; a new one creates an account without a password (send them a link from People when they should start).",
    examples: ["ana.popescu@eeas.example", "jonas.berg@nato.example"],
  },
  {
    key: "name",
    heading: "Name",
    aliases: ["Full name", "Person"],
    required: true,
    note: "As it should appear in the tracker, 2 to 120 characters.",
    examples: ["Ana Popescu", "Jonas Berg"],
  },
  {
    key: "organisation",
    heading: "Organisation",
    aliases: ["Organization", "Org", "Side"],
    required: true,
    note: "NATO or EU.",
    examples: ["EU", "NATO"],
  },
  {
    key: "body",
    heading: "EU body",
    aliases: ["Body"],
    required: false,
    note: "For EU staff: EEAS, Commission or EDA. Empty for NATO.",
    examples: ["EEAS", ""],
  },
  {
    key: "role",
    heading: "Role",
    aliases: ["Access", "Permission"],
    required: true,
    note: "Viewer (reads and exports), Staff (records updates as focal point), Manager (reviews, runs periods) or Admin.",
    examples: ["Staff", "Manager"],
  },
];

const UPDATES: readonly ColumnSpec[] = [
  {
    key: "proposal",
    heading: "Proposal",
    aliases: ["Proposal number", "Proposal no.", "Number", "No.", "No"],
    required: true,
    note: "The proposal's number (12 or P12); it must be in the catalogue.",
    examples: ["12", "43"],
  },
  {
    key: "period",
    heading: "Period",
    aliases: ["Period number", "Report", "Report number", "Progress report", "Reporting period"],
    required: true,
    note: "The number of a past reporting period (locked or closed), as on the Periods page: 3 for the 3rd progress report. The open period is recorded in the tracker itself.",
    examples: ["3", "4"],
  },
  {
    key: "status",
    heading: "Status",
    aliases: ["Implementation status"],
    required: true,
    note: "Not started, In progress, Ongoing, Completed or Stalled.",
    examples: ["In progress", "Ongoing"],
  },
  {
    key: "assessment",
    heading: "Assessment",
    aliases: ["RAG", "Rating"],
    required: true,
    note: "On track, At risk, Off track or Not assessed.",
    examples: ["On track", "At risk"],
  },
  {
    key: "progress",
    heading: "Progress (%)",
    aliases: ["Progress", "Progress %", "Percent", "% complete"],
    required: true,
    note: "A whole number from 0 to 100 (40 or 40%).",
    examples: ["40", "75"],
  },
  {
    key: "narrative",
    heading: "Narrative",
    aliases: ["Progress made", "Summary"],
    required: true,
    note: "What was done in the period, up to 5,000 characters.",
    examples: ["Two staff-to-staff meetings held; a joint paper on lessons learned agreed.", "The parallel exercise ran as planned."],
  },
  {
    key: "nextSteps",
    heading: "Next steps",
    aliases: ["Next step", "Planned next steps"],
    required: false,
    note: "Optional, up to 2,000 characters.",
    examples: ["Agree the work plan for next year.", ""],
  },
  {
    key: "evidenceLinks",
    heading: "Evidence links",
    aliases: ["Evidence", "Links", "Evidence link"],
    required: false,
    note: "Optional. One link per line, as “Label: https://…” or the address alone; at most 10, http or https only.",
    examples: ["Joint paper: https://www.nato.int/example", ""],
  },
  {
    key: "author",
    heading: "Author e-mail",
    aliases: ["Author", "Author email", "Written by", "E-mail"],
    required: true,
    note: "The e-mail of the person who wrote the update: any account in the tracker, also a deactivated one. The update counts for their organisation.",
    examples: ["staff@nato.example", "ana.popescu@eeas.example"],
  },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = { catalogue: CATALOGUE, people: PEOPLE, updates: UPDATES };

/** "A", "B", … "Z", "AA": a column as a spreadsheet names it (1-based). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A heading as it is compared: no case, no spacing or hyphen differences, "e-mail" = "email". */
export function normaliseHeading(heading: string): string {
  return heading
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/e\s*-\s*mail/g, "email")
    .replace(/[\s_]+/g, " ")
    .replace(/\s*\*$/, "")
    .trim();
}

export type HeaderMap = {
  /** Key -> 0-based position in the row. */
  positions: Map<string, number>;
  /** Key -> the heading as the file writes it (for row errors). */
  headings: Map<string, string>;
};

export class HeaderRefused extends Error {}

const list = (items: readonly string[]) => items.map((i) => `“${i}”`).join(", ");

/**
 * Maps a file's headings to the columns of its kind. Refuses (HeaderRefused, naming them) unknown columns,
 * missing required ones, two columns meaning the same, and data under a column without a heading.
 * `usedBlankColumns` are positions of blank headings that have data below them.
 */
export function mapHeader(kind: ImportKind, header: readonly string[], usedBlankColumns: readonly number[] = []): HeaderMap {
  const specs = IMPORT_COLUMNS[kind];
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const name of [spec.heading, ...spec.aliases]) lookup.set(normaliseHeading(name), spec);
  const positions = new Map<string, number>();
  const headings = new Map<string, string>();
  const unknown: string[] = [];
  const doubled: string[] = [];
  header.forEach((heading, index) => {
    if (heading.trim() === "") return;
    const spec = lookup.get(normaliseHeading(heading));
    if (!spec) {
      unknown.push(`“${heading}” (column ${columnLetter(index + 1)})`);
      return;
    }
    const earlier = positions.get(spec.key);
    if (earlier !== undefined) {
      doubled.push(`columns ${columnLetter(earlier + 1)} and ${columnLetter(index + 1)} are both “${spec.heading}”`);
      return;
    }
    positions.set(spec.key, index);
    headings.set(spec.key, heading);
  });
  const missing = specs.filter((s) => s.required && !positions.has(s.key)).map((s) => s.heading);
  const problems: string[] = [];
  if (missing.length) problems.push(`Missing column${missing.length === 1 ? "" : "s"}: ${list(missing)}.`);
  if (unknown.length) problems.push(`Unknown column${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}.`);
  if (doubled.length) problems.push(`Two columns mean the same: ${doubled.join("; ")}.`);
  if (usedBlankColumns.length) {
    const one = usedBlankColumns.length === 1;
    problems.push(
      `Column${one ? "" : "s"} ${usedBlankColumns.map((i) => columnLetter(i + 1)).join(", ")} hold${one ? "s" : ""} data but ha${one ? "s" : "ve"} no heading.`,
    );
  }
  if (problems.length) {
    const expected = specs.map((s) => `${s.heading}${s.required ? "" : " (optional)"}`).join(", ");
    throw new HeaderRefused(
      `${problems.join(" ")} The first row must hold the column headings of this kind of file: ${expected}. Download the template to start from.`,
    );
  }
  return { positions, headings };
}
