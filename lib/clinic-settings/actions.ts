"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { saveMcidOverride } from "./mutations";
import { mcidSettingsSchema, parseMcidForm } from "./schemas";

export const saveMcidRuleAction = validatedAction(
  mcidSettingsSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => saveMcidOverride(tx, scope, input));
    revalidatePath("/settings/clinical");
    const label = INSTRUMENTS[input.instrument].label;
    return { ok: true, message: input.override ? `${label}: the clinic's rule is saved.` : `${label}: back to the published default.` };
  },
  { admin: true, parse: parseMcidForm },
);
