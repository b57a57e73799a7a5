import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { instrumentResults } from "@/db/schema";
import { createAssessment, saveDraft } from "@/lib/assessments/mutations";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { getCurrentContent, getAssessmentRow } from "@/lib/assessments/queries";
import { validateAssessmentForm } from "@/lib/assessments/validate-form";
import { fetchPatientHistory } from "@/lib/outcomes/queries";
import { assessmentFormData, lumbarFields, submissionFrom } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const ctx = { timeZone: "Europe/London", now: new Date("2026-02-01T10:00:00Z") };

/** Two activities named, neither rated yet. */
const UNRATED = {
  "psfs.version": "1",
  "psfs.activities.0.name": "Lifting my toddler",
  "psfs.activities.0.score": "",
  "psfs.activities.1.name": "Sitting through a film",
  "psfs.activities.1.score": "",
};

describeEachDatabase("a PSFS draft with nothing rated yet", (getDb) => {
  let clinic: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;

  beforeAll(async () => {
    clinic = await createClinic(getDb(), "PSFS");
    patientId = (await insertPatient(getDb(), clinic.practitioner.scope)).id;
  });

  it("is saved with its activities and no score, and reads back as not rated", async () => {
    const db = getDb();
    const scope = clinic.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId, UNRATED)), ctx));
    const [row] = await db.select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, id), eq(instrumentResults.instrument, "psfs")));
    expect(row).toEqual(expect.objectContaining({ score: null, band: null }));
    expect(row?.items).toEqual([
      expect.objectContaining({ label: "Lifting my toddler", value: null }),
      expect.objectContaining({ label: "Sitting through a film", value: null }),
    ]);
    const content = await getCurrentContent(db, scope, await getAssessmentRow(db, scope, id, patientId));
    expect(content.instruments.find((i) => i.instrument === "psfs")?.score).toBeNull();

    // Rated later on the same draft: the score appears.
    const rated = { ...UNRATED, "psfs.activities.0.score": "3", id, version: "1" };
    await db.transaction((tx) => saveDraft(tx, scope, submissionFrom(lumbarFields(patientId, rated)), ctx));
    const [again] = await db.select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, id), eq(instrumentResults.instrument, "psfs")));
    expect(again?.score).toBe(3);
  });

  it("cannot be signed: signing needs at least one rated activity", () => {
    const outcome = validateAssessmentForm(parseAssessmentForm(assessmentFormData(lumbarFields(patientId, { ...UNRATED, intent: "sign" }))));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.psfs).toEqual(["PSFS not scored: rate at least one activity (0 to 10)"]);
  });

  it("stays out of the outcome history", async () => {
    const history = await fetchPatientHistory(getDb(), clinic.practitioner.scope, patientId);
    expect(history.filter((p) => p.instrument === "psfs")).toEqual([]);
  });

  it("the database refuses a missing score on any other questionnaire", async () => {
    const db = getDb();
    const scope = clinic.practitioner.scope;
    const id = await db.transaction((tx) => createAssessment(tx, scope, submissionFrom(lumbarFields(patientId)), ctx));
    const [odi] = await db.select().from(instrumentResults).where(and(eq(instrumentResults.assessmentId, id), eq(instrumentResults.instrument, "odi")));
    await expect(db.update(instrumentResults).set({ score: null }).where(eq(instrumentResults.id, odi!.id))).rejects.toThrow();
  });
});
