import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { auditEvents, instrumentResults, patientAlerts, patientIntakes, patientLinks, patientReports } from "@/db/schema";
import { GET } from "@/app/p/[token]/route";
import { POST } from "@/app/p/[token]/answers/route";
import { listOpenAlerts } from "@/lib/alerts/queries";
import { describeAlert } from "@/lib/alerts/describe";
import { toInstrumentValues } from "@/lib/assessments/content";
import { createAssessment } from "@/lib/assessments/mutations";
import { scoreInstrument } from "@/lib/clinical/instruments";
import { INTAKE_RED_FLAGS, RED_FLAG_MESSAGES } from "@/lib/clinical/intake-red-flags";
import { NotFoundError, RuleError } from "@/lib/errors";
import { buildIntakeInputs, intakeRequests, listIntakeQuestions } from "@/lib/patient-links/intake-steps";
import type { Answers } from "@/lib/patient-links/questionnaire-steps";
import { hashLinkToken } from "@/lib/patient-links/token";
import { sendIntake } from "@/lib/patient-intake/mutations";
import { listPatientIntakes } from "@/lib/patient-intake/queries";
import { getCompletedReport, listPatientReports } from "@/lib/patient-reports/queries";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";
import { createClinic, insertPatient } from "./fixtures";
import { appRunner, describeEachDatabase } from "./harness";

