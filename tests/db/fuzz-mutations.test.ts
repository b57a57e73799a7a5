import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database, Transaction } from "@/db/client";
import { bodyWeights, programmes } from "@/db/schema";
import { recordAdherence } from "@/lib/adherence/mutations";
import { createAssessment } from "@/lib/assessments/mutations";
import type { Scope } from "@/lib/auth/scope-types";
import { saveCoreRatioFraction } from "@/lib/clinic-settings/core-ratio";
import { saveMcidOverride } from "@/lib/clinic-settings/mutations";
import { createCourse } from "@/lib/decompression/course-mutations";
import { logSession, scheduleSession } from "@/lib/decompression/session-mutations";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { createExercise } from "@/lib/exercises/mutations";
import { recordFlag } from "@/lib/patient-flags/mutations";
import { createPatient } from "@/lib/patients/mutations";
import { saveProgramme } from "@/lib/programmes/mutations";
import { ACTION_FORMS, type ActionForm } from "../fuzz/action-forms";
import { hostileForm, toFormData } from "../fuzz/arbitraries";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const RUNS = 40;
const SAMPLE_ID = "6f1c2b1e-8a53-4d4b-9c1f-0e6f5a2b3c4d";

// What each action does with its parsed input: the same mutation, in one transaction.
type Write = (tx: Transaction, scope: Scope, input: never) => Promise<unknown>;
const WRITES: Record<string, Write> = {
  createPatient: createPatient as Write,
  recordFlag: recordFlag as Write,
  createExercise: createExercise as Write,
  recordAdherence: recordAdherence as Write,
  createCourse: createCourse as Write,
  scheduleSession: scheduleSession as Write,
  logSession: logSession as Write,
  saveProgramme: saveProgramme as Write,
  "saveProgramme (item values)": saveProgramme as Write,
  saveAssessment: ((tx, scope, input) => createAssessment(tx, scope, input, { timeZone: "Europe/London" })) as Write,
  // Clinical settings (issue 10): the clinic's own rules, written as an admin.
  saveMcidRule: saveMcidOverride as Write,
  saveCoreRatio: saveCoreRatioFraction as Write,
};

const isRefusal = (err: unknown) => err instanceof RuleError || err instanceof NotFoundError || err instanceof ConflictError;

/** Rows in every table of the schema, audit trail included: a refusal must leave this unchanged. */
async function countAllRows(db: Database): Promise<number> {
  const result = (await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as
    | { rows: { name: string }[] }
    | { name: string }[];
  const names = (Array.isArray(result) ? result : result.rows).map((r) => r.name);
  const total = (await db.execute(sql.raw(`select ${names.map((n) => `(select count(*) from "${n}")`).join(" + ")} as n`))) as unknown as { rows: { n: string }[] } | { n: string }[];
  return Number((Array.isArray(total) ? total[0] : total.rows[0])?.n);
}

const tally = { inputs: 0, refusedBySchema: 0, refusedByRule: 0, written: 0, unexpected: 0, rowsOnRefusal: 0 };

describeEachDatabase("server-action writes under hostile input", (getDb) => {
  let scope: Scope;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    const clinic = await createClinic(db, "Fuzz");
    scope = clinic.admin.scope;
    const patient = await insertPatient(db, scope, { dateOfBirth: "1970-01-01" });
    await db.insert(bodyWeights).values({ clinicId: scope.clinicId, patientId: patient.id, kg: 70, measuredOn: "2026-01-20" });
    const [programme] = await db.insert(programmes).values({ clinicId: scope.clinicId, patientId: patient.id, practitionerId: scope.userId, startDate: "2026-01-05" }).returning();
    const course = await db.transaction((tx) =>
      createCourse(tx, scope, { patientId: patient.id, region: "cervical", targetLevel: "C5-C6", plannedSessions: 12, sessionsPerWeek: 3, startDate: "2026-01-05", position: "supine", angleDeg: null, forceUnit: "kg", maxForceKg: null, minForceKg: null, holdSeconds: null, restSeconds: null, cycles: null, durationMin: 20, overrideReason: null, confirmed: true }),
    );
    if (!programme || course.kind !== "created") throw new Error("fixture failed");
    Object.assign(ids, { patientId: patient.id, programmeId: programme.id, courseId: course.id });
  });

  afterAll(() => {
    console.log(
      `Fuzzed writes: ${tally.inputs} inputs, ${tally.refusedBySchema} refused by the schema, ${tally.refusedByRule} by a rule, ${tally.written} written; ` +
        `${tally.unexpected} unexpected errors, ${tally.rowsOnRefusal} rows written on refusal.`,
    );
  });

  /** The sample with this clinic's real ids, so the hostile values reach the mutation. */
  const withRealIds = (form: ActionForm) =>
    Object.fromEntries(Object.entries(form.sample).map(([k, v]) => [k, v === SAMPLE_ID ? (ids[k] ?? ids.patientId ?? v) : v]));

  for (const form of ACTION_FORMS.filter((f) => WRITES[f.name])) {
    it(`${form.name}: refuses with messages and writes nothing, or writes; never an unexpected error`, async () => {
      const db = getDb();
      const write = WRITES[form.name] as Write;
      await fc.assert(
        fc.asyncProperty(fc.constant(null).chain(() => hostileForm(withRealIds(form))), async (fields) => {
          tally.inputs++;
          const parsed = form.schema.safeParse(form.parse(toFormData(fields)));
          if (!parsed.success) {
            tally.refusedBySchema++;
            return;
          }
          const before = await countAllRows(db);
          try {
            const result = await db.transaction((tx) => write(tx, scope, parsed.data as never));
            // A "confirm" answer (a warning to accept) writes nothing either.
            if (result && typeof result === "object" && "kind" in result && result.kind === "confirm") {
              tally.refusedByRule++;
              const after = await countAllRows(db);
              tally.rowsOnRefusal += after - before;
              expect(after).toBe(before);
            } else tally.written++;
          } catch (err) {
            if (!isRefusal(err)) {
              tally.unexpected++;
              throw err;
            }
            tally.refusedByRule++;
            const after = await countAllRows(db);
            tally.rowsOnRefusal += after - before;
            expect(after).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
