import type { AlertDetail, AlertKind } from "@/db/schema";
import { describeRedFlags } from "@/lib/clinical/intake-red-flags";
import { formatDate } from "@/lib/format";

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  pain_high: "High pain at home",
  too_hard: "Finds the programme too hard",
  not_logging: "Stopped logging",
  red_flag: "Red flag in intake: urgent",
};

/** One line saying what the patient reported, from the alert's figures only. */
export function describeAlert(kind: AlertKind, detail: AlertDetail): string {
  switch (kind) {
    case "pain_high":
      return `Reported pain ${detail.pain ?? "?"} out of 10 in a home session.`;
    case "too_hard":
      return `Answered "too hard" ${detail.run ?? 2} sessions in a row.`;
    case "not_logging":
      return detail.lastActivityOn
        ? `No home session logged for ${detail.days ?? "several"} days (last activity ${formatDate(detail.lastActivityOn)}).`
        : "No home session logged for a while.";
    case "red_flag":
      return `${describeRedFlags(detail.flags ?? [])}. ${detail.urgency === "emergency" ? "The patient was told to seek emergency care now." : "The patient was asked to speak to the clinic or a doctor today."}`;
  }
}
