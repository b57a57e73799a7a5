import type { BodyStructure, CodeableConcept, Observation, Quantity } from "@medplum/fhirtypes";
import type { ContentInstrument, ContentMeasurement } from "@/lib/assessments/content";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { getMeasure } from "@/lib/clinical/measures";
import { getBodySite } from "./body-sites";
import { loinc, OBSERVATION_CATEGORY, UCUM } from "./codes";
import { deriveId } from "./ids";
import { isQuestionnaire, responseId } from "./questionnaires";
import type { BuildContext } from "./types";

type AssessmentRef = { id: string; assessedAt: Date; practitionerId: string };

const category = (code: "survey" | "exam" | "procedure", display: string): CodeableConcept[] => [
  { coding: [{ system: OBSERVATION_CATEGORY, code, display }] },
];

// UCUM codes of the units the app stores; an MMT grade and a score are unitless, written as UCUM annotations
const UCUM_UNITS: Record<string, string> = { deg: "deg", cm: "cm", s: "s", kg: "kg", min: "min", percent: "%", points: "{score}", grade: "{grade}" };

export function quantity(value: number, unit: string, label = unit): Quantity {
  const code = UCUM_UNITS[unit];
  return code ? { value, unit: label, system: UCUM, code } : { value, unit: label };
}

/** One score: NPRS, ODI and NDI under their LOINC codes, RMDQ and PSFS under local ones. */
export function buildScoreObservation(ctx: BuildContext, assessment: AssessmentRef, result: ContentInstrument): Observation {
  const descriptor = INSTRUMENTS[result.instrument];
  const code = descriptor.loinc ? { coding: [loinc(descriptor.loinc)], text: descriptor.label } : ctx.codes.concept("instrument", result.instrument, descriptor.label);
  const versionLabel = descriptor.versions.find((v) => v.id === result.version)?.label ?? result.version;
  const worst = result.instrument === "nprs" ? result.items.filter((i) => i.id !== "current" && typeof i.value === "number") : [];
  return {
    resourceType: "Observation",
    id: deriveId("score", assessment.id, result.instrument),
    status: "final",
    category: category("survey", "Survey"),
    code,
    subject: ctx.patientRef,
    effectiveDateTime: assessment.assessedAt.toISOString(),
    performer: [ctx.practitionerRef(assessment.practitionerId)!],
    // A PSFS draft may name its activities before any is rated: no value yet, and FHIR says why (obs-6).
    ...(result.score === null
      ? { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "temp-unknown", display: "Temporarily Unknown" }] } }
      : { valueQuantity: quantity(result.score, result.unit, result.unit === "percent" ? "%" : `points (${result.scaleMin}-${result.scaleMax})`) }),
    ...(result.band ? { interpretation: [{ text: result.band }] } : {}),
    method: { text: `${versionLabel}; ${result.direction === "higher-is-worse" ? "higher is worse" : "higher is better"}` },
    note: [{ text: result.rule }],
    ...(isQuestionnaire(result.instrument) ? { derivedFrom: [{ reference: `QuestionnaireResponse/${responseId(assessment.id, result.instrument)}` }] } : {}),
    ...(worst.length > 0
      ? {
          component: worst.map((item) => ({
            code: ctx.codes.concept("item", `nprs-${item.id}`, item.label),
            valueQuantity: quantity(item.value as number, "points", "points (0-10)"),
          })),
        }
      : {}),
  };
}

const SIDE_LABELS = { left: "Left", right: "Right", bilateral: "Both sides" } as const;

/** A sided site (left hip) as a BodyStructure: R4 carries laterality in BodyStructure.locationQualifier. */
export function buildBodyStructure(ctx: BuildContext, siteKey: string, siteLabel: string, side: keyof typeof SIDE_LABELS): BodyStructure {
  return {
    resourceType: "BodyStructure",
    id: deriveId("body-structure", ctx.input.patient.id, siteKey, side),
    active: true,
    location: ctx.codes.concept("site", siteKey, siteLabel),
    locationQualifier: [ctx.codes.concept("laterality", side, SIDE_LABELS[side])],
    patient: ctx.patientRef,
  };
}

/** One physical measurement, with its body site, laterality (through a BodyStructure) and method. */
export function buildMeasurementObservation(
  ctx: BuildContext,
  assessment: AssessmentRef,
  m: ContentMeasurement,
  addBodyStructure: (b: BodyStructure) => void,
): Observation {
  const measure = getMeasure(m.code);
  const label = measure?.label ?? m.code;
  const site = getBodySite(m.code);
  const method = m.method ? measure?.methods.find((x) => x.id === m.method) : undefined;
  let bodySite: Observation["bodySite"];
  if (site) {
    bodySite = ctx.codes.concept("site", site.key, site.label, m.side === "na" ? site.label : `${SIDE_LABELS[m.side]}: ${site.label}`);
    if (m.side !== "na") {
      const structure = buildBodyStructure(ctx, site.key, site.label, m.side);
      addBodyStructure(structure);
      bodySite.extension = [{ url: "http://hl7.org/fhir/StructureDefinition/bodySite", valueReference: { reference: `BodyStructure/${structure.id}` } }];
    }
  }
  return {
    resourceType: "Observation",
    id: deriveId("measurement", assessment.id, m.code, m.side),
    status: "final",
    category: category("exam", "Exam"),
    code: ctx.codes.concept("measure", m.code, label),
    subject: ctx.patientRef,
    effectiveDateTime: assessment.assessedAt.toISOString(),
    performer: [ctx.practitionerRef(assessment.practitionerId)!],
    valueQuantity: quantity(m.value, m.unit),
    ...(bodySite ? { bodySite } : {}),
    ...(m.method ? { method: method ? ctx.codes.concept("method", method.id, method.label) : { text: m.method } } : {}),
    ...(m.abnormal ? { interpretation: [{ text: "Marked abnormal by the practitioner" }] } : {}),
  };
}
