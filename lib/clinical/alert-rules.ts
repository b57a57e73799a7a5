/**
 * When something a patient reports at home should reach staff as an alert
 * (issue 12 item 4). Pure rules; lib/alerts applies them in the transaction of
 * the report, and each threshold is a clinic setting (Settings → Clinical).
 */

export type AlertThresholds = {
  /** A home session's pain (NPRS 0-10) at or above this raises a pain alert. */
  painAtLeast: number;
  /** This many home sessions in a row answered "too hard" raise an alert. */
  tooHardRun: number;
  /** A shared programme with no session logged for this many days raises an alert. */
  notLoggingDays: number;
};

/**
 * Defaults. Pain 7: the lower edge of the "severe" NPRS band (0 none, 1-3 mild, 4-6 moderate, 7-10
 * severe; clinical-reference.md §2, NPRS), as the issue asks; that a severe score warrants a call is our
 * reading [U]. "Too hard" twice in a row and 7 days without logging: the figures, no published
 * source [U].
 */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { painAtLeast: 7, tooHardRun: 2, notLoggingDays: 7 };

/** The ranges a clinic may choose from; outside them an alert would fire on everything or never. [U: our bounds] */
export const ALERT_THRESHOLD_LIMITS = {
  painAtLeast: { min: 1, max: 10 },
  tooHardRun: { min: 1, max: 10 },
  notLoggingDays: { min: 2, max: 60 },
} as const satisfies Record<keyof AlertThresholds, { min: number; max: number }>;

export function isPainAlert(pain: number | null, thresholds: Pick<AlertThresholds, "painAtLeast">): boolean {
  return pain !== null && pain >= thresholds.painAtLeast;
}

export type EffortAnswer = "too_hard" | "about_right" | "too_easy" | null;

/**
 * The run of "too hard" at the end of a patient's sessions, newest last.
 * Sessions without an effort answer are passed over (the patient skipped the
 * question; they neither break nor extend a run) [U: our choice].
 */
export function trailingTooHardRun(efforts: readonly EffortAnswer[]): number {
  let run = 0;
  for (let i = efforts.length - 1; i >= 0; i--) {
    const e = efforts[i];
    if (e === null || e === undefined) continue;
    if (e !== "too_hard") break;
    run += 1;
  }
  return run;
}

export function isTooHardAlert(efforts: readonly EffortAnswer[], thresholds: Pick<AlertThresholds, "tooHardRun">): boolean {
  return trailingTooHardRun(efforts) >= thresholds.tooHardRun;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two clinic-local dates (YYYY-MM-DD), later minus earlier. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}

/**
 * A shared programme has gone quiet when the last day with a session logged
 * (or, before any, the day the link was made) is at least `notLoggingDays`
 * clinic-local days before today: with 7, a session on the 1st and nothing
 * since alerts on the 8th.
 */
export function isNotLogging(lastActivityOn: string, today: string, thresholds: Pick<AlertThresholds, "notLoggingDays">): boolean {
  return daysBetween(lastActivityOn, today) >= thresholds.notLoggingDays;
}
