import type { ChangeKind } from "@/lib/clinical/classify-change";
import type { InstrumentId, ScoreUnit } from "@/lib/clinical/instruments";
import { formatScoreNumber } from "@/lib/clinical/instruments/rounding";
import { describeMcidRule } from "@/lib/clinical/mcid-describe";
import { formatDate, formatInstantDate } from "@/lib/format";
import type { InstrumentOutcome } from "@/lib/outcomes/model";
import type { OutcomeReportData } from "./outcome-report-data";

/**
 * The report's words, apart from the page: each line as printed, so the PDF
 * and its test read the same text. ASCII only: the PDF's built-in fonts
 * (WinAnsi) have no minus sign or arrow.
 */

export const VERDICT_LABELS: Record<ChangeKind, string> = {
  improvement: "Meaningful improvement",
  deterioration: "Meaningful deterioration",
  "no-meaningful-change": "No meaningful change",
};

/** "44 %", "7 / 10", "12 / 50 (24 %)" (NDI raw with its percent, raw x 2 per Vernon [V]). */
export function formatReportScore(s: { instrument: InstrumentId; score: number; unit: ScoreUnit; scaleMax: number }): string {
  if (s.unit === "percent") return `${formatScoreNumber(s.score)} %`;
  if (s.instrument === "ndi") return `${formatScoreNumber(s.score)} / ${s.scaleMax} (${formatScoreNumber(s.score * 2)} %)`;
  return `${formatScoreNumber(s.score)} / ${s.scaleMax}`;
}

export function formatReportDelta(delta: number, unit: ScoreUnit): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "-" : "+/-";
  const size = Math.abs(delta);
  return `${sign}${formatScoreNumber(size)} ${unit === "percent" ? "percentage points" : size === 1 ? "point" : "points"}`;
}

export type InstrumentLine = { title: string; scores: string; verdict: string; rule: string; note: string | null };

/** One instrument, baseline to latest within its current version, with the model's verdict and the rule's source. */
export function describeInstrument(o: InstrumentOutcome, timeZone: string): InstrumentLine {
  const s = o.current;
  const at = (t: number) => formatInstantDate(new Date(t), timeZone);
  const baseline = `${formatReportScore(s.baseline)} (${at(s.baseline.takenAt)})`;
  const scores = s.change
    ? `Baseline ${baseline}, latest ${formatReportScore(s.latest)} (${at(s.latest.takenAt)}): ${formatReportDelta(s.change.delta, s.unit)}`
    : `One score so far: ${baseline}`;
  const rule = s.change
    ? `Rule: ${s.change.rule.label}, ${s.change.rule.threshold}. Source: ${s.change.rule.source}`
    : `Rule: ${s.rule.label}, ${describeMcidRule(s.rule)}. Source: ${s.rule.source}`;
  return {
    title: `${o.label} (${s.label})`,
    scores,
    verdict: s.change ? VERDICT_LABELS[s.change.kind] : "Not judged yet (needs a second score)",
    rule,
    note: o.versionNote,
  };
}

export function describeSessions(s: OutcomeReportData["sessions"]): string {
  if (s.courses === 0) return "No spinal decompression course.";
  const misses = [s.missed ? `${s.missed} missed` : null, s.cancelled ? `${s.cancelled} cancelled` : null].filter(Boolean).join(", ");
  return `Decompression sessions attended: ${s.completed} of ${s.planned} planned (${s.courses} course${s.courses === 1 ? "" : "s"}${misses ? `; ${misses}` : ""}).`;
}

export function describeAdherence(a: OutcomeReportData["adherence"]): string {
  if (a.weeks === 0 || a.percent === null) return "Home-programme adherence: not recorded.";
  return `Home-programme adherence: ${Math.round(a.percent)} % (${a.done} of ${a.prescribed} prescribed home sessions over ${a.weeks} recorded week${a.weeks === 1 ? "" : "s"}).`;
}

export function describePrepared(data: OutcomeReportData): string {
  return `Prepared by ${data.preparedBy}, ${formatDate(data.preparedOn)}`;
}
