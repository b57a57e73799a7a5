import { describeDose } from "@/lib/exercises/library";
import type { ProgrammeItem } from "@/db/schema";

type Dosed = Pick<ProgrammeItem, "sets" | "reps" | "holdSeconds" | "timesPerDay" | "daysPerWeek" | "loadUnit" | "loadValue" | "loadBand" | "side">;

const SIDE_TEXT = { left: "left side", right: "right side", both: "both sides", na: null } as const;

export function describeLoad(item: Pick<ProgrammeItem, "loadUnit" | "loadValue" | "loadBand">): string | null {
  switch (item.loadUnit) {
    case "kg":
    case "lb":
      return item.loadValue === null ? null : `${item.loadValue} ${item.loadUnit}`;
    case "band":
      return item.loadBand ? `${item.loadBand} band` : "band";
    case "rpe":
      return item.loadValue === null ? null : `effort ${item.loadValue}/10 (RPE)`;
    default:
      return null;
  }
}

/** "3 x 10, once a day, 3 days a week · green band · both sides": what the patient is asked to do. */
export function describeItemDose(item: Dosed): string {
  return [describeDose(item), describeLoad(item), SIDE_TEXT[item.side]].filter(Boolean).join(" · ");
}
