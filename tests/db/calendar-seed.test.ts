import { addDays } from "date-fns";
import { beforeAll, expect, it } from "vitest";
import { seedDemo, type DemoContext } from "@/db/seed";
import { findDiaryClashes } from "@/lib/calendar/clashes";
import { isLive, listCalendarEntries, listClosures, listTreatmentTables, listWorkingHours, shortName } from "@/lib/calendar/queries";
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
    const [entries, tables, closures, hours] = await Promise.all([
      listCalendarEntries(db, scope, { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-16T00:00:00Z") }),
      listTreatmentTables(db, scope, { kind: "table" }),
      listClosures(db, scope),
      listWorkingHours(db, scope),
    ]);
    return { entries, tables, closures, hours };
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
    for (const i of [0, 1]) {
      const { entries, closures, hours } = await load(i);
      const live = entries.filter(isLive).map((e) => ({ ...e, label: shortName(e.firstName, e.lastName) }));
      const found = findDiaryClashes(live, { timeZone: "Europe/London", closedDays: new Map(closures.map((c) => [c.closedOn, c.reason])), hoursOf: (id) => hours.filter((h) => h.userId === id) });
      // As the calendar marks them: bookings still to be seen (lib/calendar/view.ts).
      const clashing = live.filter((e) => found.has(e.id) && e.status === "scheduled");
      expect(clashing).toHaveLength(2);
      expect(clashing.flatMap((e) => found.get(e.id)!.map((c) => c.kind))).toEqual(["practitioner", "practitioner"]);
      expect(clashing[0]!.startsAt.getTime()).toBe(clashing[1]!.startsAt.getTime());
      expect(clashing[0]!.treatmentTableId).not.toBe(clashing[1]!.treatmentTableId);
    }
  });
});
