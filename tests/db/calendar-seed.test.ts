import { addDays } from "date-fns";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo, type DemoContext } from "@/db/seed";
import { listCalendarEntries, listClosures, listTreatmentTables, listWorkingHours } from "@/lib/calendar/queries";
import { findMarkedClashes } from "@/lib/calendar/view";
import { demoScope } from "./demo-context";
import { describeEachDatabase } from "./harness";

describeEachDatabase("demo calendar", (getDb) => {
  let ctx: DemoContext;
  // A Wednesday: the current week runs Monday 2 to Sunday 8 March 2026.
  const now = new Date("2026-03-04T08:00:00Z");

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), now);
  });

  async function load(clinicIndex: number) {
    const scope = demoScope(ctx, ctx.clinics[clinicIndex]!.id);
    const db = getDb();
    const [entries, tables] = await Promise.all([
      listCalendarEntries(db, scope, { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-16T00:00:00Z") }),
      listTreatmentTables(db, scope, { kind: "table" }),
    ]);
    return { entries, tables };
  }

  it("books the demo courses across this week and the next on two tables", async () => {
    for (const i of [0, 1]) {
      const { entries, tables } = await load(i);
      expect(tables.map((t) => t.name)).toEqual(["Table 1", "Table 2"]);
      const sessions = entries.filter((e) => e.kind === "session" && e.status === "scheduled" && e.startsAt >= now);
      for (const week of [0, 1]) {
        const from = addDays(new Date("2026-03-02T00:00:00Z"), week * 7);
        const inWeek = sessions.filter((s) => s.startsAt >= from && s.startsAt < addDays(from, 7));
        expect(new Set(inWeek.map((s) => s.treatmentTableId))).toEqual(new Set(tables.map((t) => t.id)));
      }
    }
  });

  it("leaves exactly one clash to show: a practitioner on both tables at once", async () => {
    await expectOneClash(getDb, ctx, new Date("2026-03-02T00:00:00Z"));
  });
});

/** The demo's calendar, seeded at `now`, shows one clash in the two weeks from `from`: the same practitioner on both tables at once. */
async function expectOneClash(getDb: () => Database, ctx: DemoContext, from: Date) {
  for (const clinic of ctx.clinics) {
    const scope = demoScope(ctx, clinic.id);
    const db = getDb();
    const [entries, closures, hours] = await Promise.all([
      listCalendarEntries(db, scope, { from, to: addDays(from, 14) }),
      listClosures(db, scope),
      listWorkingHours(db, scope),
    ]);
    // As the calendar marks them.
    const found = findMarkedClashes(entries, { timeZone: "Europe/London", closures, hours });
    const clashing = entries.filter((e) => found.has(e.id));
    expect(clashing).toHaveLength(2);
    expect(clashing.flatMap((e) => found.get(e.id)!.map((c) => c.kind))).toEqual(["practitioner", "practitioner"]);
    expect(clashing[0]!.startsAt.getTime()).toBe(clashing[1]!.startsAt.getTime());
    expect(clashing[0]!.treatmentTableId).not.toBe(clashing[1]!.treatmentTableId);
  }
}

// Seeded on a Friday, the next day is a Saturday outside everyone's hours: the reassessment the demo
// books goes to Monday, not there (it was a second clash, and the browser test found it first).
describeEachDatabase("demo calendar seeded on a Friday", (getDb) => {
  let ctx: DemoContext;
  const now = new Date("2026-03-06T08:00:00Z");

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), now);
  });

  it("still leaves exactly one clash to show", async () => {
    await expectOneClash(getDb, ctx, new Date("2026-03-06T00:00:00Z"));
  });

  it("books the reassessment on the next working day", async () => {
    for (const clinic of ctx.clinics) {
      const entries = await listCalendarEntries(getDb(), demoScope(ctx, clinic.id), { from: now, to: addDays(now, 14) });
      const reassessments = entries.filter((e) => e.kind === "reassessment");
      expect(reassessments).toHaveLength(1);
      // Monday 9 March 2026, in the afternoon.
      expect(reassessments[0]!.startsAt.toISOString().slice(0, 10)).toBe("2026-03-09");
    }
  });
});