let ipCounter = 0;
const freshIp = () => `198.51.${100 + Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const ALL_NO = Object.fromEntries(INTAKE_RED_FLAGS.map((q) => [`rf.${q.code}`, "no"]));
const NPRS: Answers = { "nprs.current": "6", "nprs.best": "3", "nprs.worst24h": "8" };
const ODI: Answers = { "odi.painIntensity": "3", "odi.personalCare": "2", "odi.lifting": "4", "odi.walking": "2", "odi.sitting": "skip", "odi.standing": "3", "odi.sleeping": "2", "odi.sexLife": "1", "odi.socialLife": "2", "odi.travelling": "2" };
const ODI_SKIPPED: Answers = Object.fromEntries(Object.keys(ODI).map((k) => [k, "skip"]));

describeEachDatabase("the intake by link (issue 13)", (getDb, getConnection, target) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  const questions = listIntakeQuestions(intakeRequests("2.1a"));

  beforeAll(async () => {
    a = await createClinic(getDb(), "Intake A");
    b = await createClinic(getDb(), "Intake B");
  });

  const withApp = appRunner(getDb, getConnection, target);
  /** The routes reach the database through db/runtime: point it at the runtime role (under RLS) meanwhile. */
  const asRoutes = <T,>(fn: () => Promise<T>): Promise<T> =>
    withApp(async (app) => {
      const holder = globalThis as { __plumblineDb?: Promise<Connection> };
      const before = holder.__plumblineDb;
      holder.__plumblineDb = Promise.resolve(app);
      try {
        return await fn();
      } finally {
        holder.__plumblineDb = before;
      }
    });

  const headers = () => ({ "x-forwarded-for": freshIp() });
  const open = (token: string) =>
    asRoutes(async () => {
      const res = await GET(new Request(`http://127.0.0.1/p/${token}`, { headers: headers() }), { params: Promise.resolve({ token }) });
      return { status: res.status, text: await res.text() };
    });
  function post(token: string, fields: Record<string, string>) {
    const body = new URLSearchParams(fields);
    return asRoutes(async () => {
      const res = await POST(new Request(`http://127.0.0.1/p/${token}/answers`, { method: "POST", body, headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ token }) });
      return { status: res.status, location: res.headers.get("location"), text: await res.text() };
    });
  }
  const carried = (answers: Answers) => Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a.${k}`, v]));
  const sendLast = (token: string, answers: Answers) => post(token, { ...carried(answers), step: String(questions.length - 1), nav: "next" });

  async function newIntake(scope = a.practitioner.scope) {
    const patient = await insertPatient(getDb(), scope, { firstName: "Noor", lastName: "Secret-Surname", dateOfBirth: "1985-07-14", email: "noor@patient.test" });
    const sent = await getDb().transaction((tx) => sendIntake(tx, scope, { patientId: patient.id }));
    return { patient, sent };
  }
  const alertsOf = (patientId: string) => getDb().select().from(patientAlerts).where(eq(patientAlerts.patientId, patientId));
  const intakeOf = async (intakeId: string) => (await getDb().select().from(patientIntakes).where(eq(patientIntakes.id, intakeId)))[0]!;

  it("makes a single-use intake link for 7 days: only the token's hash kept, the ODI version fixed, audited", async () => {
    const { patient, sent } = await newIntake();
    const [link] = await getDb().select().from(patientLinks).where(eq(patientLinks.id, sent.linkId));
    expect(link).toMatchObject({ purpose: "intake", patientId: patient.id, tokenHash: hashLinkToken(sent.token), programmeId: null });
    expect(Math.round((link!.expiresAt.getTime() - link!.createdAt.getTime()) / 86_400_000)).toBe(7);
    expect(await intakeOf(sent.intakeId)).toMatchObject({ odiVersion: "2.1a", redFlags: null, flagsAnsweredAt: null, completedAt: null });
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "patient_link"), eq(auditEvents.entityId, sent.linkId), eq(auditEvents.action, "create")));
    expect(event?.detail).toMatchObject({ purpose: "intake", intakeId: sent.intakeId });
  });

  it("refuses another clinic's patient (not found) and an archived one, writing nothing", async () => {
    const { patient } = await newIntake();
    await expect(getDb().transaction((tx) => sendIntake(tx, b.practitioner.scope, { patientId: patient.id }))).rejects.toBeInstanceOf(NotFoundError);
    const archived = await insertPatient(getDb(), a.practitioner.scope, { archivedAt: new Date() });
    await expect(getDb().transaction((tx) => sendIntake(tx, a.practitioner.scope, { patientId: archived.id }))).rejects.toBeInstanceOf(RuleError);
    expect(await getDb().select().from(patientLinks).where(eq(patientLinks.patientId, archived.id))).toEqual([]);
  });

  it("opens on the red-flag questions with the first name only; an unanswered one stays on the screen (422) and stores nothing", async () => {
    const { sent } = await newIntake();
    const first = await open(sent.token);
    expect(first.status).toBe(200);
    expect(first.text).toContain("Hello Noor");
    expect(first.text).not.toContain("Secret-Surname");
    for (const q of INTAKE_RED_FLAGS) expect(first.text).toContain(`name="rf.${q.code}"`);
    const partial = Object.fromEntries(Object.entries(ALL_NO).filter(([key]) => key !== `rf.${INTAKE_RED_FLAGS[2]!.code}`));
    const res = await post(sent.token, { stage: "flags", ...partial });
    expect(res.status).toBe(422);
    expect(res.text).toContain("1 is still open");
    expect((await intakeOf(sent.intakeId)).flagsAnsweredAt).toBeNull();
  });

  it("all 'no': no alert; then NPRS and ODI, stored as patient-reported drafts scored exactly as the clinic form's scorer scores them", async () => {
    const { patient, sent } = await newIntake();
    const flags = await post(sent.token, { stage: "flags", ...ALL_NO });
    expect(flags).toMatchObject({ status: 303, location: `/p/${sent.token}` });
    expect(await intakeOf(sent.intakeId)).toMatchObject({ redFlagUrgency: null });
    expect(await alertsOf(patient.id)).toEqual([]);
    const next = await open(sent.token);
    expect(next.text).toContain("Pain");
    expect(next.text).not.toContain(RED_FLAG_MESSAGES["same-day"].title);
    const done = await sendLast(sent.token, { ...NPRS, ...ODI });
    expect(done).toMatchObject({ status: 303, location: `/p/${sent.token}` });
    const reports = await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId));
    expect(reports.map((r) => r.instrument).sort()).toEqual(["nprs", "odi"]);
    const [nprsInput, odiInput] = buildIntakeInputs(intakeRequests("2.1a"), { ...NPRS, ...ODI });
    const expected = { nprs: scoreInstrument(nprsInput!), odi: scoreInstrument(odiInput!) };
    for (const r of reports) {
      const scored = expected[r.instrument as "nprs" | "odi"];
      if (!scored.ok) throw new Error("fixture does not score");
      expect(r).toMatchObject({ status: "completed", score: scored.score, version: scored.version, rule: scored.rule, createdBy: null });
    }
    expect(expected.odi.ok && expected.odi.score).toBeCloseTo((21 / 45) * 100, 5);
    expect((await intakeOf(sent.intakeId)).completedAt).not.toBeNull();
    // Single use: opened again or sent twice, the thank-you page, nothing stored twice.
    expect((await open(sent.token)).text).toContain("Already sent");
    expect((await sendLast(sent.token, { ...NPRS, ...ODI })).text).toContain("Already sent");
    expect(await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId))).toHaveLength(2);
    const listed = await listPatientReports(getDb(), a.practitioner.scope, patient.id);
    expect(listed.every((r) => r.purpose === "intake" && r.linkId === sent.linkId)).toBe(true);
  });

  it("an emergency 'yes' raises one urgent alert at once, shows the patient the emergency message and asks nothing more", async () => {
    const { patient, sent } = await newIntake();
    await post(sent.token, { stage: "flags", ...ALL_NO, "rf.ces-saddle-numbness": "yes", "rf.night-pain": "yes" });
    const [alert, ...more] = await alertsOf(patient.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ kind: "red_flag", programmeId: null, detail: { flags: ["ces-saddle-numbness", "night-pain"], urgency: "emergency" }, acknowledgedAt: null });
    expect(describeAlert("red_flag", alert!.detail)).toMatch(/Saddle|saddle/);
    const page = await open(sent.token);
    expect(page.text).toContain(RED_FLAG_MESSAGES.emergency.title);
    expect(page.text).not.toContain("<fieldset");
    // The rest cannot be sent any more; the answers stay as given.
    expect((await sendLast(sent.token, { ...NPRS, ...ODI })).text).toContain(RED_FLAG_MESSAGES.emergency.title);
    expect(await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId))).toEqual([]);
    expect((await post(sent.token, { stage: "flags", ...ALL_NO })).text).toContain(RED_FLAG_MESSAGES.emergency.title);
    expect(await intakeOf(sent.intakeId)).toMatchObject({ redFlagUrgency: "emergency" });
    // Staff see it first among the open alerts; the audit names the alert, never the answers.
    const open_ = await listOpenAlerts(getDb(), a.admin.scope, "clinic");
    expect(open_[0]).toMatchObject({ id: alert!.id, kind: "red_flag" });
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.clinicId, a.clinic.id), eq(auditEvents.entityId, sent.linkId), eq(auditEvents.actorKind, "patient_link")));
    expect(JSON.stringify(events.map((e) => e.detail))).not.toMatch(/saddle|night-pain|yes/);
    expect(events.some((e) => (e.detail as { alertId?: string } | null)?.alertId === alert!.id)).toBe(true);
    expect((await listPatientIntakes(getDb(), a.practitioner.scope, patient.id))[0]).toMatchObject({ urgency: "emergency", positive: ["ces-saddle-numbness", "night-pain"] });
  });

  it("a same-day 'yes' raises the alert, shows the message above the questions and lets the patient go on", async () => {
    const { patient, sent } = await newIntake();
    await post(sent.token, { stage: "flags", ...ALL_NO, "rf.cancer-history": "yes" });
    expect((await alertsOf(patient.id)).map((r) => [r.kind, r.detail.urgency])).toEqual([["red_flag", "same-day"]]);
    const page = await open(sent.token);
    expect(page.text).toContain(RED_FLAG_MESSAGES["same-day"].title);
    expect(page.text).toContain('name="a.nprs.current"');
    expect((await sendLast(sent.token, { ...NPRS, ...ODI })).status).toBe(303);
    expect(await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId))).toHaveLength(2);
  });

  it("goes without the ODI when every section is skipped (no sheet), and refuses one with 3 skipped", async () => {
    const thin = await newIntake();
    await post(thin.sent.token, { stage: "flags", ...ALL_NO });
    const refused = await sendLast(thin.sent.token, { ...NPRS, ...ODI, "odi.lifting": "skip", "odi.walking": "skip" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Too many questions were skipped");
    expect((await intakeOf(thin.sent.intakeId)).completedAt).toBeNull();
    const none = await newIntake();
    await post(none.sent.token, { stage: "flags", ...ALL_NO });
    expect((await sendLast(none.sent.token, { ...NPRS, ...ODI_SKIPPED })).status).toBe(303);
    expect((await getDb().select().from(patientReports).where(eq(patientReports.linkId, none.sent.linkId))).map((r) => r.instrument)).toEqual(["nprs"]);
  });

  it("skipping to the questions before the red flags are answered goes back to them", async () => {
    const { sent } = await newIntake();
    expect(await sendLast(sent.token, { ...NPRS, ...ODI })).toMatchObject({ status: 303, location: `/p/${sent.token}` });
    expect(await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId))).toEqual([]);
  });

  it("taken into one new assessment: both drafts prefill the form, score the same, and are marked accepted", async () => {
    const { patient, sent } = await newIntake();
    await post(sent.token, { stage: "flags", ...ALL_NO });
    await sendLast(sent.token, { ...NPRS, ...ODI });
    const reports = await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId));
    const drafts = await Promise.all(reports.map((r) => getCompletedReport(getDb(), a.practitioner.scope, patient.id, r.id)));
    const form = new FormData();
    const fields: Record<string, string> = { patientId: patient.id, intent: "draft", region: "lumbar", assessedOn: "2026-03-05", ...Object.assign({}, ...drafts.map((d) => toInstrumentValues(d.content))) };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const d of drafts) form.append("patientReportId", d.id);
    const outcome = validateAssessmentForm(parseAssessmentForm(form));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value.patientReportIds).toHaveLength(2);
    const assessmentId = await getDb().transaction((tx) => createAssessment(tx, a.practitioner.scope, outcome.value, { timeZone: "Europe/London" }));
    const results = await getDb().select().from(instrumentResults).where(eq(instrumentResults.assessmentId, assessmentId));
    for (const d of drafts) expect(results.find((r) => r.instrument === d.content.instrument)?.score).toBe(d.content.score);
    const after = await getDb().select().from(patientReports).where(eq(patientReports.linkId, sent.linkId));
    expect(after.map((r) => [r.status, r.assessmentId])).toEqual([
      ["accepted", assessmentId],
      ["accepted", assessmentId],
    ]);
  });

  it("keeps clinic A's intakes and red-flag alerts from clinic B under row-level security", async () => {
    const { patient, sent } = await newIntake();
    await post(sent.token, { stage: "flags", ...ALL_NO, "rf.trauma": "yes" });
    const seen = await asRoutes(async () => {
      const { getDb: runtimeDb } = await import("@/db/runtime");
      const asB = await runtimeDb({ clinicId: b.clinic.id });
      const count = async (table: string) => (await queryRows<{ n: number }>(asB, sql`select count(*)::int as n from ${sql.identifier(table)} where patient_id = ${patient.id}`))[0]?.n;
      return { intakes: await count("patient_intake"), alerts: await count("patient_alert"), listed: (await listPatientIntakes(asB, b.practitioner.scope, patient.id)).length, alertsListed: (await listOpenAlerts(asB, b.admin.scope, "clinic")).filter((r) => r.patientId === patient.id).length };
    });
    expect(seen).toEqual({ intakes: 0, alerts: 0, listed: 0, alertsListed: 0 });
  });
});
