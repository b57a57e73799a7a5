// The RMDQ as the forms show it: labels, versions, items. No zod here, so the
// assessment form in the browser can read it; rmdq.ts validates and scores.
import type { InstrumentDescriptor, ItemDefinition } from "./types";

// Roland & Morris 1983; Stratford 1996 [V]: 24 items, shorter 23/18/11-item versions exist
export const RMDQ_ITEM_COUNTS = { "24": 24, "23": 23, "18": 18, "11": 11 } as const;

export type RmdqVersion = keyof typeof RMDQ_ITEM_COUNTS;

export const RMDQ_VERSIONS = Object.keys(RMDQ_ITEM_COUNTS) as RmdqVersion[];

/** Items are numbered only: the item wording belongs to the questionnaire's authors. */
export function listRmdqItems(count: number): ItemDefinition[] {
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
