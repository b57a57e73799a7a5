import type { Bundle } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { MEASURES } from "@/lib/clinical/measures";
import { getBodySite } from "@/lib/fhir/body-sites";
import { deriveId } from "@/lib/fhir/ids";
import { findUnresolvedReferences } from "@/lib/fhir/references";
import { listValidationIssues, loadR4Definitions } from "../../helpers/fhir-validator";

describe("FHIR export parts", () => {
  // Indexing the R4 definitions takes seconds on a loaded machine
  beforeAll(() => loadR4Definitions(), 60_000);

  it("names a body site for every measure in the catalogue", () => {
    expect(MEASURES.filter((m) => !getBodySite(m.code)).map((m) => m.code)).toEqual([]);
  });

  it("derives stable, UUID-shaped ids that differ by their parts", () => {
    const id = deriveId("measurement", "a", "thomas-hip-angle", "left");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveId("measurement", "a", "thomas-hip-angle", "left")).toBe(id);
    expect(deriveId("measurement", "a", "thomas-hip-angle", "right")).not.toBe(id);
  });

  it("finds a dangling reference and a Questionnaire canonical that no entry answers", () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        { resource: { resourceType: "Patient", id: "p1" } },
        { resource: { resourceType: "Observation", id: "o1", status: "final", code: { text: "x" }, subject: { reference: "Patient/p2" } } },
        { resource: { resourceType: "QuestionnaireResponse", id: "q1", status: "completed", questionnaire: "urn:x|1", subject: { reference: "Patient/p1" } } },
      ],
    };
    expect(findUnresolvedReferences(bundle)).toEqual(["Observation/o1 Observation.subject: Patient/p2", "QuestionnaireResponse/q1 questionnaire: urn:x|1"]);
  });

  it("has a validator that refuses what R4 refuses (missing status, an unknown element)", () => {
    const issues = listValidationIssues({ resourceType: "Observation", code: { text: "x" }, colour: "red" } as never);
    expect(issues.map((i) => i.severity)).toContain("error");
    expect(issues.map((i) => i.details?.text).join(" ")).toMatch(/status|colour/);
  });
});
