import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { assessmentRevisions, assessments, auditEvents, instrumentResults, measurements, patternTags } from "@/db/schema";
import type { AssessmentContent } from "@/lib/assessments/content";
import {
  amendAssessment,
  createAssessment,
  DRAFT_CHANGED_MESSAGE,
  saveDraft,
  SIGNED_LOCKED_MESSAGE,
  UndecidedPatternsError,
} from "@/lib/assessments/mutations";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { getAssessmentDetail, getAssessmentRow, listPatientAssessments } from "@/lib/assessments/queries";
import { fetchPatientHistory } from "@/lib/outcomes/queries";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { assessmentFormData, lumbarFields, submissionFrom } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const ctx = { timeZone: "Europe/London", now: new Date("2026-02-01T10:00:00Z") };

describeEachDatabase("assessments: drafts, signing and amendments", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
    patientId = (await insertPatient(getDb(), a.practitioner.scope, { sex: "female" })).id;
  });

  const rowsOf = async (assessmentId: string) => {
    const db = getDb();
    const where = (t: typeof instrumentResults | typeof measurements | typeof patternTags) => eq(t.assessmentId, assessmentId);
    return {
      results: await db.select().from(instrumentResults).where(where(instrumentResults)),
      measures: await db.select().from(measurements).where(where(measurements)),
      tags: await db.select().from(patternTags).where(where(patternTags)),
    };
  };

  it("saves a new draft with scored instruments, one row per measurement, and an audit event", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId)), ctx));
    const row = await getAssessmentRow(db, scope, id, patientId);
    expect(row).toMatchObject({ status: "draft", revision: 0, version: 1, region: "lumbar", practitionerId: scope.userId });
    const { results, measures, tags } = await rowsOf(id);
    const odi = results.find((r) => r.instrument === "odi");
    expect(odi).toMatchObject({ score: 48, scoreUnit: "percent", version: "2.1a", band: "Severe disability", direction: "higher-is-worse" });
    expect(odi?.items).toHaveLength(10);
    expect(results.find((r) => r.instrument === "nprs")?.score).toBe(7);
    expect(measures.map((m) => `${m.code}:${m.side}:${m.value}`).sort()).toEqual([
      "biering-sorensen:na:95",
      "mmt-gluteus-medius:left:3.75",
      "mmt-gluteus-medius:right:4",
      "thomas-hip-angle:left:10",
      "thomas-hip-angle:right:4",
    ]);
    expect(measures.every((m) => m.examinerId === scope.userId && m.unit.length > 0)).toBe(true);
    expect(tags).toHaveLength(0);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create"]);
  });

  it("re-saves a draft by version, replacing its rows, and tells a stale save that the draft changed", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId)), ctx));
    await db.transaction((tx) => saveDraft(tx, scope, submissionFrom(lumbarFields(patientId, { id, version: "1", "nprs.current": "6" })), ctx));
    let rows = await rowsOf(id);
    expect(rows.results.filter((r) => r.instrument === "nprs").map((r) => r.score)).toEqual([6]);
    expect((await getAssessmentRow(db, scope, id)).version).toBe(2);

    // A colleague opened version 1 too: their save is refused and the newer draft stays as it was.
    const stale = submissionFrom(lumbarFields(patientId, { id, version: "1", "nprs.current": "2" }));
    const attempt = db.transaction((tx) => saveDraft(tx, a.admin.scope, stale, ctx));
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(DRAFT_CHANGED_MESSAGE);
    rows = await rowsOf(id);
    expect(rows.results.filter((r) => r.instrument === "nprs").map((r) => r.score)).toEqual([6]);
    expect((await getAssessmentRow(db, scope, id)).version).toBe(2);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("refuses to sign while a suggested pattern is undecided, writing nothing", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId)), ctx));
    const attempt = db.transaction((tx) => saveDraft(tx, scope, submissionFrom(lumbarFields(patientId, { id, version: "1", intent: "sign" })), ctx));
    await expect(attempt).rejects.toBeInstanceOf(UndecidedPatternsError);
    const err = (await attempt.catch((e: unknown) => e)) as UndecidedPatternsError;
    expect(err.undecided.map((s) => s.pattern)).toEqual(["hip-flexor-glute"]);
    expect(err.undecided[0]?.triggers.map((t) => `${t.code}:${t.side}`)).toEqual([
      "thomas-hip-angle:left",
      "thomas-hip-angle:right",
      "mmt-gluteus-medius:left",
      "mmt-gluteus-medius:right",
    ]);
    const row = await getAssessmentRow(db, scope, id);
    expect(row).toMatchObject({ status: "draft", version: 1 });
    expect(await db.select().from(assessmentRevisions).where(eq(assessmentRevisions.assessmentId, id))).toHaveLength(0);
  });

  it("signs a draft into revision 1 with a full snapshot, then refuses draft saves", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId)), ctx));
    const signing = lumbarFields(patientId, { id, version: "1", intent: "sign", "pattern.hip-flexor-glute": "confirmed", planNotes: "Hip flexor stretches" });
    await db.transaction((tx) => saveDraft(tx, scope, submissionFrom(signing), ctx));
    const row = await getAssessmentRow(db, scope, id);
    expect(row).toMatchObject({ status: "signed", revision: 1, version: 2, signedBy: scope.userId, planNotes: "Hip flexor stretches" });
    const [revision] = await db.select().from(assessmentRevisions).where(eq(assessmentRevisions.assessmentId, id));
    const content = revision?.content as unknown as AssessmentContent;
    expect(revision).toMatchObject({ revision: 1, reason: null, signedBy: scope.userId });
    expect(content.instruments.map((i) => `${i.instrument}:${i.score}`)).toEqual(["nprs:7", "odi:48"]);
    expect(content.instruments[1]?.items).toHaveLength(10);
    expect(content.measurements).toHaveLength(5);
    expect(content.patterns).toEqual([
      expect.objectContaining({ pattern: "hip-flexor-glute", status: "confirmed", suggested: true }),
    ]);
    expect(content.patterns[0]?.triggers.length).toBeGreaterThan(0);
    const { tags } = await rowsOf(id);
    expect(tags).toEqual([expect.objectContaining({ pattern: "hip-flexor-glute", status: "confirmed", suggested: true, decidedBy: scope.userId })]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create", "sign"]);

    const edit = submissionFrom(lumbarFields(patientId, { id, version: "2", "nprs.current": "1" }));
    const attempt = db.transaction((tx) => saveDraft(tx, scope, edit, ctx));
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toThrow(SIGNED_LOCKED_MESSAGE);
    expect((await rowsOf(id)).results.find((r) => r.instrument === "nprs")?.score).toBe(7);
  });

  it("amends a signed assessment with a reason: rows superseded, revision 2 written, revision 1 kept, audited", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const signed = lumbarFields(patientId, { intent: "sign", "pattern.hip-flexor-glute": "confirmed" });
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(signed), ctx));
    expect(await getAssessmentRow(db, scope, id)).toMatchObject({ status: "signed", revision: 1, version: 1 });

    const missingReason = validateAssessmentForm(parseAssessmentForm(assessmentFormData({ ...signed, id, version: "1", intent: "amend", reason: "typo" })));
    expect(missingReason.ok ? {} : missingReason.errors).toEqual({ reason: ["Say in a few words why the signed assessment is amended"] });

    const amended = submissionFrom({ ...signed, id, version: "1", intent: "amend", reason: "ODI lifting section was misread from the paper form", "odi.sections.lifting": "2" });
    const revision = await db.transaction((tx) => amendAssessment(tx, a.admin.scope, amended, ctx));
    expect(revision).toBe(2);
    expect(await getAssessmentRow(db, scope, id)).toMatchObject({ status: "signed", revision: 2, version: 2 });

    const current = await db.select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, id), isNull(instrumentResults.supersededAt)));
    const superseded = await db.select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, id), isNotNull(instrumentResults.supersededAt)));
    expect(current.find((r) => r.instrument === "odi")?.score).toBe(44);
    expect(superseded.find((r) => r.instrument === "odi")?.score).toBe(48);
    const [{ n: supersededMeasures } = { n: 0 }] = await db
      .select({ n: count() })
      .from(measurements)
      .where(and(eq(measurements.assessmentId, id), isNotNull(measurements.supersededAt)));
    expect(supersededMeasures).toBe(5);

    const detail = await getAssessmentDetail(db, scope, patientId, id);
    expect(detail.revisions.map((r) => [r.revision, r.reason, r.signedByName])).toEqual([
      [2, "ODI lifting section was misread from the paper form", a.admin.user.name],
      [1, null, a.practitioner.user.name],
    ]);
    expect(detail.revisions[1]?.content.instruments.find((i) => i.instrument === "odi")?.score).toBe(48);
    expect(detail.content.instruments.find((i) => i.instrument === "odi")?.score).toBe(44);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create", "sign", "amend"]);
    expect(events[2]).toMatchObject({ reason: "ODI lifting section was misread from the paper form", actorId: a.admin.user.id });

    // The history for trends reads only the current rows.
    const history = await fetchPatientHistory(db, scope, patientId);
    expect(history.filter((h) => h.assessmentId === id && h.instrument === "odi").map((h) => h.score)).toEqual([44]);

    // A second amendment from the stale version is refused.
    await expect(db.transaction((tx) => amendAssessment(tx, scope, amended, ctx))).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses out-of-range and wrong-typed values at their fields, and a future date, writing nothing", async () => {
    const db = getDb();
    const before = await db.select({ n: count() }).from(assessments).where(eq(assessments.patientId, patientId));
    const outcome = validateAssessmentForm(
      parseAssessmentForm(
        assessmentFormData(
          lumbarFields(patientId, {
            "nprs.current": "11",
            "m.mmt-gluteus-medius.left": "6",
            "m.biering-sorensen.na": "-5",
            "m.thomas-hip-angle.left": "400",
            "odi.sections.walking": "two",
            "m.mmt-quadriceps.left": "strong",
          }),
        ),
      ),
    );
    expect(outcome.ok).toBe(false);
    const errors = outcome.ok ? {} : outcome.errors;
    expect(errors).toEqual({
      "nprs.current": ["NPRS is a whole number from 0 to 10"],
      "odi.sections.walking": ["Each ODI section is scored 0 to 5"],
      "m.thomas-hip-angle.left": ["Angle must be between -30 and 90 degrees"],
      "m.mmt-gluteus-medius.left": ["Muscle grade must be between 0 and 5"],
      "m.mmt-quadriceps.left": ["Muscle grade must be a whole grade 0-5 with an optional + or - (e.g. 4, 4+, 4-)"],
      "m.biering-sorensen.na": ["Time must be between 0 and 240 seconds"],
    });
    const future = submissionFrom(lumbarFields(patientId, { assessedOn: "2026-03-01" }));
    await expect(db.transaction((tx) => createAssessment(tx, a.practitioner.scope, future, ctx))).rejects.toThrow("The assessment date cannot be in the future");
    const after = await db.select({ n: count() }).from(assessments).where(eq(assessments.patientId, patientId));
    expect(after).toEqual(before);
  });

  it("treats another clinic's patient and assessment ids as not found", async () => {
    const db = getDb();
    const foreign = b.practitioner.scope;
    const mine = await db.transaction((tx) => createAssessment(tx, a.practitioner.scope, submissionFrom(lumbarFields(patientId)), ctx));
    await expect(db.transaction((tx) => createAssessment(tx, foreign, submissionFrom(lumbarFields(patientId)), ctx))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentDetail(db, foreign, patientId, mine)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentRow(db, foreign, mine)).rejects.toBeInstanceOf(NotFoundError);
    const theirPatient = await insertPatient(db, foreign);
    await expect(getAssessmentDetail(db, foreign, theirPatient.id, mine)).rejects.toBeInstanceOf(NotFoundError);
    const save = submissionFrom(lumbarFields(theirPatient.id, { id: mine, version: "1" }));
    await expect(db.transaction((tx) => saveDraft(tx, foreign, save, ctx))).rejects.toBeInstanceOf(NotFoundError);
    const amend = submissionFrom(lumbarFields(theirPatient.id, { id: mine, version: "1", intent: "amend", reason: "trying to change it from elsewhere" }));
    await expect(db.transaction((tx) => amendAssessment(tx, foreign, amend, ctx))).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPatientAssessments(db, foreign, patientId)).toEqual([]);
    expect(await fetchPatientHistory(db, foreign, patientId)).toEqual([]);
    expect(await getAssessmentRow(db, a.practitioner.scope, mine)).toMatchObject({ version: 1, status: "draft" });
  });
});
