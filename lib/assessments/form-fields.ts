import type { MeasureSide } from "@/lib/clinical/measures";
import type { PatternId } from "@/lib/clinical/patterns";

/**
 * Names of the assessment form's inputs. The server parses FormData by these
 * names and keys its field errors by the same names, so each message lands
 * next to the input that caused it.
 */

export const PSFS_ROWS = 5; // PSFS takes 3-5 activities (clinical-reference.md §1): five rows on the form

export const fieldName = {
  nprs: (item: "current" | "best" | "worst24h") => `nprs.${item}`,
  odiSection: (section: string) => `odi.sections.${section}`,
  ndiItem: (item: string) => `ndi.items.${item}`,
  rmdqAnswer: (index: number) => `rmdq.answers.${index}`,
  psfs: (row: number, part: "id" | "name" | "score") => `psfs.activities.${row}.${part}`,
  measure: (code: string, side: MeasureSide) => `m.${code}.${side}`,
  measureMethod: (code: string) => `m.${code}.method`,
  measureAbnormal: (code: string) => `m.${code}.abnormal`,
  pattern: (pattern: PatternId) => `pattern.${pattern}`,
} as const;

/** Sides a measure is entered for: left and right side by side, or one value. */
export function listEntrySides(sided: boolean): MeasureSide[] {
  return sided ? ["left", "right"] : ["na"];
}
