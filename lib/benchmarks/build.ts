import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import { isMeasuredAtIntakeAndDischarge, MEASURED_INDICATORS } from "@/lib/clinical/outcome-indicators";
import { PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { NO_PATTERN_KEY } from "@/lib/dashboard/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import type { InstrumentOutcome } from "@/lib/outcomes/model";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import type { BenchmarkPopulation, CompletedCourse, CompletedProgramme } from "./queries";

/** A meaningful-change rule as applied: "NPRS: 3 points", and its source. */
export type RuleUsed = { name: string; source: string };
/** n responders of n eligible, and every rule a verdict in it was reached under (its MCID and source). */
export type ResponderRate = { responders: number; eligible: number; rules: RuleUsed[] };
export type BenchmarkGroup = { key: string; label: string; patients: number; pain: ResponderRate; main: ResponderRate };
export type DimensionKey = "pattern" | "programme" | "protocol" | "practitioner";
export type BenchmarkDimension = { key: DimensionKey; title: string; note: string; groups: BenchmarkGroup[] };
export type IndicatorFigure = { key: string; label: string; measured: number; eligible: number; source: string };
export type ClinicBenchmarks = { period: OutcomePeriod; overall: BenchmarkGroup; dimensions: BenchmarkDimension[]; indicators: IndicatorFigure[] };

type Judged = { eligible: boolean; responder: boolean; rule: RuleUsed | null };

/** The outcome model's verdict for one instrument, read, never recomputed: eligible once the current version has two scores. */
function judge(o: InstrumentOutcome | null): Judged {
  const change = o?.current.change;
  if (!change) return { eligible: false, responder: false, rule: null };
  return { eligible: true, responder: change.kind === "improvement", rule: { name: `${change.rule.label}: ${change.rule.threshold}`, source: change.rule.source } };
}

const emptyRate = (): ResponderRate => ({ responders: 0, eligible: 0, rules: [] });

function add(rate: ResponderRate, j: Judged) {
  if (!j.eligible) return;
  rate.eligible += 1;
  if (j.responder) rate.responders += 1;
  const rule = j.rule;
  if (rule && !rate.rules.some((r) => r.name === rule.name && r.source === rule.source)) rate.rules.push(rule);
}

const sortRules = (rules: RuleUsed[]) => [...rules].sort((a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source));

/** A rule in one line: "NPRS: 3 points (Thieme, ...)". */
export const formatRule = (r: RuleUsed) => `${r.name} (${r.source})`;

class Tally {
  private groups = new Map<string, BenchmarkGroup>();
  count(key: string, label: string, pain: Judged, main: Judged) {
    const g = this.groups.get(key) ?? { key, label, patients: 0, pain: emptyRate(), main: emptyRate() };
    g.patients += 1;
    add(g.pain, pain);
    add(g.main, main);
    this.groups.set(key, g);
  }
  list(): BenchmarkGroup[] {
    return [...this.groups.values()]
      .map((g) => ({ ...g, pain: { ...g.pain, rules: sortRules(g.pain.rules) }, main: { ...g.main, rules: sortRules(g.main.rules) } }))
      .sort((a, b) => b.patients - a.patients || a.label.localeCompare(b.label));
  }
}

// Map.groupBy needs Node 21; the app supports Node 20.9
function groupByPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.patientId);
    if (list) list.push(row);
    else out.set(row.patientId, [row]);
  }
  return out;
}

const REGION_LABELS: Record<string, string> = { lumbar: "Lumbar", cervical: "Cervical" };

/** A protocol: region, planned sessions, sessions per week and position, as the course was planned. */
export function describeProtocol(c: Pick<CompletedCourse, "region" | "plannedSessions" | "sessionsPerWeek" | "position">): string {
  return `${REGION_LABELS[c.region] ?? c.region}, ${c.plannedSessions} sessions, ${c.sessionsPerWeek} a week${c.position ? `, ${c.position}` : ""}`;
}

