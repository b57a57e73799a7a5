import type { DecompressionRegion } from "./decompression";

/**
 * Screening before a decompression course is assigned and before each session
 * (clinical-reference.md section 4). Flags are data so a clinic can read each
 * one's source; the codes are stored on patient records and never change.
 */

/** "unclassified": an active code the rules do not know; it blocks until a practitioner classifies it (reference §3). */
export type SafetyFlagKind = "contraindication" | "red-flag" | "precaution" | "unclassified";

export type SafetyFlag = {
  code: string;
  label: string;
  kind: SafetyFlagKind;
  /** Decompression regions the flag applies to. */
  regions: readonly DecompressionRegion[];
  /** True for red flags: stop and prompt an urgent referral. */
  urgentReferral: boolean;
  note: string;
  source: string;
};

const BOTH: readonly DecompressionRegion[] = ["lumbar", "cervical"];
const REF = "clinical-reference.md section 4";
const CES_SOURCE = `${REF}; BMJ Best Practice, cauda equina syndrome [V via research/domain-sources.md 4.4]`;

function contraindication(code: string, label: string, note: string, source: string, regions = BOTH): SafetyFlag {
  return { code, label, kind: "contraindication", regions, urgentReferral: false, note, source };
}
function redFlag(code: string, label: string, note: string): SafetyFlag {
  return { code, label, kind: "red-flag", regions: BOTH, urgentReferral: true, note, source: CES_SOURCE };
}
function precaution(code: string, label: string, note: string): SafetyFlag {
  return { code, label, kind: "precaution", regions: BOTH, urgentReferral: false, note, source: `${REF}; PTA traction course notes [S]` };
}

export const SAFETY_FLAGS: readonly SafetyFlag[] = [
  contraindication("pregnancy", "Pregnancy", "The harness and pull load the abdomen and pelvis.", `${REF}; device vendor and consumer-health summary [S]`),
  contraindication("spinal-fracture", "Spinal fracture", "Traction could displace an unhealed fracture.", `${REF}; consumer-health summary [S]`),
  contraindication("spinal-tumour", "Spinal tumour or cancer", "Includes a history of cancer with spinal involvement.", `${REF}; PTA traction course notes [S]`),
  contraindication("abdominal-aortic-aneurysm", "Abdominal aortic aneurysm", "The lumbar harness compresses the abdomen.", `${REF}; consumer-health summary [S]`),
  contraindication("advanced-osteoporosis", "Advanced osteoporosis", "Osteopenia alone is described as acceptable; record which.", `${REF}; low-quality clinic sources [S]`),
  contraindication("spinal-hardware", "Spinal instrumentation or fusion with hardware", "Hardware may shift; a fusion without hardware is described as acceptable.", `${REF}; low-quality clinic sources [S]`),
  contraindication("spinal-infection", "Spinal infection", "Includes discitis and osteomyelitis.", `${REF}; PTA traction course notes [S]`),
  contraindication("inflammatory-arthritis-flare", "Inflammatory arthritis in flare", "For example rheumatoid arthritis or axial spondyloarthritis during a flare.", `${REF}; PTA traction course notes [S]`),
  contraindication("spinal-cord-compression", "Spinal cord compression", "Central pressure on the cord from a tumour or central disc herniation.", `${REF}; PTA traction course notes [S]`),
  contraindication("myelopathy", "Myelopathy", "Listed for cervical traction only.", `${REF}; fpnotebook cervical traction [S]`, ["cervical"]),
  redFlag("ces-bladder-bowel", "New bladder or bowel change", "Possible cauda equina syndrome: a surgical emergency."),
  redFlag("ces-saddle-numbness", "Saddle numbness", "Possible cauda equina syndrome: a surgical emergency."),
  redFlag("ces-bilateral-leg-weakness", "Bilateral leg weakness", "Possible cauda equina syndrome: a surgical emergency."),
  precaution("claustrophobia", "Claustrophobia", "Harnesses and the table can feel confining; agree a stop signal."),
  precaution("hypermobility", "Hypermobility", "Lax joints may need lower forces."),
  precaution("uncontrolled-blood-pressure", "Uncontrolled blood pressure", "Check blood pressure before the session."),
  precaution("cardiac-insufficiency", "Cardiac insufficiency", "Lying flat and harness pressure may be poorly tolerated."),
  precaution("respiratory-insufficiency", "Respiratory insufficiency", "Chest harnesses and lying flat may limit breathing."),
];

const BY_CODE = new Map(SAFETY_FLAGS.map((flag) => [flag.code, flag]));

export function getSafetyFlag(code: string): SafetyFlag | undefined {
  return BY_CODE.get(code);
}

/** An active code the screening rules do not know: never "clear", it needs a practitioner to classify it. */
export function describeUnclassifiedFlag(code: string): SafetyFlag {
  return {
    code,
    label: `Unclassified flag "${code}"`,
    kind: "unclassified",
    regions: BOTH,
    urgentReferral: false,
    note: "Not in the screening list: resolve it and record the matching red flag, contraindication or precaution before decompression.",
    source: "clinical-reference.md section 3 (unknown flag codes never screen clear)",
  };
}

