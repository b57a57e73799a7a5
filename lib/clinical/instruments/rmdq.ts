import { z } from "zod";
import { refuseInvalidInput } from "./failure";
import type { ScoreResult } from "./types";
import { RMDQ_ITEM_COUNTS, RMDQ_VERSIONS, type RmdqVersion } from "./rmdq-descriptor";
export { RMDQ_ITEM_COUNTS, RMDQ_DESCRIPTOR, type RmdqVersion } from "./rmdq-descriptor";

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
