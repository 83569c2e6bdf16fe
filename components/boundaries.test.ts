// The folder boundaries of eslint.config.mjs, checked on sample imports: what components, charts and
// lib/domain may not import is refused, and what they legitimately import (a "use server" action in a
// form, a client navigation hook in a chart) stays allowed. The files need not exist: ESLint picks the
// rules by path. One lint per path, one import per line.
import { ESLint } from "eslint";
import { expect, test } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

type Case = { path: string; refused: string[]; allowed: string[] };

const CASES: Case[] = [
  {
    path: "components/periods/probe.tsx",
    refused: [
      'import type { PeriodSummary } from "@/lib/data/periods";',
      'import { getCatalogueNotice } from "@/lib/data/settings";',
      'import { getDb } from "../../lib/db";',
      'import { Prisma } from "@/lib/prisma-client";',
      'import type { SessionUser } from "@/lib/auth/session";',
      'import { runSaveStatusUpdate } from "@/lib/actions/save-status-update";',
      'import type { ImportResult } from "@/lib/actions/import";',
      'import { redirect } from "next/navigation";',
      'import { cookies } from "next/headers";',
      'import { getServerSession } from "next-auth";',
    ],
    allowed: [
      'import { saveTimeZoneAction } from "@/lib/actions/account";',
      'import type { FormState } from "@/lib/actions/form-state";',
      'import type { Summary } from "@/lib/domain/periods";',
      'import { signIn } from "next-auth/react";',
      'import { usePathname } from "next/navigation";',
      'import { periodSchema } from "@/lib/validation/periods";',
    ],
  },
  {
    path: "components/charts/probe.tsx",
    refused: [
      'import type { FormState } from "@/lib/actions/form-state";',
      'import { Badge } from "@/components/ui/badges";',
      'import { periodSchema } from "@/lib/validation/periods";',
      'import { listPeriods } from "@/lib/data/periods";',
      'import { notFound } from "next/navigation";',
    ],
    allowed: [
      'import { useRouter } from "next/navigation";',
      'import { DonutChart } from "@/components/charts/lazy";',
      'import { legendText } from "./legend-text";',
      'import { STATUS_COLOURS } from "@/lib/domain/palette";',
    ],
  },
  {
    path: "lib/domain/import/probe.ts",
    refused: [
      'import { useState } from "react";',
      'import { usePathname } from "next/navigation";',
      'import { listPeriods } from "@/lib/data/periods";',
      'import { getActiveUser } from "../../data/users";',
      'import { saveTimeZoneAction } from "@/lib/actions/account";',
      'import { requireUser } from "@/lib/auth/session";',
      'import { Badge } from "@/components/ui/badges";',
    ],
    allowed: ['import { statusUpdateSchema } from "@/lib/validation/status-update";', 'import { formatDate } from "../format";'],
  },
];

test.each(CASES)(
  "$path",
  async ({ path, refused, allowed }) => {
    const lines = [...refused, ...allowed];
    const [result] = await eslint.lintText(`${lines.join("\n")}\n`, { filePath: path });
    const flagged = new Set(result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => lines[m.line - 1]));
    expect(lines.filter((line) => flagged.has(line))).toEqual(refused);
  },
  30_000,
);
