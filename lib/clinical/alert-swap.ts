/**
 * The swap an alert offers when a patient finds the programme too hard or
 * painful. The programme's exercise with the most work in it (strengthening
 * and functional ones first: stretches and posture rarely make a session too
 * hard) is the one swapped [U: our rule]:
 * - for its easier version, where the catalogue names one that serves the same
 *   imbalance pattern (BuiltInExercise.easierVersion; the bilateral glute
 *   bridge for the single-leg bridge, say), at that exercise's default dose;
 * - otherwise for the same exercise at a lower dose: one set fewer, or with a
 *   single set about 30 % fewer repetitions or seconds held [U: our step].
 * The library has no difficulty levels beyond that, so no other exercise is
 * called "easier" on its dose alone: fewer repetitions of a harder exercise
 * are not easier.
 */

export type SwapDose = { sets: number; reps: number | null; holdSeconds: number | null };

export type SwapItem = {
  itemId: string;
  ref: string;
  name: string;
  category: string;
  patterns: readonly string[];
  dose: SwapDose;
  /** The catalogue's easier version of this exercise, if it names one. */
  easierRef?: string | null;
};

export type SwapCandidate = { ref: string; name: string; patterns: readonly string[]; dose: SwapDose; archived?: boolean };

export type SwapSuggestion = {
  kind: "easier-exercise" | "lower-dose";
  itemId: string;
  fromRef: string;
  fromName: string;
  fromDose: SwapDose;
  toRef: string;
  toName: string;
  toDose: SwapDose;
};

const HARD_FIRST = ["strengthen", "functional"];
const STEP_DOWN = 0.7;

/** How much work a dose asks for: sets x repetitions, or sets x repetitions x seconds for holds. */
export function doseWork(dose: SwapDose): number {
  return dose.sets * Math.max(dose.reps ?? 1, 1) * Math.max(dose.holdSeconds ?? 1, 1);
}

/** One step down from a dose, or null when it is one repetition (or hold of a few seconds) already. */
export function lowerDose(dose: SwapDose): SwapDose | null {
  if (dose.sets > 1) return { ...dose, sets: dose.sets - 1 };
  if (dose.reps !== null && dose.reps > 1) return { ...dose, reps: Math.max(1, Math.round(dose.reps * STEP_DOWN)) };
  if (dose.holdSeconds !== null && dose.holdSeconds > 5) return { ...dose, holdSeconds: Math.max(5, Math.round(dose.holdSeconds * STEP_DOWN)) };
  return null;
}

/** The one swap to offer, or null when nothing in the programme can be made easier. */
export function suggestSwap(items: readonly SwapItem[], library: readonly SwapCandidate[]): SwapSuggestion | null {
  const inProgramme = new Set(items.map((i) => i.ref));
  const byRef = new Map(library.map((c) => [c.ref, c]));
  const ranked = items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => {
      const hard = Number(HARD_FIRST.includes(y.item.category)) - Number(HARD_FIRST.includes(x.item.category));
      return hard || doseWork(y.item.dose) - doseWork(x.item.dose) || x.index - y.index;
    });
  for (const { item } of ranked) {
    const easier = item.easierRef ? byRef.get(item.easierRef) : undefined;
    if (easier && !easier.archived && !inProgramme.has(easier.ref) && easier.patterns.some((p) => item.patterns.includes(p))) {
      return { kind: "easier-exercise", itemId: item.itemId, fromRef: item.ref, fromName: item.name, fromDose: item.dose, toRef: easier.ref, toName: easier.name, toDose: easier.dose };
    }
    const lower = lowerDose(item.dose);
    if (lower) return { kind: "lower-dose", itemId: item.itemId, fromRef: item.ref, fromName: item.name, fromDose: item.dose, toRef: item.ref, toName: item.name, toDose: lower };
  }
  return null;
}