/** A programme by the exercises it held (doses aside), in their order: [U] a house rule for "the same programme". */
export function describeProgramme(g: Pick<CompletedProgramme, "exercises">): string {
  const names = g.exercises.map((e) => (e.slug ? (getBuiltInExercise(e.slug)?.name ?? e.slug) : (e.name ?? "Exercise no longer in the library")));
  return names.length > 0 ? [...new Set(names)].sort((a, b) => a.localeCompare(b)).join(", ") : "An empty programme";
}

/**
 * Responder rates (pain; main questionnaire) over the outcome population by
 * imbalance pattern, home programme, decompression protocol and
 * practitioner, and the Dutch "measured at intake and discharge" indicators.
 * A patient counts once in each group they belong to (two patterns: both).
 */
export function buildClinicBenchmarks(population: BenchmarkPopulation, overrides: readonly McidRuleOverride[], period: OutcomePeriod): ClinicBenchmarks {
  const overall = new Tally();
  const tallies: Record<DimensionKey, Tally> = { pattern: new Tally(), programme: new Tally(), protocol: new Tally(), practitioner: new Tally() };
  const measured = MEASURED_INDICATORS.map(() => 0);
  const coursesOf = groupByPatient(population.courses);
  const programmesOf = groupByPatient(population.programmes);

  for (const p of population.patients) {
    const outcome = summarisePatientOutcome(p.history, overrides);
    const pain = judge(outcome.pain);
    const main = judge(outcome.main);
    overall.count("all", "All patients", pain, main);
    tallies.practitioner.count(p.practitioner_id ?? "unassigned", p.practitioner_name ?? "No practitioner", pain, main);
    for (const tag of p.patterns.length > 0 ? p.patterns : [NO_PATTERN_KEY]) {
      tallies.pattern.count(tag, tag === NO_PATTERN_KEY ? "No pattern confirmed" : (PATTERNS[tag as PatternId]?.label ?? tag), pain, main);
    }
    const courses = coursesOf.get(p.id) ?? [];
    const protocols = new Set(courses.map(describeProtocol));
    if (protocols.size === 0) tallies.protocol.count("none", "No decompression course completed", pain, main);
    for (const label of protocols) tallies.protocol.count(label, label, pain, main);
    const programmes = programmesOf.get(p.id) ?? [];
    const sets = new Set(programmes.map(describeProgramme));
    if (sets.size === 0) tallies.programme.count("none", "No home programme completed", pain, main);
    for (const label of sets) tallies.programme.count(label, label, pain, main);

    const intakeAt = population.intakeAt.get(p.id);
    const dischargeAt = Math.max(...courses.map((c) => c.completedAt), ...programmes.map((g) => g.completedAt));
    if (intakeAt === undefined || !Number.isFinite(dischargeAt)) continue;
    MEASURED_INDICATORS.forEach((indicator, i) => {
      if (isMeasuredAtIntakeAndDischarge(p.history, indicator.instruments, intakeAt, dischargeAt)) measured[i]! += 1;
    });
  }
  const total = population.patients.length;
  return {
    period,
    overall: overall.list()[0] ?? { key: "all", label: "All patients", patients: 0, pain: emptyRate(), main: emptyRate() },
    dimensions: [
      { key: "pattern", title: "By imbalance pattern", note: "Confirmed patterns; a patient with two counts in both.", groups: tallies.pattern.list() },
      { key: "programme", title: "By home programme", note: "Programmes with the same exercises count as one, whatever the doses [U].", groups: tallies.programme.list() },
      { key: "protocol", title: "By decompression protocol", note: "Region, planned sessions, sessions a week and position of the completed course.", groups: tallies.protocol.list() },
      { key: "practitioner", title: "By practitioner", note: "The patient's practitioner of record.", groups: tallies.practitioner.list() },
    ],
    indicators: MEASURED_INDICATORS.map((indicator, i) => ({ key: indicator.key, label: indicator.label, measured: measured[i]!, eligible: total, source: indicator.source })),
  };
}
