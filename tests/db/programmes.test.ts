import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { assessments, auditEvents, patternTags, programmeItems, programmes } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { toItemPayload } from "@/lib/programmes/builder-items";
import { draftSuggestedItems } from "@/lib/programmes/draft";
import { saveProgramme, setProgrammeStatus } from "@/lib/programmes/mutations";
import { getActiveProgramme, getConfirmedPatternIds, getProgramme, listProgrammes } from "@/lib/programmes/queries";
import { programmeFormSchema, programmeStatusSchema } from "@/lib/programmes/schemas";
import { isUniqueViolation } from "@/lib/db-errors";
import { createClinic, insertPatient } from "./fixtures";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

const item = (over: Record<string, unknown> = {}) => ({
  ref: "built-in:glute-bridge",
  sets: "3",
  reps: "10",
  holdSeconds: "",
  timesPerDay: "1",
  daysPerWeek: "3",
  side: "both",
  notes: "",
  ...over,
});

const form = (patientId: string, over: Record<string, unknown> = {}) => ({
  patientId,
  supersedesId: "",
  supersedesVersion: "",
  goals: "Stand for 30 minutes without pain",
  startDate: "2026-02-02",
  reviewDate: "2026-03-16",
  items: [item(), item({ ref: "built-in:half-kneeling-hip-flexor-stretch", reps: "", holdSeconds: "30", load: undefined })],
  ...over,
});

