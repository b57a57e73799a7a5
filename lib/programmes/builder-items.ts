import type { DefaultDose, DoseSide } from "@/lib/clinical/exercise-catalogue";
import type { ProgrammeItem } from "@/db/schema";

/**
 * The programme builder keeps its list of items in the browser as strings
 * (what the inputs hold) and posts them as JSON; the server validates each
 * one with exerciseDoseSchema. These helpers convert both ways and are pure.
 */
export type LoadUnit = "" | "kg" | "lb" | "band" | "rpe";

export type BuilderItem = {
  /** Stable identity in the list while it is reordered. */
  key: string;
  ref: string;
  name: string;
  sets: string;
  reps: string;
  holdSeconds: string;
  loadUnit: LoadUnit;
  loadValue: string;
  loadBand: string;
  timesPerDay: string;
  daysPerWeek: string;
  side: DoseSide;
  notes: string;
  /** Why "Suggest programme" chose it, shown until saved. */
  reason?: string;
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function createBuilderItem(key: string, ref: string, name: string, dose: DefaultDose, reason?: string): BuilderItem {
  return {
    key,
    ref,
    name,
    sets: text(dose.sets),
    reps: text(dose.reps),
    holdSeconds: text(dose.holdSeconds),
    loadUnit: "",
    loadValue: "",
    loadBand: "",
    timesPerDay: text(dose.timesPerDay),
    daysPerWeek: text(dose.daysPerWeek),
    side: "na",
    notes: "",
    ...(reason ? { reason } : {}),
  };
}

type StoredItem = Pick<
  ProgrammeItem,
  "builtInSlug" | "exerciseId" | "sets" | "reps" | "holdSeconds" | "loadUnit" | "loadValue" | "loadBand" | "timesPerDay" | "daysPerWeek" | "side" | "notes"
>;

export function fromStoredItem(key: string, name: string, item: StoredItem): BuilderItem {
  return {
    key,
    ref: item.builtInSlug ? `built-in:${item.builtInSlug}` : `clinic:${item.exerciseId}`,
    name,
    sets: text(item.sets),
    reps: text(item.reps),
    holdSeconds: text(item.holdSeconds),
    loadUnit: item.loadUnit ?? "",
    loadValue: item.loadUnit && item.loadUnit !== "band" ? text(item.loadValue) : "",
    loadBand: item.loadBand ?? "",
    timesPerDay: text(item.timesPerDay),
    daysPerWeek: text(item.daysPerWeek),
    side: item.side,
    notes: item.notes ?? "",
  };
}

/** What the server's item schema reads: the load as one object, or absent. */
export function toItemPayload(item: BuilderItem) {
  const load =
    item.loadUnit === ""
      ? undefined
      : item.loadUnit === "band"
        ? { unit: "band" as const, colour: item.loadBand }
        : { unit: item.loadUnit, value: item.loadValue };
  return {
    ref: item.ref,
    sets: item.sets,
    reps: item.reps,
    holdSeconds: item.holdSeconds,
    ...(load ? { load } : {}),
    timesPerDay: item.timesPerDay,
    daysPerWeek: item.daysPerWeek,
    side: item.side,
    notes: item.notes,
  };
}

/** Moves the item at `index` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}
