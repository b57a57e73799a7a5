import { beforeAll, expect, it } from "vitest";
import { DUE_REASONS } from "@/lib/clinical/caseload-rules";
import { loadDashboard, type DashboardData } from "@/lib/dashboard/load";
import { resolveDashboardView } from "@/lib/dashboard/view";
import { patients } from "@/db/schema";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { addAdherence, addCourse, addPractitioner, addProgramme, addScores, addSession, daysBefore, isoDate, addAssessment } from "./dashboard-rows";

// A Wednesday; London is on GMT then, so the clinic's week is Mon 9 to Sun 15 March.
const NOW = new Date("2026-03-11T12:00:00Z");
const LAST_MONDAY = "2026-03-02";
const THIS_MONDAY = "2026-03-09";

describeEachDatabase("caseload dashboard", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let colleague: Awaited<ReturnType<typeof addPractitioner>>;
  const ids: Record<string, string> = {};
  let mine: DashboardData;
  let clinic: DashboardData;
  let colleagueView: DashboardData;

  beforeAll(async () => {
    const db = getDb();
    a = await createClinic(db, "Clinic A");
    b = await createClinic(db, "Clinic B");
    colleague = await addPractitioner(db, a.clinic.id, "Colleague");
    const me = a.practitioner.user.id;

    async function patient(key: string, owner: { clinicId: string; practitionerId: string }, extra: Partial<typeof patients.$inferInsert> = {}) {
      const p = await insertPatient(db, { clinicId: owner.clinicId, userId: owner.practitionerId, role: "practitioner", email: "x" }, { firstName: key, lastName: "Rows", practitionerId: owner.practitionerId, ...extra });
      ids[key] = p.id;
      return { clinicId: owner.clinicId, patientId: p.id, practitionerId: owner.practitionerId };
    }
    const A = { clinicId: a.clinic.id, practitionerId: me };
    const future = isoDate(daysBefore(NOW, -20));

    // Flat for ten weeks: not improving, nothing due.
    const flat = await patient("Flat", A);
    await addScores(db, flat, daysBefore(NOW, 70), { nprs: 7, odi: 40 });
    await addScores(db, flat, daysBefore(NOW, 7), { nprs: 7, odi: 36 });
    await addProgramme(db, flat, { startDate: isoDate(daysBefore(NOW, 70)), reviewDate: future });

    // Pain down 4 points: improving.
    const better = await patient("Better", A);
    await addScores(db, better, daysBefore(NOW, 70), { nprs: 7 });
    await addScores(db, better, daysBefore(NOW, 7), { nprs: 3 });
    await addProgramme(db, better, { startDate: isoDate(daysBefore(NOW, 70)), reviewDate: future });

    // Two weeks and two sessions in: too early to judge.
    const early = await patient("Early", A);
    await addScores(db, early, daysBefore(NOW, 14), { nprs: 7 });
    await addCourse(db, early, { planned: 10, completed: 2, lastDaysAgo: 1, now: NOW });

    // Six sessions in two weeks, no change, no reassessment since the 5th: not improving and 50 % due.
    const sessions = await patient("Sessions", A);
    await addScores(db, sessions, daysBefore(NOW, 14), { nprs: 6 });
    await addCourse(db, sessions, { planned: 10, completed: 6, lastDaysAgo: 1, now: NOW });

    // Programme review date was yesterday; improving on the main questionnaire.
    const review = await patient("Review", A);
    await addScores(db, review, daysBefore(NOW, 21), { nprs: 5, odi: 50 });
    await addScores(db, review, daysBefore(NOW, 3), { nprs: 5, odi: 30 });
    await addProgramme(db, review, { startDate: isoDate(daysBefore(NOW, 21)), reviewDate: isoDate(daysBefore(NOW, 1)) });

    // Last assessed eight weeks ago while on a programme: overdue.
    const overdue = await patient("Overdue", A);
    await addScores(db, overdue, daysBefore(NOW, 56), { nprs: 6 });
    await addProgramme(db, overdue, { startDate: isoDate(daysBefore(NOW, 56)), reviewDate: future });

    // Adherence last week: 1 of 7 (low) and 6 of 7 (fine); an archived patient's low week is ignored.
    const low = await patient("Low", A);
    const lowProgramme = await addProgramme(db, low, { startDate: isoDate(daysBefore(NOW, 30)), reviewDate: future });
    await addScores(db, low, daysBefore(NOW, 30), { nprs: 6 });
    await addAdherence(db, low, lowProgramme, LAST_MONDAY, 1, 7);
    await addAdherence(db, low, lowProgramme, THIS_MONDAY, 7, 7);
    const good = await patient("Good", A);
    const goodProgramme = await addProgramme(db, good, { startDate: isoDate(daysBefore(NOW, 30)), reviewDate: future });
    await addAdherence(db, good, goodProgramme, LAST_MONDAY, 6, 7);
    const gone = await patient("Gone", A, { archivedAt: daysBefore(NOW, 2) });
    const goneProgramme = await addProgramme(db, gone, { startDate: isoDate(daysBefore(NOW, 30)), reviewDate: future });
    await addAdherence(db, gone, goneProgramme, LAST_MONDAY, 0, 7);
    await addScores(db, gone, daysBefore(NOW, 70), { nprs: 8 });

    // A colleague's flat patient: only in the clinic view.
    const theirs = await patient("Theirs", { clinicId: a.clinic.id, practitionerId: colleague.user.id });
    await addScores(db, theirs, daysBefore(NOW, 70), { nprs: 8 });
    await addScores(db, theirs, daysBefore(NOW, 5), { nprs: 8 });
    await addProgramme(db, theirs, { startDate: isoDate(daysBefore(NOW, 70)), reviewDate: future });

    // Clinic B: the same story everywhere, never visible from A.
    const B = { clinicId: b.clinic.id, practitionerId: b.practitioner.user.id };
    const other = await patient("Other", B);
    await addScores(db, other, daysBefore(NOW, 70), { nprs: 8 });
    const otherProgramme = await addProgramme(db, other, { startDate: isoDate(daysBefore(NOW, 70)), reviewDate: isoDate(daysBefore(NOW, 1)) });
    await addAdherence(db, other, otherProgramme, LAST_MONDAY, 0, 7);
    const otherCourse = await addCourse(db, other, { planned: 10, completed: 0, lastDaysAgo: 0, now: NOW });
    await addSession(db, other, otherCourse, new Date("2026-03-11T15:00:00Z"));
    await addAssessment(db, other, daysBefore(NOW, 9), "draft");

    // Sessions: today and Friday (mine), last week (not listed), today for the colleague.
    // Cervical: the patient's lumbar course above is active, and one active course per region is the rule.
    const course = await addCourse(db, early, { planned: 10, completed: 0, lastDaysAgo: 0, now: NOW, region: "cervical" });
    await addSession(db, early, course, new Date("2026-03-11T09:30:00Z"));
    await addSession(db, early, course, new Date("2026-03-13T09:30:00Z"));
    await addSession(db, early, course, new Date("2026-03-06T09:30:00Z"));
    await addSession(db, { ...theirs }, course, new Date("2026-03-11T10:30:00Z"));

    // Drafts: mine ten days old (flagged) and two days old; a colleague's.
    await addAssessment(db, flat, daysBefore(NOW, 10), "draft");
    await addAssessment(db, better, daysBefore(NOW, 2), "draft");
    await addAssessment(db, theirs, daysBefore(NOW, 12), "draft");

    mine = await loadDashboard(db, a.practitioner.scope, { view: "mine", period: "1y", now: NOW });
    clinic = await loadDashboard(db, a.admin.scope, { view: "clinic", period: "1y", now: NOW });
    colleagueView = await loadDashboard(db, colleague.scope, { view: "mine", period: "1y", now: NOW });
  });

  const names = (rows: { patientId: string }[]) =>
    rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.patientId) ?? "(unknown)").sort();

  it("lists patients not improving after 4 weeks or 6 sessions, and only those", () => {
    expect(names(mine.notImproving.rows)).toEqual(["Flat", "Low", "Overdue", "Sessions"]);
    const flat = mine.notImproving.rows.find((r) => r.patientId === ids.Flat);
    expect(flat?.outcome.pain?.current).toMatchObject({ baseline: { score: 7 }, latest: { score: 7 }, change: { kind: "no-meaningful-change" } });
    expect(flat?.outcome.main).toMatchObject({ instrument: "odi", current: { baseline: { score: 40 }, latest: { score: 36 } } });
    expect(flat?.weeksInCare).toBeGreaterThanOrEqual(9);
  });

  it("lists reassessments and reviews due with their reasons", () => {
    const due = Object.fromEntries(mine.due.rows.map((r) => [names([r])[0], r.reasons]));
    expect(due).toEqual({
      Sessions: [DUE_REASONS.reassessment50],
      Review: [DUE_REASONS.programmeReview],
      Overdue: [DUE_REASONS.assessmentOverdue],
    });
  });

  it("lists adherence under 50 % last week, for active patients only", () => {
    expect(mine.lowAdherence.rows.map((r) => [names([r])[0], r.done, r.prescribed, Math.round(r.percent)])).toEqual([["Low", 1, 7, 14]]);
  });

  it("lists today's and this week's sessions in the clinic's time zone, the practitioner's own", () => {
    expect(mine.sessions.today.rows.map((r) => new Date(r.t).toISOString())).toEqual(["2026-03-11T09:30:00.000Z"]);
    const scheduled = mine.sessions.week.rows.filter((r) => r.status === "scheduled");
    expect(scheduled.map((r) => new Date(r.t).toISOString())).toEqual(["2026-03-11T09:30:00.000Z", "2026-03-13T09:30:00.000Z"]);
    // Completed sessions since Monday are part of the week too; last Friday's are not.
    expect(mine.sessions.week.rows.every((r) => r.t >= Date.parse("2026-03-09T00:00:00Z") && r.t < Date.parse("2026-03-16T00:00:00Z"))).toBe(true);
    expect(mine.sessions.week.total).toBe(mine.sessions.week.rows.length);
    expect(colleagueView.sessions.today.rows.map((r) => r.first_name)).toEqual(["Theirs"]);
  });

  it("lists the user's own unsigned drafts, flagging those over 7 days old", () => {
    expect(mine.drafts.rows.map((d) => [names([d])[0], d.stale])).toEqual([
      ["Flat", true],
      ["Better", false],
    ]);
    expect(clinic.drafts).toEqual({ rows: [], total: 0 });
  });

  it("widens to the whole clinic for an admin, never to another clinic", () => {
    expect(names(clinic.notImproving.rows)).toEqual(["Flat", "Low", "Overdue", "Sessions", "Theirs"]);
    expect(clinic.sessions.today.rows.map((r) => r.first_name).sort()).toEqual(["Early", "Theirs"]);
    const everything = [clinic.notImproving.rows, clinic.due.rows, clinic.lowAdherence.rows, clinic.drafts.rows, clinic.sessions.week.rows.map((r) => ({ patientId: r.patient_id }))].flat();
    expect(everything.map((r) => r.patientId)).not.toContain(ids.Other);
    expect(names(colleagueView.notImproving.rows)).toEqual(["Theirs"]);
  });

  it("keeps a practitioner on their own caseload even when they ask for the clinic", () => {
    expect(resolveDashboardView(a.practitioner.scope, "clinic")).toBe("mine");
    expect(resolveDashboardView(a.admin.scope, "clinic")).toBe("clinic");
    expect(resolveDashboardView(a.admin.scope, ["bogus"])).toBe("mine");
  });
});