describeEachDatabase("programmes", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  const count = async (patientId: string) =>
    (await getDb().select({ id: programmes.id }).from(programmes).where(eq(programmes.patientId, patientId))).length;

  it("suggests a draft from the patient's confirmed, current patterns only", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const patient = await insertPatient(db, scope);
    const [assessment] = await db
      .insert(assessments)
      .values({ clinicId: scope.clinicId, patientId: patient.id, practitionerId: scope.userId, assessedAt: new Date("2026-01-20T10:00:00Z"), region: "lumbar", status: "signed", revision: 1 })
      .returning();
    const tag = { clinicId: scope.clinicId, patientId: patient.id, assessmentId: assessment!.id, decidedBy: scope.userId };
    await db.insert(patternTags).values([
      { ...tag, pattern: "hip-flexor-glute", status: "confirmed", decidedAt: new Date("2026-01-20T10:05:00Z") },
      { ...tag, pattern: "core-extensor", status: "confirmed", decidedAt: new Date("2026-01-20T10:06:00Z") },
      { ...tag, pattern: "scapular-chest", status: "dismissed" },
      { ...tag, pattern: "hamstring-quadriceps", status: "confirmed", supersededAt: new Date() },
    ]);
    const patterns = await getConfirmedPatternIds(db, scope, patient.id);
    expect(patterns).toEqual(["core-extensor", "hip-flexor-glute"]);
    expect(await getConfirmedPatternIds(db, b.practitioner.scope, patient.id)).toEqual([]);

    const draft = draftSuggestedItems(patterns);
    expect(draft).toHaveLength(6);
    const input = programmeFormSchema.parse(form(patient.id, { items: draft.map(toItemPayload) }));
    const id = await db.transaction((tx) => saveProgramme(tx, scope, input));
    const saved = await getProgramme(db, scope, id);
    expect(saved.items.map((i) => i.builtInSlug)).toEqual(draft.map((d) => d.ref.replace("built-in:", "")));
    expect(saved.items[0]?.exercise?.name).toBe("Dead bug");
  });

  it("versions: a new programme supersedes the active one, which stays readable; one active at a time", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const patient = await insertPatient(db, scope, { firstName: "Versioned" });
    const first = await db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(form(patient.id))));
    const v1 = await getProgramme(db, scope, first);
    expect(v1.versionNo).toBe(1);

    // Starting afresh while one is active is a conflict: the builder must name what it replaces.
    await expect(db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(form(patient.id))))).rejects.toBeInstanceOf(ConflictError);

    const edited = form(patient.id, {
      supersedesId: first,
      supersedesVersion: String(v1.version),
      items: [item({ sets: "4", load: { unit: "band", colour: "green" } }), item({ ref: "built-in:bodyweight-squat", reps: "8" })],
    });
    const second = await db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(edited)));
    const active = await getActiveProgramme(db, scope, patient.id);
    expect(active?.id).toBe(second);
    expect(active?.versionNo).toBe(2);
    expect(active?.supersedesId).toBe(first);
    expect(active?.items[0]).toMatchObject({ sets: 4, loadUnit: "band", loadBand: "green", loadValue: null });
    const old = await getProgramme(db, scope, first);
    expect(old.status).toBe("superseded");
    expect(old.items).toHaveLength(2);
    expect((await listProgrammes(db, scope, patient.id)).map((p) => [p.versionNo, p.status, p.itemCount])).toEqual([
      [2, "active", 2],
      [1, "superseded", 2],
    ]);

    // A second editor who opened version 1 is told it changed; nothing is written.
    await expect(db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(edited)))).rejects.toBeInstanceOf(ConflictError);
    expect(await count(patient.id)).toBe(2);

    // The database itself refuses a second active programme.
    const direct = db.insert(programmes).values({ clinicId: scope.clinicId, patientId: patient.id, practitionerId: scope.userId, startDate: "2026-02-02" });
    const err = await direct.then(() => null).catch((e: unknown) => e);
    expect(isUniqueViolation(err, "programme_one_active_idx")).toBe(true);

    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.entity, "programme")));
    expect(audit.map((e) => `${e.action}:${e.entityId === first ? "v1" : "v2"}`).sort()).toEqual(["create:v1", "create:v2", "update:v1"]);
  });

  it("completes or stops the active programme (a stop needs a reason)", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const patient = await insertPatient(db, scope, { firstName: "Stopping" });
    const id = await db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(form(patient.id))));
    expect(programmeStatusSchema.safeParse({ id, version: "1", status: "stopped", reason: "" }).success).toBe(false);
    await db.transaction((tx) => setProgrammeStatus(tx, scope, programmeStatusSchema.parse({ id, version: "1", status: "stopped", reason: "Flare-up; on hold" })));
    const stopped = await getProgramme(db, scope, id);
    expect(stopped).toMatchObject({ status: "stopped", stoppedReason: "Flare-up; on hold" });
    expect(await getActiveProgramme(db, scope, patient.id)).toBeNull();
    await expect(
      db.transaction((tx) => setProgrammeStatus(tx, scope, programmeStatusSchema.parse({ id, version: "2", status: "completed" }))),
    ).rejects.toBeInstanceOf(RuleError);
    // With none active, a fresh programme starts at version 1 again.
    const next = await db.transaction((tx) => saveProgramme(tx, scope, programmeFormSchema.parse(form(patient.id))));
    expect((await getProgramme(db, scope, next)).versionNo).toBe(1);
  });

  it("refuses bad doses with messages keyed to the item, and writes nothing", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const patient = await insertPatient(db, scope, { firstName: "Baddose", dateOfBirth: "1990-04-01" });
    const bad = programmeFormSchema.safeParse(
      form(patient.id, {
        items: [item(), item({ sets: "0" }), item({ reps: "101" }), item({ reps: "", holdSeconds: "601" }), item({ load: { unit: "kg", value: "-2" } })],
      }),
    );
    expect(bad.success).toBe(false);
    const keys = bad.error!.issues.map((i) => i.path.join("."));
    expect(keys).toEqual(["items.1.sets", "items.2.reps", "items.3.holdSeconds", "items.4.load.value"]);
    expect(programmeFormSchema.safeParse(form(patient.id, { items: [] })).error?.issues[0]?.path).toEqual(["items"]);
    expect(programmeFormSchema.safeParse(form(patient.id, { reviewDate: "2026-01-01" })).error?.issues[0]?.path).toEqual(["reviewDate"]);

    const beforeBirth = programmeFormSchema.parse(form(patient.id, { startDate: "1989-01-01", reviewDate: "" }));
    await expect(db.transaction((tx) => saveProgramme(tx, scope, beforeBirth))).rejects.toMatchObject({ field: "startDate" });
    const unknown = programmeFormSchema.parse(form(patient.id, { items: [item(), item({ ref: "built-in:moonwalk" })] }));
    await expect(db.transaction((tx) => saveProgramme(tx, scope, unknown))).rejects.toMatchObject({ field: "items.1.ref" });
    expect(await count(patient.id)).toBe(0);
    const items = await db.select().from(programmeItems).where(eq(programmeItems.clinicId, scope.clinicId));
    expect(items.every((i) => i.sets >= 1)).toBe(true);
  });

  it("keeps clinics apart", async () => {
    const db = getDb();
    const patient = await insertPatient(db, b.practitioner.scope, { firstName: "Harbour" });
    const id = await db.transaction((tx) => saveProgramme(tx, b.practitioner.scope, programmeFormSchema.parse(form(patient.id))));
    await expect(getProgramme(db, a.admin.scope, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getActiveProgramme(db, a.admin.scope, patient.id)).toBeNull();
    expect(await listProgrammes(db, a.admin.scope, patient.id)).toEqual([]);
    await expect(db.transaction((tx) => saveProgramme(tx, a.admin.scope, programmeFormSchema.parse(form(patient.id))))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      db.transaction((tx) => setProgrammeStatus(tx, a.admin.scope, programmeStatusSchema.parse({ id, version: "1", status: "completed" }))),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Another clinic's own exercise cannot be put into this clinic's programme.
    const own = await insertPatient(db, a.practitioner.scope);
    const foreign = programmeFormSchema.parse(form(own.id, { items: [item({ ref: `clinic:${id}` })] }));
    await expect(db.transaction((tx) => saveProgramme(tx, a.practitioner.scope, foreign))).rejects.toMatchObject({ field: "items.0.ref" });
  });
});

