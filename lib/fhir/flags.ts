import type { Flag } from "@medplum/fhirtypes";
import { describeUnclassifiedFlag } from "@/lib/clinical/safety";
import { FLAG_CATEGORY } from "./codes";
import type { BuildContext, FhirExportInput } from "./types";

const KIND_LABELS = { contraindication: "Contraindication", "red-flag": "Red flag", precaution: "Precaution", unclassified: "Unclassified flag" } as const;

/** A contraindication, red flag or precaution on the patient: active until resolved, the history kept. */
export function buildFlag(ctx: BuildContext, flag: FhirExportInput["flags"][number]): Flag {
  const definition = flag.definition ?? describeUnclassifiedFlag(flag.code);
  return {
    resourceType: "Flag",
    id: flag.id,
    status: flag.status === "active" ? "active" : "inactive",
    category: [
      { coding: [{ system: FLAG_CATEGORY, code: "clinical", display: "Clinical" }] },
      ctx.codes.concept("flag-kind", definition.kind, KIND_LABELS[definition.kind]),
    ],
    code: ctx.codes.concept("flag", flag.code, definition.label, [definition.label, definition.urgentReferral ? "urgent referral" : null, flag.note].filter(Boolean).join("; ")),
    subject: ctx.patientRef,
    period: { start: flag.notedOn, ...(flag.resolvedAt ? { end: flag.resolvedAt.toISOString() } : {}) },
    ...(flag.recordedBy ? { author: ctx.practitionerRef(flag.recordedBy) } : {}),
  };
}
