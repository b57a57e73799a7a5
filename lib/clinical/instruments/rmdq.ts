import { z } from "zod";
import { refuseInvalidInput } from "./failure";
import type { InstrumentDescriptor, ItemDefinition, ScoreResult } from "./types";

// Roland & Morris 1983; Stratford 1996 [V]: 24 items, shorter 23/18/11-item versions exist
export const RMDQ_ITEM_COUNTS = { "24": 24, "23": 23, "18": 18, "11": 11 } as const;
export type RmdqVersion = keyof typeof RMDQ_ITEM_COUNTS;
const RMDQ_VERSIONS = Object.keys(RMDQ_ITEM_COUNTS) as RmdqVersion[];

export const rmdqInputSchema = z
  .object({
    instrument: z.literal("rmdq"),
    version: z.enum(RMDQ_VERSIONS as [RmdqVersion, ...RmdqVersion[]], {
      error: "RMDQ version must be 24, 23, 18 or 11 items",
    }),
    answers: z.array(z.boolean({ error: "Each RMDQ item is answered yes or no" }).nullable()),
  })
  .superRefine((value, ctx) => {
    const expected = RMDQ_ITEM_COUNTS[value.version];
    if (value.answers.length !== expected) {
      ctx.addIssue({
        code: "custom",
        path: ["answers"],
        message: `The ${expected}-item RMDQ needs exactly ${expected} answers (got ${value.answers.length})`,
      });
    }
  });

export type RmdqInput = z.input<typeof rmdqInputSchema>;

/** Items are numbered only: the item wording belongs to the questionnaire's authors. */
function listRmdqItems(count: number): ItemDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i + 1}`,
    label: `Item ${i + 1}`,
    min: 0,
    max: 1,
    kind: "boolean" as const,
  }));
}

export const RMDQ_DESCRIPTOR: InstrumentDescriptor = {
  id: "rmdq",
  label: "Roland-Morris Disability Questionnaire",
  region: "lumbar",
  loinc: null, // No LOINC code found (reference §1): stored under a local code
  unit: "points",
  itemMin: 0,
  itemMax: 1,
  defaultVersion: "24",
  versions: RMDQ_VERSIONS.map((id) => ({
    id,
    label: `${id}-item RMDQ`,
    direction: "higher-is-worse" as const,
    scaleMin: 0,
    scaleMax: RMDQ_ITEM_COUNTS[id],
    items: listRmdqItems(RMDQ_ITEM_COUNTS[id]),
  })),
  source: "Roland & Morris 1983; Stratford 1996 [V]",
};

/** Scores the RMDQ as the count of "yes" answers; any blank item refuses the score. */
export function scoreRmdq(input: RmdqInput): ScoreResult {
  const version = typeof input.version === "string" ? input.version : "unknown";
  const parsed = rmdqInputSchema.safeParse(input);
  if (!parsed.success) return refuseInvalidInput("rmdq", version, parsed.error);
  const { answers } = parsed.data;
  const items = answers.map((value, i) => ({ id: `item-${i + 1}`, label: `Item ${i + 1}`, value }));
  const missing = answers.filter((a) => a === null).length;
  // The reference gives no missing-item rule for the RMDQ: refusing any blank is a chosen default [U]
  if (missing > 0) {
    return {
      ok: false,
      instrument: "rmdq",
      version,
      reason: `RMDQ not scored: ${missing} item(s) unanswered; every item must be answered (chosen default, no sourced rule [U])`,
    };
  }
  const score = answers.filter((a) => a === true).length;
  return {
    ok: true,
    instrument: "rmdq",
    version,
    score,
    scaleMin: 0,
    scaleMax: answers.length,
    unit: "points",
    direction: "higher-is-worse",
    rule:
      `RMDQ (${answers.length} items) score = number of "yes" answers, 0-${answers.length} (Roland & Morris 1983). ` +
      "Refused if any item is unanswered: chosen default, no sourced missing-item rule [U].",
    answered: answers.length - missing,
    missing,
    items,
  };
}
