import { z } from "zod";
import { DATE_FORMATS, IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, SOURCE_SYSTEMS } from "./columns";
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from "./limits";
import { importRowsSchema } from "./rows";

const json = <T extends z.ZodType>(schema: T, message: string) =>
  z.string().transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
  }).pipe(schema);

const headersSchema = z.array(z.string().max(500, "A column title is too long")).min(1, "The file has no header row").max(IMPORT_MAX_COLUMNS, `The file has more than ${IMPORT_MAX_COLUMNS} columns`);

/** A mapped column is its index in the header row; blank means the field is not in the file. */
const columnIndex = z.preprocess((v) => (v === undefined || v === "" ? undefined : v), z.coerce.number().int().min(0).optional());

export const startImportSchema = z
  .object({
    sourceSystem: z.enum(SOURCE_SYSTEMS, { message: "Choose the system the file comes from" }),
    dateFormat: z.enum(DATE_FORMATS, { message: "Choose how the file writes dates" }),
    headers: json(headersSchema, "The file's header row could not be read"),
    totalRows: z.coerce
      .number()
      .int()
      .min(1, "The file has no rows below its header")
      .max(IMPORT_MAX_ROWS, `One import takes at most ${IMPORT_MAX_ROWS.toLocaleString("en")} rows: split the file`),
    ...Object.fromEntries(IMPORT_FIELDS.map((f) => [f, columnIndex])),
  })
  .superRefine((v, ctx) => {
    const values = v as unknown as Record<string, number | undefined>;
    for (const field of REQUIRED_FIELDS) {
      if (values[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `Choose the column that holds the ${IMPORT_FIELD_LABELS[field].toLowerCase()}` });
    }
    const seen = new Map<number, string>();
    for (const field of IMPORT_FIELDS) {
      const index = values[field];
      if (index === undefined) continue;
      if (index >= v.headers.length) ctx.addIssue({ code: "custom", path: [field], message: "Choose a column of the file" });
      const other = seen.get(index);
      if (other) ctx.addIssue({ code: "custom", path: [field], message: `This column already feeds ${other.toLowerCase()}` });
      seen.set(index, IMPORT_FIELD_LABELS[field]);
    }
  })
  .transform((v) => {
    const values = v as unknown as Record<string, number | undefined>;
    const mapping = Object.fromEntries(IMPORT_FIELDS.flatMap((f) => (values[f] === undefined ? [] : [[f, values[f]]])));
    return { sourceSystem: v.sourceSystem, dateFormat: v.dateFormat, headers: v.headers, totalRows: v.totalRows, mapping };
  });

export const stageRowsSchema = z.object({
  importId: z.uuid("Import not found"),
  start: z.coerce.number().int().min(0),
  rows: json(importRowsSchema, "These rows could not be read"),
});

export const importIdSchema = z.object({ importId: z.uuid("Import not found") });
