import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, patientFlags } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { recordFlag, resolveFlag } from "@/lib/patient-flags/mutations";
import { listActiveFlags, listPatientFlags } from "@/lib/patient-flags/queries";
import { recordFlagSchema } from "@/lib/patient-flags/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

describeEachDatabase("patient safety flags", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
    patientId = (await insertPatient(getDb(), a.practitioner.scope)).id;
  });

  const input = (over: Record<string, string> = {}) =>
    recordFlagSchema.parse({ patientId, code: "ces-saddle-numbness", notedOn: "2026-02-01", source: "Reported at assessment", note: "", ...over });

  it("refuses an unknown code and a malformed date at their fields", () => {
    const parsed = recordFlagSchema.safeParse({ patientId, code: "flu", notedOn: "yesterday", source: "", note: "" });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    expect([...new Set(paths)].sort()).toEqual(["code", "notedOn"]);
  });

  it("records a dated flag by whom, refuses a duplicate active one, resolves it and keeps the history, audited", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const id = await db.transaction((tx) => recordFlag(tx, scope, input()));
    const [active] = await listActiveFlags(db, scope, patientId);
    expect(active).toMatchObject({ id, code: "ces-saddle-numbness", label: "Saddle numbness", status: "active", notedOn: "2026-02-01", recordedByName: a.practitioner.user.name, note: null });
    expect(active?.definition?.urgentReferral).toBe(true);

    await expect(db.transaction((tx) => recordFlag(tx, scope, input()))).rejects.toBeInstanceOf(RuleError);
    await db.transaction((tx) => recordFlag(tx, scope, input({ code: "claustrophobia", notedOn: "2026-01-10" })));

    await db.transaction((tx) => resolveFlag(tx, a.admin.scope, patientId, id));
    await db.transaction((tx) => resolveFlag(tx, a.admin.scope, patientId, id)); // already resolved: no second event
    expect((await listActiveFlags(db, scope, patientId)).map((f) => f.code)).toEqual(["claustrophobia"]);
    const all = await listPatientFlags(db, scope, patientId);
    expect(all.map((f) => [f.code, f.status])).toEqual([
      ["claustrophobia", "active"],
      ["ces-saddle-numbness", "resolved"],
    ]);
    expect(all[1]).toMatchObject({ resolvedByName: a.admin.user.name });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    // A new episode may be recorded once the earlier one is resolved.
    await db.transaction((tx) => recordFlag(tx, scope, input({ notedOn: "2026-02-20" })));
    expect(await db.select().from(patientFlags).where(eq(patientFlags.patientId, patientId))).toHaveLength(3);
  });

  it("treats another clinic's patient and flag ids as not found", async () => {
    const db = getDb();
    const foreign = b.practitioner.scope;
    const id = await db.transaction((tx) => recordFlag(tx, a.practitioner.scope, input({ code: "pregnancy" })));
    await expect(db.transaction((tx) => recordFlag(tx, foreign, input({ code: "hypermobility" })))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => resolveFlag(tx, foreign, patientId, id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPatientFlags(db, foreign, patientId)).toEqual([]);
    expect((await listActiveFlags(db, a.practitioner.scope, patientId)).map((f) => f.code)).toContain("pregnancy");
  });
});
