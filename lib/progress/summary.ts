import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { fetchMcidOverrides } from "./queries";
import { parseMcidOverrides } from "@/lib/clinical/mcid";
import { fetchPatientStats } from "@/lib/outcomes/stats";
import { makeClassifier, pickMainQuestionnaire } from "@/lib/outcomes/summarize";

export type OutcomeLine = {
  label: string;
  baseline: number;
  latest: number;
  count: number;
  kind: "improvement" | "deterioration" | "no-meaningful-change";
};

/** Pain and the main questionnaire, baseline to latest, classified by the clinic's rule: the patient page's short answer to "is this working?". */
export async function getOutcomeLines(db: Queryable, scope: Scope, patientId: string): Promise<OutcomeLine[]> {
  const [stats, stored] = await Promise.all([
    fetchPatientStats(db, scope, patientId),
    fetchMcidOverrides(db, scope),
  ]);
  const classify = makeClassifier(parseMcidOverrides(stored));
  const pain = stats.find((s) => s.instrument === "nprs");
  const main = pickMainQuestionnaire(stats);
  return [pain, main].flatMap((s) =>
    s
      ? [
          {
            label: s.instrument === "nprs" ? "Pain (NPRS)" : `${INSTRUMENTS[s.instrument].label} (${s.instrument.toUpperCase()})`,
            baseline: s.baseline,
            latest: s.latest,
            count: s.n,
            kind: classify(s.instrument, s.baseline, s.latest, s.direction),
          },
        ]
      : [],
  );
}
