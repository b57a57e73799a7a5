/**
 * The red-flag screening questions of the patient's intake (issue 13), in the
 * patient's own words, and what a "yes" means. Two groups, as the reference
 * sets them apart:
 * - cauda equina syndrome: a surgical emergency; any recent or worsening
 *   bladder or bowel disturbance, saddle numbness, weakness or numbness in
 *   both legs, or new sexual dysfunction warrants immediate hospital referral
 *   (clinical-reference.md §4; BMJ Best Practice, cauda equina syndrome,
 *   diagnosis approach [V]; patient-facing wording after the British
 *   Association of Spine Surgeons' warning signs [S]). A "yes" tells the
 *   patient to seek emergency care now.
 * - general spinal red flags: trauma, a history of cancer, unexplained weight
 *   loss, feeling systemically unwell or feverish, unremitting night pain
 *   (research/domain-sources.md, general spinal red flags [S]). A "yes" asks
 *   the patient to speak to the clinic or a doctor today [U: the urgency of
 *   this message is our reading; the source lists the flags, not a timeline].
 * Either raises an urgent alert for staff.
 */

import { SAFETY_FLAGS } from "./safety";

/** The two messages a "yes" can call for, most urgent first. */
export const RED_FLAG_URGENCIES = ["emergency", "same-day"] as const;
export type RedFlagUrgency = (typeof RED_FLAG_URGENCIES)[number];

/** The decompression screening's own label for a cauda equina flag: one wording for staff wherever it is raised. */
function cesLabel(code: string): string {
  const flag = SAFETY_FLAGS.find((f) => f.code === code && f.kind === "red-flag");
  if (!flag) throw new Error(`no cauda equina flag ${code} in lib/clinical/safety.ts`);
  return flag.label;
}

export type RedFlagQuestion = { code: string; urgency: RedFlagUrgency; question: string; staffLabel: string };

export const INTAKE_RED_FLAGS: readonly RedFlagQuestion[] = [
  { code: "ces-bladder-bowel", urgency: "emergency", question: "Since your back pain started, have you had new trouble passing water, controlling your bladder or controlling your bowels?", staffLabel: cesLabel("ces-bladder-bowel") },
  { code: "ces-saddle-numbness", urgency: "emergency", question: "Is there numbness or tingling around your back passage, genitals or inner thighs (where you would sit on a saddle)?", staffLabel: cesLabel("ces-saddle-numbness") },
  { code: "ces-bilateral-leg-weakness", urgency: "emergency", question: "Are both of your legs weak, numb or tingling, or getting worse?", staffLabel: cesLabel("ces-bilateral-leg-weakness") },
  { code: "ces-sexual", urgency: "emergency", question: "Have you noticed new changes in sexual function, such as loss of sensation?", staffLabel: "New sexual dysfunction" },
  { code: "trauma", urgency: "same-day", question: "Did your pain start after a fall, an accident or another injury?", staffLabel: "Started after trauma" },
  { code: "cancer-history", urgency: "same-day", question: "Have you ever had cancer?", staffLabel: "History of cancer" },
  { code: "weight-loss", urgency: "same-day", question: "Have you lost weight recently without trying?", staffLabel: "Unexplained weight loss" },
  { code: "unwell-fever", urgency: "same-day", question: "Do you feel generally unwell, or have you had a fever or night sweats?", staffLabel: "Systemically unwell or fever" },
  { code: "night-pain", urgency: "same-day", question: "Is the pain constant at night, so that no position eases it?", staffLabel: "Unremitting night pain" },
];

export type RedFlagAnswers = Record<string, "yes" | "no">;

export type RedFlagOutcome = {
  /** The codes answered "yes", in question order. */
  positive: string[];
  /** The most urgent message the answers call for, or null when every answer is "no". */
  urgency: RedFlagUrgency | null;
};

/** What the answers mean: an unanswered question counts as neither (the form asks every one). */
export function screenRedFlags(answers: RedFlagAnswers): RedFlagOutcome {
  const positive = INTAKE_RED_FLAGS.filter((q) => answers[q.code] === "yes");
  const urgency = positive.some((q) => q.urgency === "emergency") ? "emergency" : positive.length > 0 ? "same-day" : null;
  return { positive: positive.map((q) => q.code), urgency };
}

/** What the patient is told after a "yes", by urgency. */
export const RED_FLAG_MESSAGES: Record<RedFlagUrgency, { title: string; text: string }> = {
  emergency: {
    title: "Urgent: seek care now",
    text: "What you told us can be a sign of pressure on the nerves at the base of the spine, which needs checking in hospital straight away. Go to an emergency department now, or call your emergency number. Do not wait for your appointment. Your clinic has also been told.",
  },
  "same-day": {
    title: "Please speak to a doctor today",
    text: "What you told us needs checking before treatment starts. Call your clinic or your doctor today. If you feel very unwell, or your legs, bladder or bowels change, go to an emergency department now.",
  },
};

/** Staff's wording of the flags answered "yes", for an alert (codes not in the list are named as they are). */
export function describeRedFlags(codes: readonly string[]): string {
  if (codes.length === 0) return "A red flag was answered yes";
  return `Answered yes: ${codes.map((c) => INTAKE_RED_FLAGS.find((q) => q.code === c)?.staffLabel ?? c).join("; ")}`;
}
