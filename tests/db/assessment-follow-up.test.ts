import { beforeAll, expect, it } from "vitest";
import { getFollowUpStart, toFollowUpValues } from "@/lib/assessments/follow-up";
import { createAssessment } from "@/lib/assessments/mutations";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { assessmentFormData, lumbarFields, submissionFrom } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const ctx = { timeZone: "Europe/London", now: new Date("2026-02-01T10:00:00Z") };

describeEachDatabase("assessments: what a follow-up starts from", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  it("a first assessment starts from nothing: the full form", async () => {
    const patientId = (await insertPatient(getDb(), a.practitioner.scope, { sex: "male" })).id;
    const start = await getFollowUpStart(getDb(), a.practitioner.scope, patientId);
    expect(start).toMatchObject({ previous: false, measured: [], instruments: [], confirmedPatterns: [] });
    expect(toFollowUpValues(start)).toEqual({});
  });

  it("lists the tests measured and questionnaires completed at signed assessments, with the last method, and carries confirmed patterns", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const patientId = (await insertPatient(db, scope, { sex: "female" })).id;
    const baseline = lumbarFields(patientId, { intent: "sign", "pattern.hip-flexor-glute": "confirmed", "m.thomas-hip-angle.method": "inclinometer" });
    await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(baseline), ctx));
    // A draft does not count: only signed assessments shape the follow-up
    await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId, { "m.modified-schober.na": "4", assessedOn: "2026-01-20" })), ctx));

    const start = await getFollowUpStart(db, scope, patientId);
    expect(start.previous).toBe(true);
    expect(start.measured.map((m) => m.code).sort()).toEqual(["biering-sorensen", "mmt-gluteus-medius", "thomas-hip-angle"]);
    expect(start.measured.find((m) => m.code === "thomas-hip-angle")?.method).toBe("inclinometer");
    expect(start.instruments.sort()).toEqual(["nprs", "odi"]);
    expect(start.confirmedPatterns).toEqual(["hip-flexor-glute"]);

    const values = toFollowUpValues(start);
    expect(values["pattern.hip-flexor-glute"]).toBe("confirmed");
    expect(values["m.thomas-hip-angle.method"]).toBe("inclinometer");
    // The carried decision lets the follow-up sign with the same findings, without a new decision
    const followUp = validateAssessmentForm(parseAssessmentForm(assessmentFormData({ ...lumbarFields(patientId, { intent: "sign", assessedOn: "2026-01-29" }), ...values })));
    expect(followUp.ok).toBe(true);
    if (followUp.ok) await expect(db.transaction((tx) => createAssessment(tx, scope, followUp.value, ctx))).resolves.toBeTypeOf("string");
  });

  it("reads nothing of another clinic's patient", async () => {
    const patientId = (await insertPatient(getDb(), a.practitioner.scope, { sex: "female" })).id;
    await getDb().transaction((tx) => createAssessment(tx, a.practitioner.scope, submissionFrom(lumbarFields(patientId, { intent: "sign", "pattern.hip-flexor-glute": "dismissed" })), ctx));
    const start = await getFollowUpStart(getDb(), b.practitioner.scope, patientId);
    expect(start).toMatchObject({ previous: false, measured: [], instruments: [] });
  });
});
