"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { validatedAction } from "@/lib/actions/validated";
import { DEFAULT_MCID_RULES } from "@/lib/clinical/mcid";
import { coreRatioSettingsSchema, saveCoreRatioFraction } from "./core-ratio";
import { saveMcidOverride } from "./mutations";
import { mcidSettingsSchema, parseMcidForm } from "./schemas";

export const saveMcidRuleAction = validatedAction(
  mcidSettingsSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => saveMcidOverride(tx, scope, input));
    revalidatePath("/settings/clinical");
    const label = DEFAULT_MCID_RULES[input.key].label;
    return { ok: true, message: input.override ? `${label}: the clinic's rule is saved.` : `${label}: back to the published default.` };
  },
  { admin: true, parse: parseMcidForm },
);

export const saveCoreRatioAction = validatedAction(
  coreRatioSettingsSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => saveCoreRatioFraction(tx, scope, input));
    revalidatePath("/settings/clinical");
    return { ok: true, message: `Saved: "well below" is now under ${input.coreRatioFraction} x McGill's healthy ratios.` };
  },
  { admin: true },
);
