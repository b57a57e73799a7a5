import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, clinics, patientAlerts, patientLinks, programmes } from "@/db/schema";
import { recordPatientSession } from "@/lib/adherence/patient-reported";
import { runAlertChecksOnce } from "@/lib/alerts/job";
import { acknowledgeAlert, acknowledgeAlertSchema, applyAlertSwap, findAlertSwap } from "@/lib/alerts/mutations";
import { countOpenAlerts, listOpenAlerts } from "@/lib/alerts/queries";
import { raiseNotLoggingAlerts } from "@/lib/alerts/raise";
import { saveAlertThresholds } from "@/lib/alerts/thresholds";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { openLinkToken, type OpenLink } from "@/lib/patient-links/gate";
import { createProgrammeLink } from "@/lib/patient-links/mutations";
import { saveProgramme } from "@/lib/programmes/mutations";
import { getProgramme } from "@/lib/programmes/queries";
import { programmeFormSchema } from "@/lib/programmes/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { appRunner, describeEachDatabase } from "./harness";

const NOW = new Date("2026-03-04T12:00:00Z"); // a Wednesday; Europe/London is on GMT
const days = (n: number) => new Date(NOW.getTime() + n * 24 * 60 * 60 * 1000);
let ipCounter = 0;
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describeEachDatabase("alerts from what patients report", (getDb, getConnection, target) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Alerts A");
    b = await createClinic(getDb(), "Alerts B");
  });

  const withApp = appRunner(getDb, getConnection, target);

  type Clinic = typeof a;

  async function sharedProgramme(c: Clinic, items = [{ ref: "built-in:single-leg-bridge", sets: 3, reps: 8, timesPerDay: 1, daysPerWeek: 3 }, { ref: "built-in:cat-camel", sets: 1, reps: 10, timesPerDay: 1, daysPerWeek: 7 }]) {
    const db = getDb();
    const scope = c.practitioner.scope;
    const patient = await insertPatient(db, scope, { firstName: "Quinn", lastName: "Alertson", practitionerId: c.practitioner.user.id });
    const programmeId = await db.transaction((tx) =>
      saveProgramme(tx, scope, programmeFormSchema.parse({ patientId: patient.id, startDate: "2026-02-09", reviewDate: "", items })),
    );
    const { token } = await db.transaction((tx) => createProgrammeLink(tx, scope, programmeId, NOW));
    const outcome = await withApp((app) => openLinkToken(app.db, token, freshIp(), NOW));
    if (outcome.kind !== "open") throw new Error(`link did not open: ${outcome.kind}`);
    return { patient, programmeId, link: outcome.link, token };
  }

  async function logSession(link: OpenLink, over: { pain?: number | null; effort?: "too_hard" | "about_right" | "too_easy" | null; doneOn?: string } = {}, now = NOW) {
    return withApp(async (app) => {
      const db = await app.forClinic(link.clinicId);
      const programme = await getProgramme(db, { clinicId: link.clinicId }, link.programmeId!);
      const actor = { linkId: link.linkId, clinicId: link.clinicId, patientId: link.patientId, ip: "203.0.113.7", programmeId: link.programmeId! };
      const input = { clientId: crypto.randomUUID(), doneOn: over.doneOn ?? "2026-03-03", itemsDone: programme.items.map((i) => i.id), pain: over.pain ?? 3, effort: over.effort === undefined ? "about_right" : over.effort, note: null };
      return db.transaction((tx) => recordPatientSession(tx, actor, input, now));
    });
  }

  const alertsOf = (patientId: string) => getDb().select().from(patientAlerts).where(eq(patientAlerts.patientId, patientId)).orderBy(patientAlerts.raisedAt);

  it("raises a pain alert at 7, not at 6; a later 9 raises the open alert's figure instead of stacking; audited as the patient link", async () => {
    const { patient, link } = await sharedProgramme(a);
    await logSession(link, { pain: 6 });
    expect(await alertsOf(patient.id)).toHaveLength(0);
    await logSession(link, { pain: 7 });
    await logSession(link, { pain: 9 });
    await logSession(link, { pain: 8 });
    const alerts = await alertsOf(patient.id);
    expect(alerts.map((x) => [x.kind, x.detail.pain, x.acknowledgedAt])).toEqual([["pain_high", 9, null]]);
    const trail = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.actorKind, "patient_link"), sql`${auditEvents.detail}->>'entity' = 'patient_alert'`));
    expect(trail).toHaveLength(3);
    expect(trail.every((e) => e.actorId === null && e.detail?.alertId === alerts[0]!.id)).toBe(true);
    expect(trail.map((e) => e.detail?.raised)).toEqual([true, false, false]);
  });

  it("raises 'too hard' on the second in a row, not after one, and not when 'about right' came between", async () => {
    const first = await sharedProgramme(a);
    await logSession(first.link, { effort: "too_hard" });
    await logSession(first.link, { effort: "about_right" });
    await logSession(first.link, { effort: "too_hard" });
    expect(await alertsOf(first.patient.id)).toHaveLength(0);
    await logSession(first.link, { effort: null }); // no answer: passed over
    await logSession(first.link, { effort: "too_hard" });
    expect((await alertsOf(first.patient.id)).map((x) => [x.kind, x.detail.run])).toEqual([["too_hard", 2]]);
  });

  it("raises an alert when a shared programme has had no session for 7 days, once per quiet spell, audited as the system", async () => {
    const { patient, link } = await sharedProgramme(a);
    await logSession(link, { doneOn: "2026-03-04" });
    const check = (now: Date) => withApp(async (app) => raiseNotLoggingAlerts(await app.forClinic(a.clinic.id), { clinicId: a.clinic.id }, now));
    await check(days(6)); // 10 March: 6 days after the 4th
    expect((await alertsOf(patient.id)).filter((x) => x.kind === "not_logging")).toHaveLength(0);
    await check(days(7)); // 11 March: 7 days
    await check(days(8)); // again: still the one open alert
    const quiet = (await alertsOf(patient.id)).filter((x) => x.kind === "not_logging");
    expect(quiet.map((x) => x.detail)).toEqual([{ lastActivityOn: "2026-03-04", days: 7 }]);
    const [audit] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, quiet[0]!.id));
    expect(audit).toMatchObject({ actorKind: "system", actorId: null, action: "create", entity: "patient_alert", patientId: patient.id });

    // Acknowledged, it does not come back for the same quiet spell; a session and a new spell raise a new one.
    await getDb().transaction((tx) => acknowledgeAlert(tx, a.practitioner.scope, { alertId: quiet[0]!.id, note: "Called: away on holiday." }, days(8)));
    await check(days(10));
    expect((await alertsOf(patient.id)).filter((x) => x.kind === "not_logging" && x.acknowledgedAt === null)).toHaveLength(0);
    await logSession(link, { doneOn: "2026-03-13" }, days(9));
    await check(days(15)); // 19 March: 6 days after the 13th
    expect((await alertsOf(patient.id)).filter((x) => x.kind === "not_logging")).toHaveLength(1);
    await check(days(16)); // 20 March: 7 days
    expect((await alertsOf(patient.id)).filter((x) => x.kind === "not_logging").map((x) => x.detail.lastActivityOn)).toEqual(["2026-03-04", "2026-03-13"]);
  });

  it("counts from the day the link was made when nothing was ever logged, and leaves programmes without a live link alone", async () => {
    const c = await createClinic(getDb(), "Alerts C");
    const shared = await sharedProgramme(c);
    const unshared = await insertPatient(getDb(), c.practitioner.scope, { practitionerId: c.practitioner.user.id });
    await getDb().transaction((tx) =>
      saveProgramme(tx, c.practitioner.scope, programmeFormSchema.parse({ patientId: unshared.id, startDate: "2026-02-09", reviewDate: "", items: [{ ref: "built-in:dead-bug", sets: 3, reps: 8, timesPerDay: 1, daysPerWeek: 3 }] })),
    );
    // The whole pass, across clinics, as the server runs it.
    await withApp((app) => runAlertChecksOnce(app, days(7)));
    expect((await alertsOf(shared.patient.id)).map((x) => x.detail)).toEqual([{ lastActivityOn: "2026-03-04", days: 7 }]);
    expect(await alertsOf(unshared.id)).toHaveLength(0);
  });

  it("follows the clinic's thresholds", async () => {
    const c = await createClinic(getDb(), "Alerts strict");
    await getDb().transaction((tx) => saveAlertThresholds(tx, c.admin.scope, { painAtLeast: 9, tooHardRun: 1, notLoggingDays: 3 }));
    const [row] = await getDb().select().from(clinics).where(eq(clinics.id, c.clinic.id));
    expect([row?.alertPainAtLeast, row?.alertTooHardRun, row?.alertNotLoggingDays]).toEqual([9, 1, 3]);
    const { patient, link } = await sharedProgramme(c);
    await logSession(link, { pain: 8 });
    await logSession(link, { effort: "too_hard" });
    expect((await alertsOf(patient.id)).map((x) => x.kind)).toEqual(["too_hard"]);
    await expect(getDb().update(clinics).set({ alertPainAtLeast: 11 }).where(eq(clinics.id, c.clinic.id))).rejects.toThrow();
  });

  it("acknowledging needs a note, is audited, closes the alert once, and another clinic's alert is not found", async () => {
    const { patient, link } = await sharedProgramme(a);
    await logSession(link, { pain: 8 });
    const [alert] = await alertsOf(patient.id);
    expect(acknowledgeAlertSchema.safeParse({ alertId: alert!.id, note: "  " }).success).toBe(false);
    expect(acknowledgeAlertSchema.safeParse({ alertId: alert!.id, note: "bad\u0000" }).success).toBe(false);
    await expect(getDb().transaction((tx) => acknowledgeAlert(tx, b.practitioner.scope, { alertId: alert!.id, note: "Not mine" }))).rejects.toBeInstanceOf(NotFoundError);

    const before = await withApp(async (app) => countOpenAlerts(await app.forClinic(a.clinic.id), a.practitioner.scope, "mine"));
    await withApp(async (app) => (await app.forClinic(a.clinic.id)).transaction((tx) => acknowledgeAlert(tx, a.practitioner.scope, { alertId: alert!.id, note: "Phoned: flare after gardening, settling." })));
    const after = await withApp(async (app) => countOpenAlerts(await app.forClinic(a.clinic.id), a.practitioner.scope, "mine"));
    expect(after).toBe(before - 1);
    const [closed] = await alertsOf(patient.id);
    expect(closed).toMatchObject({ acknowledgedBy: a.practitioner.user.id, note: "Phoned: flare after gardening, settling." });
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, alert!.id), eq(auditEvents.actorKind, "staff")));
    expect(audit).toMatchObject({ action: "update", actorId: a.practitioner.user.id, patientId: patient.id });
    expect(JSON.stringify(audit?.detail)).not.toContain("gardening");
    await expect(getDb().transaction((tx) => acknowledgeAlert(tx, a.practitioner.scope, { alertId: alert!.id, note: "Again" }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("lists open alerts for the practitioner's caseload and the clinic; clinic B sees none of clinic A's", async () => {
    const { patient, link } = await sharedProgramme(a);
    await logSession(link, { pain: 10 });
    const { mine, clinic, other } = await withApp(async (app) => ({
      mine: await listOpenAlerts(await app.forClinic(a.clinic.id), a.practitioner.scope, "mine"),
      clinic: await listOpenAlerts(await app.forClinic(a.clinic.id), a.admin.scope, "clinic"),
      other: await listOpenAlerts(await app.forClinic(b.clinic.id), b.admin.scope, "clinic"),
    }));
    expect(mine.find((x) => x.patientId === patient.id)).toMatchObject({ kind: "pain_high", patientName: "Quinn Alertson" });
    expect(clinic.some((x) => x.patientId === patient.id)).toBe(true);
    expect(other.some((x) => x.patientId === patient.id)).toBe(false);
    const adminsOwn = await withApp(async (app) => listOpenAlerts(await app.forClinic(a.clinic.id), a.admin.scope, "mine"));
    expect(adminsOwn.some((x) => x.patientId === patient.id)).toBe(false);
  });

  it("offers the easier version as the swap and takes it: a new programme version, the link follows it, the alert closes", async () => {
    const { patient, programmeId, link, token } = await sharedProgramme(a);
    await logSession(link, { effort: "too_hard" });
    await logSession(link, { effort: "too_hard" });
    const [alert] = (await alertsOf(patient.id)).filter((x) => x.kind === "too_hard");
    const offer = await findAlertSwap(getDb(), a.practitioner.scope, await getProgramme(getDb(), a.practitioner.scope, programmeId));
    expect(offer).toMatchObject({ kind: "easier-exercise", fromRef: "built-in:single-leg-bridge", toRef: "built-in:glute-bridge" });
    // A stale offer (another exercise) is refused and nothing changes.
    await expect(getDb().transaction((tx) => applyAlertSwap(tx, a.practitioner.scope, { alertId: alert!.id, itemId: offer!.itemId, toRef: "built-in:dead-bug" }))).rejects.toBeInstanceOf(ConflictError);

    const { programmeId: newId } = await getDb().transaction((tx) => applyAlertSwap(tx, a.practitioner.scope, { alertId: alert!.id, itemId: offer!.itemId, toRef: offer!.toRef }, NOW));
    const swapped = await getProgramme(getDb(), a.practitioner.scope, newId);
    expect(swapped.items.map((i) => [i.builtInSlug, i.sets, i.reps])).toEqual([["glute-bridge", 3, 10], ["cat-camel", 1, 10]]);
    const [old] = await getDb().select({ status: programmes.status }).from(programmes).where(eq(programmes.id, programmeId));
    expect(old?.status).toBe("superseded");
    const [closed] = (await alertsOf(patient.id)).filter((x) => x.id === alert!.id);
    expect(closed).toMatchObject({ swappedIntoId: newId, acknowledgedBy: a.practitioner.user.id });
    expect(closed?.note).toMatch(/glute bridge/i);

    // The patient's same link now shows the new version and takes sessions on it.
    const [moved] = await getDb().select().from(patientLinks).where(eq(patientLinks.id, link.linkId));
    expect(moved?.programmeId).toBe(newId);
    const reopened = await withApp((app) => openLinkToken(app.db, token, freshIp(), NOW));
    expect(reopened).toMatchObject({ kind: "open", link: { programmeId: newId } });
    if (reopened.kind === "open") await expect(logSession(reopened.link, { effort: "about_right" })).resolves.toEqual({ duplicate: false });
  });

  it("lowers the dose when the catalogue names no easier version", async () => {
    const { patient, programmeId, link } = await sharedProgramme(a, [{ ref: "built-in:dead-bug", sets: 3, reps: 8, timesPerDay: 1, daysPerWeek: 3 }]);
    await logSession(link, { pain: 7 });
    const [alert] = await alertsOf(patient.id);
    const offer = await findAlertSwap(getDb(), a.practitioner.scope, await getProgramme(getDb(), a.practitioner.scope, programmeId));
    expect(offer).toMatchObject({ kind: "lower-dose", toRef: "built-in:dead-bug", toDose: { sets: 2, reps: 8 } });
    const { programmeId: newId } = await getDb().transaction((tx) => applyAlertSwap(tx, a.practitioner.scope, { alertId: alert!.id, itemId: offer!.itemId, toRef: offer!.toRef }));
    const swapped = await getProgramme(getDb(), a.practitioner.scope, newId);
    expect(swapped.items.map((i) => [i.builtInSlug, i.sets, i.reps, i.timesPerDay, i.daysPerWeek])).toEqual([["dead-bug", 2, 8, 1, 3]]);
  });
});
