"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { discardImport, importBatch, purgeExpiredImports, stageRows, startImport } from "./mutations";
import { importIdSchema, stageRowsSchema, startImportSchema } from "./schemas";

const PAGE = "/settings/import";

/** Admins only: an import writes thousands of patient records at once. */
const admin = { admin: true } as const;

export const startImportAction = validatedAction(
  startImportSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await purgeExpiredImports(db);
    const importId = await db.transaction((tx) => startImport(tx, scope, input));
    return { ok: true, data: { importId } };
  },
  admin,
);

export const stageRowsAction = validatedAction(
  stageRowsSchema,
  async ({ importId, start, rows }, scope) => {
    const db = await getDb(scope);
    const result = await db.transaction((tx) => stageRows(tx, scope, importId, start, rows));
    if (result.staged === result.total) revalidatePath(PAGE);
    return { ok: true, data: result };
  },
  admin,
);

/** One batch per call: the browser calls again until `finished`, so each request stays short and a reload can resume. */
export const importBatchAction = validatedAction(
  importIdSchema,
  async ({ importId }, scope) => {
    const db = await getDb(scope);
    const result = await db.transaction((tx) => importBatch(tx, scope, importId));
    if (result.finished) {
      revalidatePath(PAGE);
      revalidatePath("/patients");
    }
    return { ok: true, data: result };
  },
  admin,
);

export const discardImportAction = validatedAction(
  importIdSchema,
  async ({ importId }, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => discardImport(tx, scope, importId));
    revalidatePath(PAGE);
    return { ok: true, message: "Import discarded. Its staged rows are deleted." };
  },
  admin,
);