export type PatientFlag = { code: string; status: "active" | "resolved" };

export type ScreeningOutcome = "clear" | "warn" | "blocked";

export type ScreeningResult = {
  outcome: ScreeningOutcome;
  blocking: SafetyFlag[];
  warnings: SafetyFlag[];
  urgentReferral: boolean;
  /** Active codes not in SAFETY_FLAGS: they block (as "unclassified" flags in `blocking`) until classified. */
  unrecognised: string[];
  message: string;
};

/**
 * Only active flags count, and only those that apply to the region. Red flags
 * and contraindications block; precautions warn (the caller asks for a confirm).
 */
export function screenForDecompression(input: {
  region: DecompressionRegion;
  flags: readonly PatientFlag[];
}): ScreeningResult {
  const activeCodes = [...new Set(input.flags.filter((f) => f.status === "active").map((f) => f.code))];
  const known = activeCodes.map((code) => getSafetyFlag(code)).filter((f): f is SafetyFlag => f !== undefined);
  const unrecognised = activeCodes.filter((code) => !BY_CODE.has(code));
  const applicable = known.filter((flag) => flag.regions.includes(input.region));

  const blocking = [...applicable.filter((flag) => flag.kind !== "precaution"), ...unrecognised.map(describeUnclassifiedFlag)];
  const warnings = applicable.filter((flag) => flag.kind === "precaution");
  const redFlags = blocking.filter((flag) => flag.kind === "red-flag");
  const outcome: ScreeningOutcome = blocking.length > 0 ? "blocked" : warnings.length > 0 ? "warn" : "clear";

  return {
    outcome,
    blocking,
    warnings,
    urgentReferral: redFlags.length > 0,
    unrecognised,
    message: describeScreening(input.region, outcome, blocking, redFlags, warnings),
  };
}

function describeScreening(
  region: DecompressionRegion,
  outcome: ScreeningOutcome,
  blocking: readonly SafetyFlag[],
  redFlags: readonly SafetyFlag[],
  warnings: readonly SafetyFlag[],
): string {
  const labels = (flags: readonly SafetyFlag[]) => flags.map((f) => f.label).join(", ");
  if (redFlags.length > 0) {
    return (
      `Stop: possible cauda equina syndrome (${labels(redFlags)}). Do not start decompression; ` +
      "refer the patient for urgent medical assessment today."
    );
  }
  const unclassified = blocking.filter((f) => f.kind === "unclassified");
  if (unclassified.length > 0) {
    return (
      `Decompression (${region}) is blocked until a practitioner classifies ${unclassified.map((f) => `"${f.code}"`).join(", ")}: ` +
      "resolve the flag and record the matching red flag, contraindication or precaution. No override applies."
    );
  }
  if (outcome === "blocked") {
    return `Decompression (${region}) is contraindicated: ${labels(blocking)}. Only an admin can override, with a written reason.`;
  }
  if (outcome === "warn") return `Precautions for ${region} decompression: ${labels(warnings)}. Confirm to continue.`;
  return `No active contraindications, red flags or precautions recorded for ${region} decompression.`;
}

/**
 * Whether a blocked screening may be overridden. Only an admin may override, and
 * only contraindications: a red flag is a hard stop with an urgent referral
 * (section 4), so no role can override it, even alongside a contraindication;
 * an unclassified code must be classified, not overridden.
 * "warn" needs a confirm, not an override, so it returns false too.
 */
export function canOverride(result: Pick<ScreeningResult, "outcome" | "blocking">, role: string): boolean {
  return (
    role === "admin" && result.outcome === "blocked" && result.blocking.every((flag) => flag.kind === "contraindication")
  );
}

/** What a patient's name carries wherever it is listed: active red flags, contraindications and unclassified codes. */
export type SafetyMarker = {
  level: "red-flag" | "contraindication" | "unclassified";
  /** The flags behind it, most serious first, in words. */
  labels: string[];
  /** Short text shown beside the name (never colour or an icon alone). */
  text: string;
};

const MARKER_ORDER: SafetyFlagKind[] = ["red-flag", "unclassified", "contraindication"];
const MARKER_TEXT = { "red-flag": "Red flag", unclassified: "Flag to classify", contraindication: "Contraindication" } as const;

/** The marker for a patient's active flag codes; null when none is a red flag, contraindication or unknown code. Precautions are not marked. */
export function summariseSafetyMarker(activeCodes: readonly string[]): SafetyMarker | null {
  const flags = [...new Set(activeCodes)].map((code) => getSafetyFlag(code) ?? describeUnclassifiedFlag(code));
  const marked = flags
    .filter((f) => f.kind !== "precaution")
    .sort((a, b) => MARKER_ORDER.indexOf(a.kind) - MARKER_ORDER.indexOf(b.kind) || a.label.localeCompare(b.label));
  const top = marked[0];
  if (!top) return null;
  const level = top.kind as SafetyMarker["level"];
  return { level, labels: marked.map((f) => f.label), text: MARKER_TEXT[level] };
}
