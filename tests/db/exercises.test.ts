import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, exercises } from "@/db/schema";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { createExercise, setExerciseArchived, updateExercise } from "@/lib/exercises/mutations";
import { getLibraryExercise, listLibrary } from "@/lib/exercises/queries";
import { exerciseFormSchema, libraryParamsSchema } from "@/lib/exercises/schemas";
import { createClinic } from "./fixtures";
import { describeEachDatabase } from "./harness";

const form = (over: Record<string, unknown> = {}) =>
  exerciseFormSchema.parse({
    name: "Banded hip airplane",
    category: "strengthen",
    targetMuscles: ["gluteus-medius", "gluteus-maximus"],
    patterns: "hip-flexor-glute",
    equipment: [],
    sets: "2",
    reps: "8",
    holdSeconds: "",
    timesPerDay: "1",
    daysPerWeek: "3",
    instructions: "Stand on one leg.\nTurn the pelvis open and closed slowly.",
    commonErrors: "Rushing\nLosing balance",
    ...over,
  });

const params = (over: Record<string, string> = {}) => libraryParamsSchema.parse(over);

describeEachDatabase("exercise library", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  it("lists the built-ins and the clinic's own exercises, filtered by category, muscle, pattern and name", async () => {
    const db = getDb();
    const id = await db.transaction((tx) => createExercise(tx, a.practitioner.scope, form()));
    const all = await listLibrary(db, a.practitioner.scope, params());
    expect(all.length).toBeGreaterThanOrEqual(41);
    expect(all.find((e) => e.key === id)?.source).toBe("clinic");
    const stretches = await listLibrary(db, a.practitioner.scope, params({ category: "stretch" }));
    expect(stretches.length).toBeGreaterThan(0);
    expect(stretches.every((e) => e.category === "stretch")).toBe(true);
    const glutes = await listLibrary(db, a.practitioner.scope, params({ muscle: "gluteus-medius", pattern: "hip-flexor-glute" }));
    expect(glutes.map((e) => e.name)).toContain("Banded hip airplane");
    expect(glutes.every((e) => e.targetMuscles.includes("gluteus-medius"))).toBe(true);
    const byName = await listLibrary(db, a.practitioner.scope, params({ q: "airplane hip" }));
    expect(byName.map((e) => e.name)).toEqual(["Banded hip airplane"]);
    const ownOnly = await listLibrary(db, a.practitioner.scope, params({ source: "clinic" }));
    expect(ownOnly.every((e) => e.source === "clinic")).toBe(true);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create"]);
  });

  it("copies a built-in into a clinic exercise that names its source; the built-in is unchanged", async () => {
    const db = getDb();
    const before = await getLibraryExercise(db, a.practitioner.scope, "glute-bridge");
    const id = await db.transaction((tx) =>
      createExercise(tx, a.practitioner.scope, form({ name: "Glute bridge (our version)", basedOn: "glute-bridge" })),
    );
    const copy = await getLibraryExercise(db, a.practitioner.scope, id);
    expect(copy.basedOn).toBe("glute-bridge");
    expect(await getLibraryExercise(db, a.practitioner.scope, "glute-bridge")).toEqual(before);
    expect(() => form({ basedOn: "no-such-exercise" })).toThrow();
  });

  it("edits with optimistic concurrency, archives and restores", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => createExercise(tx, scope, form({ name: "Wall angel" })));
    await db.transaction((tx) => updateExercise(tx, scope, id, 1, form({ name: "Wall angel (slow)", reps: "6" })));
    const edited = await getLibraryExercise(db, scope, id);
    expect(edited.name).toBe("Wall angel (slow)");
    expect(edited.defaultDose.reps).toBe(6);
    await expect(db.transaction((tx) => updateExercise(tx, scope, id, 1, form({ name: "Stale" })))).rejects.toBeInstanceOf(ConflictError);

    await db.transaction((tx) => setExerciseArchived(tx, scope, id, true));
    expect((await listLibrary(db, scope, params({ q: "wall angel" }))).length).toBe(0);
    expect((await listLibrary(db, scope, params({ q: "wall angel", archived: "1" }))).length).toBe(1);
    await expect(db.transaction((tx) => updateExercise(tx, scope, id, 3, form()))).rejects.toBeInstanceOf(RuleError);
    await db.transaction((tx) => setExerciseArchived(tx, scope, id, false));
    expect((await listLibrary(db, scope, params({ q: "wall angel" }))).length).toBe(1);
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);
    expect(actions).toEqual(["create", "update", "archive", "restore"]);
  });

  it("refuses bad input and never shows another clinic's exercises", async () => {
    const db = getDb();
    expect(exerciseFormSchema.safeParse({ ...form(), sets: "0" }).success).toBe(false);
    expect(exerciseFormSchema.safeParse({ name: "", category: "nope", sets: "1", timesPerDay: "1", daysPerWeek: "1", instructions: "" }).success).toBe(false);
    const id = await db.transaction((tx) => createExercise(tx, b.practitioner.scope, form({ name: "Harbour secret" })));
    expect((await listLibrary(db, a.practitioner.scope, params({ q: "harbour secret" }))).length).toBe(0);
    await expect(getLibraryExercise(db, a.practitioner.scope, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => updateExercise(tx, a.admin.scope, id, 1, form()))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => setExerciseArchived(tx, a.admin.scope, id, true))).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(exercises).where(and(eq(exercises.id, id)));
    expect(row?.archivedAt).toBeNull();
  });
});
