import { PATTERNS, type PatternId } from "./patterns";

// Keep the default programme at 6 exercises or fewer (clinical-reference.md section 3).
export const PROGRAMME_DEFAULT_MAX_ITEMS = 6;
// Warn when a programme has more than 10 exercises (clinical-reference.md section 3).
export const PROGRAMME_WARN_ABOVE = 10;

export type ProgrammeSuggestion = { slug: string; reason: string };

type PatternPlan = { strengthen: string; stretch: string; functional: string; posture: string };

/**
 * First choices per pattern (section 3: strengthen the weak side, stretch the
 * tight side, a functional movement, posture advice). Picking one exercise of
 * each is a house choice [U]; every slug is checked against the catalogue in tests.
 */
export const PATTERN_PLANS: Record<PatternId, PatternPlan> = {
  "core-extensor": {
    strengthen: "dead-bug",
    stretch: "knee-to-chest-stretch",
    functional: "hip-hinge-dowel",
    posture: "lifting-technique",
  },
  "hip-flexor-glute": {
    strengthen: "glute-bridge",
    stretch: "half-kneeling-hip-flexor-stretch",
    functional: "bodyweight-squat",
    posture: "micro-breaks",
  },
  "scapular-chest": {
    strengthen: "band-pull-apart",
    stretch: "doorway-pec-stretch",
    functional: "farmer-carry",
    posture: "sitting-setup",
  },
  "hamstring-quadriceps": {
    strengthen: "wall-sit",
    stretch: "supine-hamstring-stretch",
    functional: "bodyweight-squat",
    posture: "micro-breaks",
  },
};

/**
 * Suggests a short corrective programme for the confirmed patterns, in
 * priority order (the caller's pattern order is the priority between patterns):
 * 1. one strengthening exercise per pattern, round-robin;
 * 2. one functional movement, the one most patterns ask for;
 * 3. one posture / ergonomic item, chosen the same way;
 * 4. one stretch per pattern, round-robin.
 * Strengthening and the shared items come before stretches so that, when the cap
 * bites, every pattern keeps some work and the programme keeps its functional and
 * posture parts [U: house ordering; section 3 names the parts, not an order].
 * The list is then cut at maxItems; a suggestion, never a prescription.
 */
export function suggestProgramme(
  patterns: readonly PatternId[],
  options: { maxItems?: number } = {},
): ProgrammeSuggestion[] {
  const maxItems = options.maxItems ?? PROGRAMME_DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 0) {
    throw new RangeError(`maxItems must be a whole number of at least 0, got ${maxItems}`);
  }
  const confirmed = [...new Set(patterns)];
  if (confirmed.length === 0) return [];

  const candidates: ProgrammeSuggestion[] = [
    ...confirmed.map((p) => ({ slug: PATTERN_PLANS[p].strengthen, reason: `Strengthens the weak side: ${labelOf([p])}` })),
    getSharedItem(confirmed, "functional", "Functional movement to carry the work into daily tasks"),
    getSharedItem(confirmed, "posture", "Posture and ergonomic advice"),
    ...confirmed.map((p) => ({ slug: PATTERN_PLANS[p].stretch, reason: `Stretches the tight side: ${labelOf([p])}` })),
  ];

  // An exercise serving two patterns appears once, at its first (highest) priority.
  const bySlug = new Map<string, ProgrammeSuggestion>();
  for (const item of candidates) if (!bySlug.has(item.slug)) bySlug.set(item.slug, item);
  return [...bySlug.values()].slice(0, maxItems);
}

/** The functional or posture item most confirmed patterns ask for; ties go to the earlier pattern. */
function getSharedItem(
  confirmed: readonly PatternId[],
  kind: "functional" | "posture",
  reasonPrefix: string,
): ProgrammeSuggestion {
  const votes = new Map<string, PatternId[]>();
  for (const pattern of confirmed) {
    const slug = PATTERN_PLANS[pattern][kind];
    votes.set(slug, [...(votes.get(slug) ?? []), pattern]);
  }
  // Map iterates in insertion order and `>` keeps the first of equals: ties go to the earlier pattern.
  let best: [string, PatternId[]] = ["", []];
  for (const entry of votes) if (entry[1].length > best[1].length) best = entry;
  return { slug: best[0], reason: `${reasonPrefix} (${labelOf(best[1])})` };
}

function labelOf(patterns: readonly PatternId[]): string {
  return patterns.map((p) => PATTERNS[p].shortLabel).join(", ");
}

export function getProgrammeLengthWarning(count: number): string | null {
  if (count <= PROGRAMME_WARN_ABOVE) return null;
  return (
    `This programme has ${count} exercises. Adherence falls as programmes grow: ` +
    `consider keeping it to ${PROGRAMME_DEFAULT_MAX_ITEMS} or fewer.`
  );
}
