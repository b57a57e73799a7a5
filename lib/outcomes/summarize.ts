import { PAIN_INSTRUMENT, type ClassifyChange } from "@/lib/clinical/caseload-rules";
import { classifyChange, resolveMcidRule, type McidRuleOverride } from "@/lib/clinical/mcid";
import type { InstrumentId } from "@/lib/clinical/instruments/types";
import type { InstrumentStat } from "./stats";

// Ties between questionnaires used equally go to the region-specific disability index first.
const QUESTIONNAIRE_PRIORITY = ["odi", "ndi", "rmdq", "psfs"];

/**
 * The patient's main questionnaire: the one recorded most often, then the one
 * started first, then ODI / NDI before RMDQ and PSFS. [U] house rule:
 * clinical-reference.md names no rule for choosing.
 */
export function pickMainQuestionnaire<S extends Pick<InstrumentStat, "instrument" | "n" | "first_t">>(stats: readonly S[]): S | null {
  const rank = (s: S) => QUESTIONNAIRE_PRIORITY.indexOf(s.instrument);
  let best: S | null = null;
  for (const s of stats) {
    if (s.instrument === PAIN_INSTRUMENT) continue;
    const better =
      !best || s.n > best.n || (s.n === best.n && (s.first_t < best.first_t || (s.first_t === best.first_t && rank(s) < rank(best))));
    if (better) best = s;
  }
  return best;
}

/** classifyChange under the clinic's rules, in the shape the caseload rules take. */
export function makeClassifier(overrides: readonly McidRuleOverride[]): ClassifyChange {
  return (instrument, baseline, latest, direction = "higher-is-worse") =>
    classifyChange({ rule: resolveMcidRule(instrument as InstrumentId, overrides), baseline, current: latest, direction }).kind;
}

export type OutcomeSummary = {
  pain: { baseline: number; latest: number } | null;
  main: { instrument: string; baseline: number; latest: number; direction: InstrumentStat["direction"] } | null;
  /** A meaningful improvement on pain or on the main questionnaire, baseline to latest. */
  improved: boolean;
};

export function summarizeOutcome(stats: readonly InstrumentStat[], classify: ClassifyChange): OutcomeSummary {
  const painStat = stats.find((s) => s.instrument === PAIN_INSTRUMENT);
  const mainStat = pickMainQuestionnaire(stats);
  const pain = painStat ? { baseline: painStat.baseline, latest: painStat.latest } : null;
  const main = mainStat
    ? { instrument: mainStat.instrument, baseline: mainStat.baseline, latest: mainStat.latest, direction: mainStat.direction }
    : null;
  const improved =
    (pain !== null && classify(PAIN_INSTRUMENT, pain.baseline, pain.latest, "higher-is-worse") === "improvement") ||
    (main !== null && classify(main.instrument, main.baseline, main.latest, main.direction) === "improvement");
  return { pain, main, improved };
}
