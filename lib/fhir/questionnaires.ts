import type { Extension, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from "@medplum/fhirtypes";
import type { ContentInstrument } from "@/lib/assessments/content";
import { INSTRUMENTS, type InstrumentId } from "@/lib/clinical/instruments";
import { LOCAL_BASE, LOINC_NDI_ITEMS, LOINC_NDI_PANEL, LOINC_ODI_PANEL, loinc } from "./codes";
import { deriveId } from "./ids";
import type { BuildContext } from "./types";

/** The instruments recorded as questionnaires; NPRS is a single score (an Observation only). */
export type QuestionnaireInstrument = Exclude<InstrumentId, "nprs">;
export const isQuestionnaire = (id: InstrumentId): id is QuestionnaireInstrument => id !== "nprs";

export function questionnaireId(instrument: QuestionnaireInstrument, version: string): string {
  return `${instrument}-${version}`.replace(/[^A-Za-z0-9.-]/g, "-");
}
export const questionnaireUrl = (instrument: QuestionnaireInstrument) => `${LOCAL_BASE}:Questionnaire:${instrument}`;

function range(min: number, max: number): Extension[] {
  return [
    { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: min },
    { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: max },
  ];
}

function buildItems(instrument: QuestionnaireInstrument, version: string): QuestionnaireItem[] {
  const descriptor = INSTRUMENTS[instrument];
  if (instrument === "psfs") {
    return [
      {
        linkId: "activity",
        text: "Activity the patient names",
        type: "group",
        repeats: true,
        item: [
          { linkId: "activity-id", text: "Activity id (the same activity across visits)", type: "string", required: true },
          { linkId: "activity-name", text: "Activity", type: "string", required: true },
          { linkId: "activity-rating", text: "Rating", type: "integer", extension: range(descriptor.itemMin, descriptor.itemMax) },
        ],
      },
    ];
  }
  const items = descriptor.versions.find((v) => v.id === version)?.items ?? descriptor.versions[0]!.items;
  return items.map((item, i): QuestionnaireItem => {
    const code = instrument === "ndi" ? LOINC_NDI_ITEMS[i] : undefined;
    return {
      linkId: item.id,
      text: item.label,
      type: item.kind === "boolean" ? "boolean" : "integer",
      ...(code ? { code: [loinc(code)] } : {}),
      ...(item.kind === "integer" ? { extension: range(item.min, item.max) } : {}),
    };
  });
}

function questionnaireCode(ctx: BuildContext, instrument: QuestionnaireInstrument) {
  const label = INSTRUMENTS[instrument].label;
  if (instrument === "odi") return [loinc(LOINC_ODI_PANEL)];
  if (instrument === "ndi") return [loinc(LOINC_NDI_PANEL)];
  return [ctx.codes.coding("instrument", instrument, label)];
}

/** One Questionnaire per instrument version answered. ODI statements are not reproduced: sections are named only. */
export function buildQuestionnaire(ctx: BuildContext, instrument: QuestionnaireInstrument, version: string): Questionnaire {
  const descriptor = INSTRUMENTS[instrument];
  const versionLabel = descriptor.versions.find((v) => v.id === version)?.label ?? version;
  return {
    resourceType: "Questionnaire",
    id: questionnaireId(instrument, version),
    url: questionnaireUrl(instrument),
    version,
    name: instrument.toUpperCase(),
    title: `${descriptor.label} (${versionLabel})`,
    status: "active",
    subjectType: ["Patient"],
    code: questionnaireCode(ctx, instrument),
    description: `Scored as recorded in Plumbline. Source: ${descriptor.source}.`,
    item: buildItems(instrument, version),
  };
}

function answerItems(result: ContentInstrument): QuestionnaireResponseItem[] {
  if (result.instrument === "psfs") {
    return result.items.map((a) => ({
      linkId: "activity",
      item: [
        { linkId: "activity-id", answer: [{ valueString: a.id }] },
        { linkId: "activity-name", answer: [{ valueString: a.label }] },
        { linkId: "activity-rating", ...(typeof a.value === "number" ? { answer: [{ valueInteger: a.value }] } : {}) },
      ],
    }));
  }
  return result.items.map((item) => ({
    linkId: item.id,
    text: item.label,
    ...(item.value === null ? {} : { answer: [typeof item.value === "boolean" ? { valueBoolean: item.value } : { valueInteger: item.value }] }),
  }));
}

export const responseId = (assessmentId: string, instrument: InstrumentId) => deriveId("questionnaire-response", assessmentId, instrument);

/** The patient's answers in one signed assessment, as recorded by the practitioner. */
export function buildQuestionnaireResponse(
  ctx: BuildContext,
  assessment: { id: string; assessedAt: Date; practitionerId: string },
  result: ContentInstrument & { instrument: QuestionnaireInstrument },
): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id: responseId(assessment.id, result.instrument),
    questionnaire: `${questionnaireUrl(result.instrument)}|${result.version}`,
    status: "completed",
    subject: ctx.patientRef,
    authored: assessment.assessedAt.toISOString(),
    author: ctx.practitionerRef(assessment.practitionerId),
    source: ctx.patientRef,
    item: answerItems(result),
  };
}
