import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, workingHours } from "@/db/schema";
import { workingHoursSchema } from "@/lib/calendar/schemas";
import { setWorkingHours } from "@/lib/calendar/settings-mutations";
import { NotFoundError } from "@/lib/errors";
import { createClinic } from "./fixtures";
import { describeEachDatabase } from "./harness";

type Clinic = Awaited<ReturnType<typeof createClinic>>;

describeEachDatabase("editing working hours", (getDb) => {
  let a: Clinic;
  let b: Clinic;
  const hoursOf = (userId: string) =>
    getDb().select({ weekday: workingHours.weekday, startsAt: workingHours.startsAt, endsAt: workingHours.endsAt }).from(workingHours).where(eq(workingHours.userId, userId)).orderBy(workingHours.weekday);
  const save = (clinic: Clinic, form: Record<string, string>) => getDb().transaction((tx) => setWorkingHours(tx, clinic.admin.scope, workingHoursSchema.parse(form)));

  beforeAll(async () => {
    a = await createClinic(getDb(), "Hours A");
    b = await createClinic(getDb(), "Hours B");
  });

  it("replaces a practitioner's week with the ticked days, audited", async () => {
    const who = a.practitioner.user.id;
    await save(a, { practitionerId: who, works1: "on", start1: "09:00", end1: "17:00", works3: "on", start3: "08:30", end3: "12:00" });
    expect(await hoursOf(who)).toEqual([
      { weekday: 1, startsAt: "09:00:00", endsAt: "17:00:00" },
      { weekday: 3, startsAt: "08:30:00", endsAt: "12:00:00" },
    ]);
    // Monday off now, Wednesday longer; times of an unticked day are ignored.
    await save(a, { practitionerId: who, start1: "09:00", end1: "17:00", works3: "on", start3: "08:30", end3: "18:00" });
    expect(await hoursOf(who)).toEqual([{ weekday: 3, startsAt: "08:30:00", endsAt: "18:00:00" }]);
    const audits = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "working_hours"), eq(auditEvents.entityId, who)));
    expect(audits).toHaveLength(2);
    expect(audits.every((e) => e.clinicId === a.clinic.id)).toBe(true);
  });

  it("refuses an end before its start or a missing time, next to the field, writing nothing", async () => {
    const who = a.admin.user.id;
    const bad = workingHoursSchema.safeParse({ practitionerId: who, works2: "on", start2: "14:00", end2: "09:00", works4: "on", start4: "", end4: "12:00" });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["end2", "Tue's end must be after its start"],
      ["start4", "Enter Thu's start as a time such as 09:00"],
    ]);
    expect(workingHoursSchema.safeParse({ practitionerId: who, works5: "on", start5: "10:00", end5: "10:00" }).success).toBe(false);
    expect(await hoursOf(who)).toEqual([]);
  });

  it("does not find another clinic's practitioner, and leaves their hours alone", async () => {
    const theirs = b.practitioner.user.id;
    await save(b, { practitionerId: theirs, works1: "on", start1: "07:00", end1: "15:00" });
    await expect(save(a, { practitionerId: theirs, works2: "on", start2: "09:00", end2: "17:00" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await hoursOf(theirs)).toEqual([{ weekday: 1, startsAt: "07:00:00", endsAt: "15:00:00" }]);
  });
});