describeEachDatabase("programmes: demo seed", (getDb) => {
  let ctx: DemoContext;
  const now = new Date("2026-03-04T12:00:00Z");

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), now);
  });

  const scopeFor = (clinicId: string, email?: string): Scope => demoScope(ctx, clinicId, email);
  const persona = (first: string, last: string) => findPersona(ctx, first, last);

  it("gives most active patients a programme drafted from their confirmed patterns, some with a superseded version", async () => {
    const db = getDb();
    const active = ctx.patients.filter((p) => !p.archived);
    let withProgramme = 0;
    let superseded = 0;
    for (const p of active) {
      const scope = scopeFor(p.clinicId);
      const list = await listProgrammes(db, scope, p.id);
      expect(list.filter((x) => x.status === "active").length).toBeLessThanOrEqual(1);
      if (list.some((x) => x.status === "active")) withProgramme++;
      superseded += list.filter((x) => x.status === "superseded").length;
    }
    expect(withProgramme / active.length).toBeGreaterThan(0.7);
    expect(superseded).toBeGreaterThan(3);

    const maya = persona("Maya", "Okafor");
    const scope = scopeFor(maya.clinicId);
    const patterns = await getConfirmedPatternIds(db, scope, maya.id);
    const programme = await getActiveProgramme(db, scope, maya.id);
    const first = (await listProgrammes(db, scope, maya.id)).at(-1);
    const v1 = first ? await getProgramme(db, scope, first.id) : null;
    expect(v1?.items.map((i) => `built-in:${i.builtInSlug}`)).toEqual(draftSuggestedItems(patterns).map((d) => d.ref));
    expect(programme?.items.length).toBeGreaterThanOrEqual(4);
    expect(await getActiveProgramme(db, scopeFor(persona("Declan", "Murphy").clinicId), persona("Declan", "Murphy").id)).toBeNull();
  });

  it("records weekly adherence, varied, with a few patients under 50 % last week", async () => {
    const db = getDb();
    let recorded = 0;
    let lowLastWeek = 0;
    for (const p of ctx.patients.filter((x) => !x.archived)) {
      const weeks = await getWeeklyAdherence(db, scopeFor(p.clinicId), p.id);
      if (weeks.length === 0) continue;
      recorded++;
      const last = weeks.at(-1);
      expect(last?.weekStart).toBe("2026-02-23");
      if (last?.low) lowLastWeek++;
      for (const w of weeks) expect(w.sessionsDone).toBeLessThanOrEqual(w.sessionsPrescribed);
    }
    expect(recorded).toBeGreaterThan(20);
    expect(lowLastWeek).toBeGreaterThanOrEqual(2);
    expect(lowLastWeek / recorded).toBeLessThan(0.3);
  });
});
