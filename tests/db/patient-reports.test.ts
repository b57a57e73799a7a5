import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { auditEvents, instrumentResults, patientLinks, patientReports } from "@/db/schema";
import { GET } from "@/app/p/[token]/route";
import { POST } from "@/app/p/[token]/answers/route";
import { toInstrumentValues } from "@/lib/assessments/content";
import { createAssessment } from "@/lib/assessments/mutations";
import { scoreInstrument } from "@/lib/clinical/instruments";
import { NotFoundError, RuleError } from "@/lib/errors";
import { revokeLink } from "@/lib/patient-links/mutations";
import { buildInstrumentInput, listQuestions, type Answers } from "@/lib/patient-links/questionnaire-steps";
import { hashLinkToken } from "@/lib/patient-links/token";
import { dismissPatientReport, sendQuestionnaire } from "@/lib/patient-reports/mutations";
import { getCompletedReport, listPatientReports } from "@/lib/patient-reports/queries";
import { addSchedule, endSchedule, listSchedules } from "@/lib/patient-reports/schedules";
import { saveProgramme } from "@/lib/programmes/mutations";
import { programmeFormSchema } from "@/lib/programmes/schemas";
import { submissionFrom, lumbarFields } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

let ipCounter = 0;
const freshIp = () => `203.0.${113 + Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const ODI_ANSWERS: Answers = { painIntensity: "3", personalCare: "2", lifting: "4", walking: "2", sitting: "skip", standing: "3", sleeping: "2", sexLife: "1", socialLife: "2", travelling: "2" };
const BASELINE_PSFS = { "psfs.version": "1", "psfs.activities.0.name": "Lifting my toddler", "psfs.activities.0.score": "3", "psfs.activities.1.name": "Sitting through a film", "psfs.activities.1.score": "5" };

describeEachDatabase("patient-reported measures by link", (getDb, getConnection, target) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Reports A");
    b = await createClinic(getDb(), "Reports B");
  });

  /** The routes reach the database through db/runtime: point it at the runtime role (under RLS) meanwhile. */
  async function asRoutes<T>(fn: () => Promise<T>): Promise<T> {
    const app = await getConnection().openAsApp(2);
    const holder = globalThis as { __plumblineDb?: Promise<Connection> };
    const before = holder.__plumblineDb;
    holder.__plumblineDb = Promise.resolve(app);
    try {
      return await fn();
    } finally {
      holder.__plumblineDb = before;
      await app.close();
      if (target === "pglite") await getDb().execute(sql`set session authorization postgres`);
    }
  }

  const headers = () => ({ "x-forwarded-for": freshIp() });
  const open = (token: string) => asRoutes(() => GET(new Request(`http://127.0.0.1/p/${token}`, { headers: headers() }), { params: Promise.resolve({ token }) }));

  /** One screen posted as the phone's plain form would: the answers so far in hidden fields, the step, the button. */
  function post(token: string, fields: Record<string, string>) {
    const body = new URLSearchParams(fields);
    return asRoutes(async () => {
      const res = await POST(new Request(`http://127.0.0.1/p/${token}/answers`, { method: "POST", body, headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ token }) });
      return { status: res.status, location: res.headers.get("location"), text: await res.text() };
    });
  }

  const answerFields = (answers: Answers) => Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a.${k}`, v]));
  const sendLast = (token: string, answers: Answers, count: number) => post(token, { ...answerFields(answers), step: String(count - 1), nav: "next" });

  async function patientWithBaseline(scope = a.practitioner.scope, psfs = true) {
    const patient = await insertPatient(getDb(), scope, { firstName: "Robin", lastName: "Secret-Surname", dateOfBirth: "1979-04-02" });
    // Pain, a full ODI and (unless asked not to) a PSFS; no findings, so no pattern waits for a decision.
    const fields = Object.fromEntries(Object.entries(lumbarFields(patient.id, { intent: "sign", ...(psfs ? BASELINE_PSFS : {}) })).filter(([k]) => !k.startsWith("m.")));
    await getDb().transaction((tx) => createAssessment(tx, scope, submissionFrom(fields), { timeZone: "Europe/London" }));
    return patient;
  }

  const send = (patientId: string, instrument: "nprs" | "odi" | "ndi" | "rmdq" | "psfs", scope = a.practitioner.scope, now = new Date()) =>
    getDb().transaction((tx) => sendQuestionnaire(tx, scope, { patientId, instrument }, now));

  const reportOf = async (reportId: string) => (await getDb().select().from(patientReports).where(eq(patientReports.id, reportId)))[0]!;

  it("makes a single-use questionnaire link: only the token's hash kept, 7 days, in the patient's clinic, audited", async () => {
    const patient = await patientWithBaseline();
    const now = new Date("2026-03-04T12:00:00Z");
    const sent = await send(patient.id, "odi", a.practitioner.scope, now);
    const [link] = await getDb().select().from(patientLinks).where(eq(patientLinks.id, sent.linkId));
    expect(link).toMatchObject({ clinicId: a.clinic.id, patientId: patient.id, purpose: "questionnaire", tokenHash: hashLinkToken(sent.token), revokedAt: null });
    expect(link?.expiresAt.toISOString()).toBe("2026-03-11T12:00:00.000Z");
    expect(JSON.stringify(link)).not.toContain(sent.token);
    // The version scored at baseline, so the answers compare with it.
    expect(await reportOf(sent.reportId)).toMatchObject({ status: "sent", instrument: "odi", version: "2.1a", score: null, linkId: link?.id });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, sent.linkId));
    expect(events.map((e) => [e.action, e.actorId, e.patientId])).toEqual([["create", a.practitioner.user.id, patient.id]]);
  });

  it("answers another clinic's patient with not found, and writes nothing", async () => {
    const inB = await insertPatient(getDb(), b.practitioner.scope);
    await expect(send(inB.id, "odi")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().select().from(patientReports).where(eq(patientReports.patientId, inB.id))).toEqual([]);
  });

  it("fixes the baseline PSFS activities into the link, and refuses a PSFS when there is no baseline PSFS", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "psfs");
    expect((await reportOf(sent.reportId)).activities).toEqual([
      { id: "activity-lifting-my-toddler", name: "Lifting my toddler" },
      { id: "activity-sitting-through-a-film", name: "Sitting through a film" },
    ]);
    const without = await patientWithBaseline(a.practitioner.scope, false);
    await expect(send(without.id, "psfs")).rejects.toBeInstanceOf(RuleError);
  });

  it("shows the clinic's name and the patient's first name only, with the first question", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    const res = await open(sent.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await res.text();
    expect(page).toContain(a.clinic.name);
    expect(page).toContain("Hello Robin");
    expect(page).toContain("question 1 of 10");
    expect(page).not.toContain("Secret-Surname");
    expect(page).not.toContain("1979");
  });

  it("steps one question per screen: Next without an answer stays put with a message, Back goes back", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "ndi");
    const blank = await post(sent.token, { step: "0", nav: "next" });
    expect([blank.status, blank.text.includes("question 1 of 10"), blank.text.includes("Choose one answer")]).toEqual([422, true, true]);
    const next = await post(sent.token, { "a.painIntensity": "2", step: "0", nav: "next" });
    expect(next.text).toContain("question 2 of 10");
    expect(next.text).toContain('name="a.painIntensity" value="2"');
    const back = await post(sent.token, { "a.painIntensity": "2", step: "1", nav: "back" });
    expect(back.text).toContain("question 1 of 10");
  });

  const cases: { instrument: "nprs" | "odi" | "ndi" | "rmdq" | "psfs"; answers: (activityIds: string[]) => Answers }[] = [
    { instrument: "odi", answers: () => ODI_ANSWERS },
    { instrument: "ndi", answers: () => ({ painIntensity: "2", personalCare: "1", lifting: "3", reading: "skip", headaches: "2", concentration: "1", work: "2", driving: "3", sleeping: "1", recreation: "2" }) },
    { instrument: "nprs", answers: () => ({ current: "6", best: "skip", worst24h: "8" }) },
    { instrument: "rmdq", answers: () => Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`item-${i + 1}`, i % 3 === 0 ? "yes" : "no"])) },
    { instrument: "psfs", answers: (ids) => Object.fromEntries(ids.map((id, i) => [id, String(4 + i * 3)])) },
  ];

  for (const c of cases) {
    it(`stores a submitted ${c.instrument.toUpperCase()} scored exactly as scoreInstrument scores the same answers`, async () => {
      const patient = await patientWithBaseline();
      const sent = await send(patient.id, c.instrument);
      const row = await reportOf(sent.reportId);
      const request = { instrument: row.instrument, version: row.version, activities: row.activities };
      const answers = c.answers((row.activities ?? []).map((x) => x.id));
      const res = await sendLast(sent.token, answers, listQuestions(request).length);
      expect([res.status, res.location]).toEqual([303, `/p/${sent.token}`]);
      const expected = scoreInstrument(buildInstrumentInput(request, answers));
      if (!expected.ok) throw new Error(expected.reason);
      const stored = await reportOf(sent.reportId);
      expect(stored).toMatchObject({ status: "completed", score: expected.score, scoreUnit: expected.unit, rule: expected.rule, band: expected.band?.label ?? null, items: expected.items });
      expect(stored.completedAt).toBeInstanceOf(Date);
    });
  }

  it("scores an ODI with one section unanswered over the 9 answered (21/45), as the clinic form does", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    await sendLast(sent.token, ODI_ANSWERS, 10);
    expect((await reportOf(sent.reportId)).score).toBeCloseTo((21 / 45) * 100, 12);
  });

  it("is single-use: a second submission and a later open answer the plain 'already sent' page, the first answers stay", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    await sendLast(sent.token, ODI_ANSWERS, 10);
    const first = await reportOf(sent.reportId);
    const again = await sendLast(sent.token, { ...ODI_ANSWERS, painIntensity: "5" }, 10);
    expect([again.status, again.text.includes("Already sent, thank you")]).toEqual([200, true]);
    const reopened = await open(sent.token);
    expect([reopened.status, (await reopened.text()).includes("Already sent, thank you")]).toEqual([200, true]);
    expect((await reportOf(sent.reportId)).score).toBe(first.score);
    const creates = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, sent.linkId), eq(auditEvents.actorKind, "patient_link"), eq(auditEvents.action, "create")));
    expect(creates).toHaveLength(1);
    expect(JSON.stringify(creates[0]?.detail)).toBe(JSON.stringify({ purpose: "questionnaire", reportId: sent.reportId }));
  });

  it("refuses an ODI with 3 sections skipped: back to a skipped one, nothing stored", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    const res = await sendLast(sent.token, { ...ODI_ANSWERS, lifting: "skip", walking: "skip" }, 10);
    expect([res.status, res.text.includes("Too many questions were skipped"), res.text.includes("question 3 of 10")]).toEqual([422, true, true]);
    expect((await reportOf(sent.reportId)).status).toBe("sent");
  });

  it("answers a revoked questionnaire link 404 and an expired one 410, through the same gate", async () => {
    const patient = await patientWithBaseline();
    const revoked = await send(patient.id, "nprs");
    await getDb().transaction((tx) => revokeLink(tx, a.practitioner.scope, revoked.linkId));
    const expired = await send(patient.id, "nprs", a.practitioner.scope, new Date(Date.now() - 8 * 86_400_000));
    expect((await open(revoked.token)).status).toBe(404);
    expect((await open(expired.token)).status).toBe(410);
    expect((await sendLast(expired.token, { current: "3", best: "skip", worst24h: "skip" }, 3)).status).toBe(410);
    expect((await reportOf(expired.reportId)).status).toBe("sent");
  });

  it("keeps clinic A's patient-reported drafts from clinic B under row-level security", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    await sendLast(sent.token, ODI_ANSWERS, 10);
    const seen = await asRoutes(async () => {
      const { getDb: runtimeDb } = await import("@/db/runtime");
      const asB = await runtimeDb({ clinicId: b.clinic.id });
      const asA = await runtimeDb({ clinicId: a.clinic.id });
      const countIn = async (db: typeof asB) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from patient_report where id = ${sent.reportId}`))[0]?.n;
      const changed = await queryRows<{ id: string }>(asB, sql`update patient_report set status = 'dismissed' where id = ${sent.reportId} returning id`);
      return { b: await countIn(asB), a: await countIn(asA), changed: changed.length, listed: (await listPatientReports(asB, b.practitioner.scope, patient.id)).length };
    });
    expect(seen).toEqual({ b: 0, a: 1, changed: 0, listed: 0 });
    await expect(getCompletedReport(getDb(), b.practitioner.scope, patient.id, sent.reportId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepted into a new assessment: the form prefilled from the draft scores the same, and the draft is marked accepted", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "odi");
    await sendLast(sent.token, ODI_ANSWERS, 10);
    const draft = await getCompletedReport(getDb(), a.practitioner.scope, patient.id, sent.reportId);
    // What the new assessment page puts in the form, posted back as the practitioner saves it.
    const fields = { patientId: patient.id, intent: "draft", region: "lumbar", assessedOn: "2026-03-05", ...toInstrumentValues(draft.content), patientReportId: draft.id };
    const assessmentId = await getDb().transaction((tx) => createAssessment(tx, a.practitioner.scope, submissionFrom(fields), { timeZone: "Europe/London" }));
    const [result] = await getDb().select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, assessmentId), eq(instrumentResults.instrument, "odi")));
    expect(result?.score).toBe(draft.content.score);
    expect(await reportOf(sent.reportId)).toMatchObject({ status: "accepted", assessmentId, decidedBy: a.practitioner.user.id });
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "patient_report"), eq(auditEvents.entityId, sent.reportId)));
    expect(events.map((e) => [e.action, (e.detail as { status?: string }).status])).toEqual([["update", "accepted"]]);
  });

  it("dismisses a draft (audited), and not another clinic's", async () => {
    const patient = await patientWithBaseline();
    const sent = await send(patient.id, "nprs");
    await sendLast(sent.token, { current: "4", best: "2", worst24h: "skip" }, 3);
    await expect(getDb().transaction((tx) => dismissPatientReport(tx, b.practitioner.scope, { reportId: sent.reportId, patientId: patient.id }))).rejects.toBeInstanceOf(NotFoundError);
    await getDb().transaction((tx) => dismissPatientReport(tx, a.practitioner.scope, { reportId: sent.reportId, patientId: patient.id }));
    expect((await reportOf(sent.reportId)).status).toBe("dismissed");
    const [event] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "patient_report"), eq(auditEvents.entityId, sent.reportId)));
    expect([event?.action, event?.actorId]).toEqual(["update", a.practitioner.user.id]);
  });

  async function programmeFor(patientId: string, reviewDate: string) {
    const input = programmeFormSchema.parse({ patientId, startDate: "2026-02-09", reviewDate, items: [{ ref: "built-in:glute-bridge", sets: 3, reps: 10, timesPerDay: 1, daysPerWeek: 3 }] });
    return getDb().transaction((tx) => saveProgramme(tx, a.practitioner.scope, input));
  }
  const schedule = (patientId: string, rule: "before_review" | "every_weeks", everyWeeks: number | null = null, instrument: "odi" | "nprs" = "odi") =>
    getDb().transaction((tx) => addSchedule(tx, a.practitioner.scope, { patientId, instrument, rule, everyWeeks }));
  const dueAt = async (patientId: string, at: string) => (await listSchedules(getDb(), a.practitioner.scope, patientId, "Europe/London", new Date(at))).schedules.map((x) => [x.instrument, x.rule, x.dueOn, x.due]);

  it("refuses a schedule without an active programme, and 'before each reassessment' without a review date", async () => {
    const patient = await patientWithBaseline();
    await expect(schedule(patient.id, "every_weeks", 4)).rejects.toBeInstanceOf(RuleError);
    await programmeFor(patient.id, "");
    await expect(schedule(patient.id, "before_review")).rejects.toThrow(/no review date/);
  });

  it("shows a schedule due a week before the review, and no longer once that questionnaire is sent", async () => {
    const patient = await patientWithBaseline();
    await programmeFor(patient.id, "2026-03-20");
    await schedule(patient.id, "before_review");
    expect(await dueAt(patient.id, "2026-03-10T12:00:00Z")).toEqual([["odi", "before_review", "2026-03-13", false]]);
    expect(await dueAt(patient.id, "2026-03-14T12:00:00Z")).toEqual([["odi", "before_review", "2026-03-13", true]]);
    await send(patient.id, "odi", a.practitioner.scope, new Date("2026-03-14T12:00:00Z"));
    expect(await dueAt(patient.id, "2026-03-14T13:00:00Z")).toEqual([["odi", "before_review", null, false]]);
  });

  it("shows 'every N weeks' due from the programme's start, then N weeks after the last one sent; a stopped schedule goes", async () => {
    const patient = await patientWithBaseline();
    await programmeFor(patient.id, "2026-06-01");
    const id = await schedule(patient.id, "every_weeks", 2, "nprs");
    expect(await dueAt(patient.id, "2026-03-01T12:00:00Z")).toEqual([["nprs", "every_weeks", "2026-02-23", true]]);
    await send(patient.id, "nprs", a.practitioner.scope, new Date("2026-03-01T12:00:00Z"));
    expect(await dueAt(patient.id, "2026-03-02T12:00:00Z")).toEqual([["nprs", "every_weeks", "2026-03-15", false]]);
    await expect(getDb().transaction((tx) => endSchedule(tx, b.practitioner.scope, id))).rejects.toBeInstanceOf(NotFoundError);
    await getDb().transaction((tx) => endSchedule(tx, a.practitioner.scope, id));
    expect(await dueAt(patient.id, "2026-03-20T12:00:00Z")).toEqual([]);
  });
});
