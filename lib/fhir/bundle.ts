import type { Bundle, BundleEntry, CodeSystem, Organization, Patient, Practitioner, Resource } from "@medplum/fhirtypes";
import { buildProgramme } from "./care-plans";
import { LOCAL_CODE_SYSTEM, LOCAL_KINDS, LocalCodes } from "./codes";
import { buildCourseRequest, buildSession } from "./decompression";
import { buildFlag } from "./flags";
import { buildMeasurementObservation, buildScoreObservation } from "./observations";
import { buildQuestionnaire, buildQuestionnaireResponse, isQuestionnaire, questionnaireId } from "./questionnaires";
import { findUnresolvedReferences } from "./references";
import type { BuildContext, FhirExportInput } from "./types";

export type { FhirExportInput } from "./types";

function buildPatient(input: FhirExportInput): Patient {
  const p = input.patient;
  const telecom = [
    ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
    ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
  ];
  return {
    resourceType: "Patient",
    id: p.id,
    active: p.archivedAt === null,
    name: [{ family: p.lastName, given: [p.firstName], text: `${p.firstName} ${p.lastName}` }],
    gender: p.sex,
    birthDate: p.dateOfBirth,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(p.practitionerId && input.practitioners.some((x) => x.id === p.practitionerId) ? { generalPractitioner: [{ reference: `Practitioner/${p.practitionerId}` }] } : {}),
    managingOrganization: { reference: `Organization/${input.clinic.id}`, display: input.clinic.name },
  };
}

function buildCodeSystem(codes: LocalCodes): CodeSystem {
  const used = codes.list();
  const kinds = [...new Set(used.map((c) => c.kind))];
  return {
    resourceType: "CodeSystem",
    id: "plumbline-local",
    url: LOCAL_CODE_SYSTEM,
    name: "PlumblineLocal",
    title: "Plumbline local codes",
    status: "active",
    description: "Codes for what no cited source gives a LOINC or SNOMED CT code for. A code is <kind>/<key>; this copy lists the codes this export uses.",
    caseSensitive: true,
    hierarchyMeaning: "grouped-by",
    content: "fragment",
    concept: kinds.map((kind) => ({
      code: kind,
      display: LOCAL_KINDS[kind],
      concept: used.filter((c) => c.kind === kind).map((c) => ({ code: c.code, display: c.display })),
    })),
  };
}

/**
 * One patient's record as a FHIR R4 Bundle of type `collection`: a set of
 * resources handed over together, with no attested Composition (a
 * `document` would need one, signed as a clinical document, which this
 * machine-readable copy is not). Pure: it reads only its input.
 */
export function buildPatientBundle(input: FhirExportInput): Bundle {
  const codes = new LocalCodes();
  const names = new Map(input.practitioners.map((p) => [p.id, p.name]));
  const ctx: BuildContext = {
    input,
    codes,
    patientRef: { reference: `Patient/${input.patient.id}`, display: `${input.patient.firstName} ${input.patient.lastName}` },
    practitionerRef: (id) => (id && names.has(id) ? { reference: `Practitioner/${id}`, display: names.get(id) } : undefined),
  };
  const resources: Resource[] = [buildPatient(input)];
  const organization: Organization = { resourceType: "Organization", id: input.clinic.id, active: true, name: input.clinic.name };
  const practitioners: Practitioner[] = input.practitioners.map((p) => ({ resourceType: "Practitioner", id: p.id, name: [{ text: p.name }] }));
  resources.push(organization, ...practitioners);

  const questionnaires = new Map<string, Resource>();
  const bodyStructures = new Map<string, Resource>();
  for (const { assessment, content } of input.assessments) {
    for (const result of content.instruments) {
      if (isQuestionnaire(result.instrument)) {
        const id = questionnaireId(result.instrument, result.version);
        if (!questionnaires.has(id)) questionnaires.set(id, buildQuestionnaire(ctx, result.instrument, result.version));
        resources.push(buildQuestionnaireResponse(ctx, assessment, { ...result, instrument: result.instrument }));
      }
      resources.push(buildScoreObservation(ctx, assessment, result));
    }
    for (const m of content.measurements) {
      resources.push(buildMeasurementObservation(ctx, assessment, m, (b) => bodyStructures.set(b.id!, b)));
    }
  }
  for (const programme of input.programmes) {
    const { carePlan, requests } = buildProgramme(ctx, programme);
    resources.push(carePlan, ...requests);
  }
  for (const { course, sessions } of input.courses) {
    resources.push(buildCourseRequest(ctx, course));
    for (const s of sessions.filter((x) => x.status === "completed")) {
      const { procedure, parameters } = buildSession(ctx, course, s);
      resources.push(procedure, parameters);
    }
  }
  for (const flag of input.flags) resources.push(buildFlag(ctx, flag));
  resources.push(...questionnaires.values(), ...bodyStructures.values(), buildCodeSystem(codes));

  const base = input.baseUrl.replace(/\/+$/, "");
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "collection",
    timestamp: input.generatedAt.toISOString(),
    entry: resources.map((resource): BundleEntry => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
  const unresolved = findUnresolvedReferences(bundle);
  // A dangling reference is a bug in this module: refuse to hand out a broken record
  if (unresolved.length > 0) throw new Error(`FHIR export has ${unresolved.length} unresolved reference(s): ${unresolved[0]}`);
  return bundle;
}
