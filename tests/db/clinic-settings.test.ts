import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, clinics } from "@/db/schema";
import { createAssessment } from "@/lib/assessments/mutations";
import { getPatientOutcomeSummary } from "@/lib/assessments/queries";
import { fingerprintEntry, MCID_CHANGED_MESSAGE, saveMcidOverride } from "@/lib/clinic-settings/mutations";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { resolveMcidRuleByKey } from "@/lib/clinical/mcid";
import { mcidSettingsSchema, parseMcidForm } from "@/lib/clinic-settings/schemas";
import { ConflictError } from "@/lib/errors";
import { lumbarFields, submissionFrom } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return mcidSettingsSchema.safeParse(parseMcidForm(fd));
};

describeEachDatabase("clinic settings: meaningful-change rules", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  it("refuses a rule without a source or threshold, at the fields", () => {
    const parsed = form({ key: "odi", previous: "null", absolute: "", percent: "", combine: "either", source: "" });
    expect(parsed.success).toBe(false);
    const keys = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    expect(keys.sort()).toEqual(["absolute", "source"]);
    const bad = form({ key: "nprs", previous: "null", absolute: "abc", source: "x" });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["absolute", "Enter a number"]]);
  });

  it("saves a clinic override, audits it, and the outcome summary judges change by it; another clinic is untouched", async () => {
    const db = getDb();
    const scope = a.admin.scope;
    const patient = await insertPatient(db, a.practitioner.scope);
    const ctx = { timeZone: "Europe/London", now: new Date("2026-02-01T10:00:00Z") };
    await db.transaction((tx) => createAssessment(tx, a.practitioner.scope, submissionFrom(lumbarFields(patient.id, { intent: "sign", assessedOn: "2026-01-01", "pattern.hip-flexor-glute": "confirmed" })), ctx));
    // ODI 48 % -> 36 %: 12 points, 25 %: meaningful under the default 10 points or 30 %
    const later = lumbarFields(patient.id, { intent: "sign", assessedOn: "2026-01-29", "pattern.hip-flexor-glute": "confirmed", "odi.sections.lifting": "2", "odi.sections.sitting": "1", "odi.sections.standing": "1" });
    await db.transaction((tx) => createAssessment(tx, a.practitioner.scope, submissionFrom(later), ctx));
    const before = await getPatientOutcomeSummary(db, a.practitioner.scope, patient.id);
    expect(before.outcome.instruments.find((o) => o.instrument === "odi")?.current).toMatchObject({ baseline: { score: 48 }, latest: { score: 36 }, change: { kind: "improvement" } });

    const parsed = form({ key: "odi", previous: fingerprintEntry(await (await getClinicClinicalSettings(db, scope)).storedMcidOverrides, "odi"), absolute: "15", percent: "", combine: "either", source: "Clinic audit 2025" });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    await db.transaction((tx) => saveMcidOverride(tx, scope, parsed.data));
    const overrides = (await getClinicClinicalSettings(db, scope)).mcidOverrides;
    expect(resolveMcidRuleByKey("odi", overrides)).toMatchObject({ absolute: 15, percent: null });
    expect(resolveMcidRuleByKey("odi", overrides).source).toContain("Clinic audit 2025");
    const after = await getPatientOutcomeSummary(db, a.practitioner.scope, patient.id);
    expect(after.outcome.instruments.find((o) => o.instrument === "odi")?.current.change).toMatchObject({ kind: "no-meaningful-change", rule: { key: "odi", threshold: "15 percentage points" } });
    expect((resolveMcidRuleByKey("odi", (await getClinicClinicalSettings(db, b.admin.scope)).mcidOverrides))).toMatchObject({ absolute: 10, percent: 30 });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, a.clinic.id));
    expect(events.map((e) => [e.action, e.entity, e.detail?.rule])).toEqual([["update", "clinic", "odi"]]);
  });

  it("refuses a save from a stale page, and resets to the default", async () => {
    const db = getDb();
    const scope = a.admin.scope;
    const stale = form({ key: "odi", previous: "null", absolute: "8", combine: "either", source: "Another idea" });
    if (!stale.success) throw new Error("refused");
    const attempt = db.transaction((tx) => saveMcidOverride(tx, scope, stale.data));
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(MCID_CHANGED_MESSAGE);

    const reset = form({ intent: "reset", key: "odi", previous: fingerprintEntry(await (await getClinicClinicalSettings(db, scope)).storedMcidOverrides, "odi") });
    if (!reset.success) throw new Error("refused");
    await db.transaction((tx) => saveMcidOverride(tx, scope, reset.data));
    const [row] = await db.select({ overrides: clinics.mcidOverrides }).from(clinics).where(eq(clinics.id, a.clinic.id));
    expect(row?.overrides).toEqual({});
    expect((resolveMcidRuleByKey("odi", (await getClinicClinicalSettings(db, scope)).mcidOverrides))).toMatchObject({ absolute: 10, percent: 30 });
  });

  it("stores a baseline-dependent NPRS rule with its bands", async () => {
    const db = getDb();
    const scope = b.admin.scope;
    const parsed = form({
      key: "nprs",
      previous: "null",
      absolute: "2",
      percent: "30",
      combine: "either",
      mode: "baseline-dependent",
      "bands.0.min": "1",
      "bands.0.max": "4",
      "bands.0.absolute": "1",
      "bands.1.min": "5",
      "bands.1.max": "10",
      "bands.1.absolute": "2",
      source: "Thieme, doi 10.1055/a-1304-3677",
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    await db.transaction((tx) => saveMcidOverride(tx, scope, parsed.data));
    const overrides = (await getClinicClinicalSettings(db, scope)).mcidOverrides;
    expect(resolveMcidRuleByKey("nprs", overrides)).toMatchObject({ mode: "baseline-dependent", baselineBands: [{ min: 1, max: 4, absolute: 1 }, { min: 5, max: 10, absolute: 2 }] });
    const overlapping = form({ key: "nprs", previous: "x", absolute: "2", mode: "baseline-dependent", "bands.0.min": "1", "bands.0.max": "5", "bands.0.absolute": "1", "bands.1.min": "5", "bands.1.max": "10", "bands.1.absolute": "2", source: "s" });
    expect(overlapping.success ? [] : overlapping.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["bands", "Baseline bands must not overlap"]]);
  });
});
