// The import request (lib/actions/import.ts): which kind of file, a dry run or a commit (with the hash of
// the plan the admin checked), and the file itself. The file's content is checked by lib/import/read-table.ts
// and lib/domain/import.
import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/domain/import/columns";

export const importKindSchema = z.enum(IMPORT_KINDS, "Choose what the file holds: the catalogue, people or past status updates");

export const importRequestSchema = z
  .object({
    kind: importKindSchema,
    mode: z.enum(["check", "commit"], "Choose to check the file or to import it"),
    planHash: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(
        z
          .string()
          .regex(/^[0-9a-f]{64}$/, "Check the file first, then import it")
          .optional(),
      ),
    fileName: z
      .string()
      .trim()
      .max(255)
      .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, "") || "upload"),
  })
  .refine((r) => r.mode === "check" || r.planHash !== undefined, { path: ["planHash"], message: "Check the file first, then import it" });

export type ImportRequestInput = z.infer<typeof importRequestSchema>;

/** `catalogue.xlsx`, `people.csv`, …: the files of GET /api/import/templates/{file}. */
export const templateFileSchema = z.string().regex(/^(catalogue|people|updates)\.(xlsx|csv)$/);

/** `catalogue.xlsx` or `catalogue.csv`: GET /api/import/export/{file}. */
export const exportFileSchema = z.string().regex(/^catalogue\.(xlsx|csv)$/);
