import { and, eq } from "drizzle-orm";
import type { Bundle, Coding, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { auditEvents, decompressionSessions } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import { NotFoundError } from "@/lib/errors";
import { LOCAL_CODE_SYSTEM } from "@/lib/fhir/codes";
import { exportPatientBundle } from "@/lib/fhir/export";
import { findUnresolvedReferences } from "@/lib/fhir/references";
import { listValidationIssues, loadR4Definitions } from "../helpers/fhir-validator";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

const NOW = new Date("2026-03-01T12:00:00Z");
const BASE = "https://clinic.example/fhir";

const resourcesOf = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource as Resource);
const ofType = <T extends Resource["resourceType"]>(bundle: Bundle, type: T) =>
  resourcesOf(bundle).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);

function collectCodings(value: unknown, out: Coding[]) {
  if (Array.isArray(value)) value.forEach((v) => collectCodings(v, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.system === "string" && typeof o.code === "string") out.push(o as Coding);
    Object.values(o).forEach((v) => collectCodings(v, out));
  }
}

describeEachDatabase("FHIR R4 export", (getDb, getConnection) => {
  let ctx: DemoContext;
  let app: Connection;
  const bundles = new Map<string, Bundle>();

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), NOW);
    loadR4Definitions();
    app = await getConnection().openAsApp();
    // Every demo patient, exported as the app runs: the runtime role, inside its clinic's scope
    for (const p of ctx.patients) {
      const scope = demoScope(ctx, p.clinicId);
      bundles.set(p.id, await exportPatientBundle(await app.forClinic(p.clinicId), scope, p.id, { baseUrl: BASE, now: NOW }));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const bundleOf = (first: string, last: string) => bundles.get(findPersona(ctx, first, last).id)!;

  it("validates every resource of every demo patient's Bundle against the R4 definitions, with no error or warning", () => {
    expect(bundles.size).toBe(ctx.patients.length);
    const problems: string[] = [];
    for (const bundle of bundles.values()) {
      for (const resource of [bundle, ...resourcesOf(bundle)]) {
        for (const issue of listValidationIssues(resource)) {
          problems.push(`${resource.resourceType}/${resource.id ?? ""} ${issue.severity} ${issue.expression?.join(",")}: ${issue.details?.text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("resolves every reference inside its own Bundle, and gives each entry a fullUrl its references resolve against", () => {
    for (const bundle of bundles.values()) {
      expect(bundle.type).toBe("collection");
      expect(findUnresolvedReferences(bundle)).toEqual([]);
      for (const entry of bundle.entry ?? []) {
        expect(entry.fullUrl).toBe(`${BASE}/${entry.resource!.resourceType}/${entry.resource!.id}`);
      }
      const ids = (bundle.entry ?? []).map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("defines every local code it uses in the CodeSystem it carries", () => {
    let localCodes = 0;
    for (const bundle of bundles.values()) {
      const [codeSystem] = ofType(bundle, "CodeSystem");
      expect(codeSystem?.url).toBe(LOCAL_CODE_SYSTEM);
      const defined = new Set((codeSystem?.concept ?? []).flatMap((group) => (group.concept ?? []).map((c) => c.code)));
      const used: Coding[] = [];
      collectCodings(resourcesOf(bundle).filter((r) => r.resourceType !== "CodeSystem"), used);
      const local = used.filter((c) => c.system === LOCAL_CODE_SYSTEM).map((c) => c.code!);
      localCodes += local.length;
      expect(local.filter((code) => !defined.has(code))).toEqual([]);
    }
    expect(localCodes).toBeGreaterThan(0);
  });

  it("gives Maya her ODI under LOINC panel 97908-8 and score 97909-6, NPRS under 72514-3, measurements with site, laterality and method", () => {
    const bundle = bundleOf("Maya", "Okafor");
    const kinds = new Set(resourcesOf(bundle).map((r) => r.resourceType));
    for (const kind of ["Patient", "Organization", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Observation", "CarePlan", "ServiceRequest", "BodyStructure", "CodeSystem"]) {
      expect(kinds, kind).toContain(kind);
    }
    const odi = ofType(bundle, "Questionnaire").find((q) => q.code?.[0]?.code === "97908-8");
    expect(odi?.item).toHaveLength(10);
    const responses = ofType(bundle, "QuestionnaireResponse").filter((r) => r.questionnaire === `${odi?.url}|${odi?.version}`);
    expect(responses.length).toBeGreaterThanOrEqual(3);
    const scores = ofType(bundle, "Observation").filter((o) => o.code.coding?.[0]?.code === "97909-6");
    expect(scores.map((o) => o.valueQuantity?.value).sort((a, b) => a! - b!)).toContain(44);
    expect(scores.every((o) => o.derivedFrom?.[0]?.reference?.startsWith("QuestionnaireResponse/"))).toBe(true);
    expect(ofType(bundle, "Observation").some((o) => o.code.coding?.[0]?.code === "72514-3" && o.valueQuantity?.value === 7)).toBe(true);
    const thomasLeft = ofType(bundle, "Observation").find((o) => o.code.coding?.[0]?.code === "measure/thomas-hip-angle" && o.bodySite?.text?.startsWith("Left"));
    expect(thomasLeft?.bodySite?.coding?.[0]?.code).toBe("site/hip");
    expect(thomasLeft?.method?.coding?.[0]?.code).toMatch(/^method\//);
    const structureRef = thomasLeft?.bodySite?.extension?.[0]?.valueReference?.reference;
    const structure = ofType(bundle, "BodyStructure").find((b) => `BodyStructure/${b.id}` === structureRef);
    expect(structure?.locationQualifier?.[0]?.coding?.[0]?.code).toBe("laterality/left");
  });

  it("gives her home programme as a CarePlan of exercise-therapy requests (SNOMED CT 229065009) with their doses", () => {
    const bundle = bundleOf("Maya", "Okafor");
    const plans = ofType(bundle, "CarePlan");
    expect(plans.length).toBeGreaterThan(0);
    const active = plans.find((p) => p.status === "active") ?? plans[0]!;
    const requests = ofType(bundle, "ServiceRequest").filter((r) => r.basedOn?.[0]?.reference === `CarePlan/${active.id}`);
    expect(requests.length).toBe(active.activity?.length);
    for (const r of requests) {
      expect(r.code?.coding?.[0]).toMatchObject({ system: "http://snomed.info/sct", code: "229065009" });
      expect(r.orderDetail?.some((d) => d.coding?.[0]?.code === "dose/sets")).toBe(true);
      expect(r.occurrenceTiming?.repeat?.periodUnit).toBe("wk");
    }
  });

  it("gives Wei's NDI under panel 82226-2 with items 82227-0 to 82236-1 and score 82237-9", () => {
    const bundle = bundleOf("Wei", "Nakamura");
    const ndi = ofType(bundle, "Questionnaire").find((q) => q.code?.[0]?.code === "82226-2");
    expect(ndi?.item?.map((i) => i.code?.[0]?.code)).toEqual(["82227-0", "82228-8", "82229-6", "82230-4", "82231-2", "82232-0", "82233-8", "82234-6", "82235-3", "82236-1"]);
    expect(ofType(bundle, "Observation").some((o) => o.code.coding?.[0]?.code === "82237-9")).toBe(true);
  });

  it("holds one Procedure per completed decompression session, with force, cycles and pain before and after", async () => {
    for (const p of ctx.patients) {
      // Read as the app inside the patient's clinic: on PGlite the one connection is the app's now
      const completed = await (await app.forClinic(p.clinicId))
        .select({ id: decompressionSessions.id })
        .from(decompressionSessions)
        .where(and(eq(decompressionSessions.patientId, p.id), eq(decompressionSessions.status, "completed")));
      const bundle = bundles.get(p.id)!;
      const procedures = ofType(bundle, "Procedure");
      expect(procedures.map((x) => x.id).sort(), `${p.firstName} ${p.lastName}`).toEqual(completed.map((c) => c.id).sort());
      for (const procedure of procedures) {
        const settings = ofType(bundle, "Observation").find((o) => o.partOf?.[0]?.reference === `Procedure/${procedure.id}`);
        const parts = settings?.component?.map((c) => c.code.coding?.find((x) => x.system === LOCAL_CODE_SYSTEM)?.code);
        expect(parts).toEqual(expect.arrayContaining(["decompression/max-force", "decompression/cycles", "decompression/pain-before", "decompression/pain-after"]));
      }
    }
    expect(ofType(bundleOf("Tomasz", "Kowalski"), "Procedure").length).toBeGreaterThan(0);
  });

  it("holds a Flag per contraindication and red flag: Priya's pregnancy, Declan's cauda equina red flag", () => {
    const priya = ofType(bundleOf("Priya", "Chatterjee"), "Flag");
    expect(priya.map((f) => f.code.coding?.[0]?.code)).toContain("flag/pregnancy");
    const declan = ofType(bundleOf("Declan", "Murphy"), "Flag");
    const red = declan.filter((f) => f.category?.some((c) => c.coding?.[0]?.code === "flag-kind/red-flag"));
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((f) => f.status === "active" || f.period?.end)).toBe(true);
  });

  it("audits each export against the patient, with no clinical content in the trail", async () => {
    const maya = findPersona(ctx, "Maya", "Okafor");
    const rows = await (await app.forClinic(maya.clinicId))
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, maya.id), eq(auditEvents.action, "export")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "patient", entityId: maya.id, clinicId: maya.clinicId });
    expect(rows[0]?.detail).toEqual({ format: "fhir-r4-bundle", resources: bundleOf("Maya", "Okafor").entry?.length });
  });

  it("answers not found for another clinic's patient, and exports nothing", async () => {
    const maya = findPersona(ctx, "Maya", "Okafor");
    const niamh = findPersona(ctx, "Niamh", "Gallagher");
    const harbourScope = demoScope(ctx, niamh.clinicId);
    await expect(exportPatientBundle(await app.forClinic(niamh.clinicId), harbourScope, maya.id, { baseUrl: BASE })).rejects.toBeInstanceOf(NotFoundError);
  });
});
