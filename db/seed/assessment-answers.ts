import { NDI_SECTIONS, ODI_SECTIONS, scoreInstrument, type InstrumentInput, type ScoreSuccess } from "@/lib/clinical/instruments";
import { slugifyActivity } from "@/lib/assessments/parse-form";
import type { Rng } from "./random";

/**
 * Questionnaire answers that produce a visit's planned scores, scored by the
 * app's own scorers so the stored results carry the real rule and items.
 */

function score(input: InstrumentInput): ScoreSuccess {
  const result = scoreInstrument(input);
  if (!result.ok) throw new Error(`demo answers refused: ${result.reason}`);
  return result;
}

/** Spreads a total over items scored 0..max, as evenly as the total allows, in a seeded order. */
function spread(total: number, ids: readonly string[], max: number, rng: Rng): Record<string, number> {
  const capped = Math.min(total, ids.length * max);
  const base = Math.floor(capped / ids.length);
  const values = Object.fromEntries(ids.map((id) => [id, base]));
  const order = [...ids].sort(() => rng.next() - 0.5);
  for (let left = capped - base * ids.length, i = 0; left > 0; i++) {
    const id = order[i % order.length] as string;
    if ((values[id] ?? 0) < max) {
      values[id] = (values[id] ?? 0) + 1;
      left--;
    }
  }
  return values;
}

export function answerNprs(current: number): ScoreSuccess {
  return score({ instrument: "nprs", current, best: Math.max(0, current - 2), worst24h: Math.min(10, current + 2) });
}

/** ODI 2.1a whose percent equals the target (rounded to a whole section point). */
export function answerOdi(percent: number, rng: Rng): ScoreSuccess {
  const ids = ODI_SECTIONS.map((s) => s.id);
  return score({ instrument: "odi", version: "2.1a", sections: spread(Math.round((percent / 100) * 50), ids, 5, rng) });
}

export function answerNdi(raw: number, rng: Rng): ScoreSuccess {
  const ids = NDI_SECTIONS.map((s) => s.id);
  return score({ instrument: "ndi", items: spread(raw, ids, 5, rng) });
}

export function answerRmdq(yes: number, rng: Rng): ScoreSuccess {
  const picked = new Set([...Array.from({ length: 24 }, (_, i) => i)].sort(() => rng.next() - 0.5).slice(0, yes));
  return score({ instrument: "rmdq", version: "24", answers: Array.from({ length: 24 }, (_, i) => picked.has(i)) });
}

export function answerPsfs(activities: readonly string[], ratings: readonly number[]): ScoreSuccess {
  return score({
    instrument: "psfs",
    version: "1",
    activities: activities.map((name, i) => ({
      id: slugifyActivity(name, i),
      name,
      score: ratings[i] ?? 5,
    })),
  });
}
