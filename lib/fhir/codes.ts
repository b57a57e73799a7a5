import type { CodeableConcept, Coding } from "@medplum/fhirtypes";

/**
 * Code systems the export uses. Clinical codes come only from issue 15 and
 * the sources it cites (clinical-reference.md, research/domain-sources.md);
 * everything else is a local code, defined in the CodeSystem the Bundle carries.
 */
export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

/** Canonical of Plumbline's own CodeSystem and Questionnaires: the same in every installation. */
export const LOCAL_BASE = "urn:plumbline:fhir";
export const LOCAL_CODE_SYSTEM = `${LOCAL_BASE}:CodeSystem:local`;

// ODI panel 97908-8 (loinc.org [V]); the score code 97909-6 is the descriptor's own (lib/clinical/instruments/odi.ts)
export const LOINC_ODI_PANEL = "97908-8";
// NDI panel 82226-2 and items 82227-0..82236-1 in section order, as in the CMS ACCESS Model IG's NDI Questionnaire (research/domain-sources.md §2 [V as used by HL7/CMS])
export const LOINC_NDI_PANEL = "82226-2";
export const LOINC_NDI_ITEMS = ["82227-0", "82228-8", "82229-6", "82230-4", "82231-2", "82232-0", "82233-8", "82234-6", "82235-3", "82236-1"] as const;
// SNOMED CT 229065009 "Exercise therapy" (issue 15)
export const SNOMED_EXERCISE_THERAPY = "229065009";

// LOINC displays the cited sources give word for word; other LOINC codings carry no display (the concept's text names it)
const LOINC_DISPLAYS: Record<string, string> = {
  "72514-3": "Pain severity - 0-10 verbal numeric rating [Score] - Reported", // clinical-reference.md §1
  "82237-9": "Total score [NDI]", // research/domain-sources.md §2
};

export function loinc(code: string): Coding {
  const display = LOINC_DISPLAYS[code];
  return display ? { system: LOINC, code, display } : { system: LOINC, code };
}

/** Kinds of local code: a code is `<kind>/<key>`, grouped under its kind in the CodeSystem. */
export const LOCAL_KINDS = {
  instrument: "Outcome instrument without a LOINC code",
  item: "Questionnaire item or score part",
  measure: "Physical measurement",
  method: "Measurement method",
  site: "Body site",
  laterality: "Laterality",
  exercise: "Built-in exercise",
  dose: "Part of an exercise dose",
  decompression: "Spinal decompression",
  flag: "Safety flag",
  "flag-kind": "Kind of safety flag",
  programme: "Home programme",
} as const;
export type LocalKind = keyof typeof LOCAL_KINDS;

/** Collects every local code a Bundle uses, so the CodeSystem it carries defines exactly those. */
export class LocalCodes {
  private readonly concepts = new Map<string, { kind: LocalKind; display: string }>();

  coding(kind: LocalKind, key: string, display: string): Coding {
    const code = `${kind}/${key}`;
    if (!this.concepts.has(code)) this.concepts.set(code, { kind, display });
    return { system: LOCAL_CODE_SYSTEM, code, display: this.concepts.get(code)!.display };
  }

  concept(kind: LocalKind, key: string, display: string, text = display): CodeableConcept {
    return { coding: [this.coding(kind, key, display)], text };
  }

  /** Used codes, grouped by kind in LOCAL_KINDS order, sorted by code within one. */
  list(): { kind: LocalKind; code: string; display: string }[] {
    const kinds = Object.keys(LOCAL_KINDS) as LocalKind[];
    return [...this.concepts.entries()]
      .map(([code, c]) => ({ code, ...c }))
      .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.code.localeCompare(b.code));
  }
}
