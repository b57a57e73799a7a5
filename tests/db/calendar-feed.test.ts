import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { calendarFeeds, decompressionCourses, treatmentTables } from "@/db/schema";
import { bookCourse } from "@/lib/calendar/course-booking";
import { createFeed, hashFeedToken, renderFeed, revokeFeed } from "@/lib/calendar/feed";
import { bookCourseSchema } from "@/lib/calendar/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

describeEachDatabase("calendar feed", (getDb, getConnection) => {
  let clinic: Awaited<ReturnType<typeof createClinic>>;
  const now = new Date("2027-02-01T08:00:00Z");

  beforeAll(async () => {
    clinic = await createClinic(getDb(), "Feed clinic");
    const scope = clinic.practitioner.scope;
    const [table] = await getDb().insert(treatmentTables).values({ clinicId: scope.clinicId, name: "Table; North, 1" }).returning();
    const p = await insertPatient(getDb(), scope, { firstName: "Imogen", lastName: "Fairweather" });
    const [course] = await getDb()
      .insert(decompressionCourses)
      .values({ clinicId: scope.clinicId, patientId: p.id, practitionerId: scope.userId, region: "lumbar", targetLevel: "L4-L5", plannedSessions: 12, sessionsPerWeek: 3, startDate: "2027-01-01", initialParameters: {}, screening: {} })
      .returning();
    const input = bookCourseSchema.parse({ courseId: course!.id, fromDate: "2027-02-01", weekdays: ["1", "3", "5"], time: "10:00", treatmentTableId: table!.id, count: "3", durationMin: "20" });
    await getDb().transaction((tx) => bookCourse(tx, scope, input));
  });

  // The feed is served by the app's runtime role, under row-level security, as in production.
  // (Opened once, after every owner write: on PGlite the app role keeps the one session.)
  let app: Connection;
  let tokens: { current: string; replaced: string; revoked: string; admin: string };
  let hashes: { hash: string; active: boolean }[];
  beforeAll(async () => {
    const p = clinic.practitioner.scope;
    const replaced = await getDb().transaction((tx) => createFeed(tx, p));
    const current = await getDb().transaction((tx) => createFeed(tx, p));
    const revoked = await getDb().transaction((tx) => createFeed(tx, clinic.admin.scope));
    await getDb().transaction((tx) => revokeFeed(tx, clinic.admin.scope));
    const admin = await getDb().transaction((tx) => createFeed(tx, clinic.admin.scope));
    tokens = { current, replaced, revoked, admin };
    hashes = (await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, clinic.practitioner.user.id))).map((r) => ({ hash: r.tokenHash, active: r.active }));
    app = await getConnection().openAsApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  const fetchFeed = (token: string) => renderFeed(app, token, "plumbline.test", now);

  it("serves the practitioner's bookings as iCalendar a real parser reads, with no clinical data", async () => {
    const body = await fetchFeed(tokens.current);
    expect(body).not.toBeNull();
    expect(body!).toContain("\r\n");
    const calendar = new ICAL.Component(ICAL.parse(body!));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.summary)).toEqual(Array(3).fill("Decompression session: Imogen F."));
    // The escaped location comes back whole: the clinic and the table.
    expect(events[0]!.location).toBe(`${clinic.clinic.name}, Table; North, 1`);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2027-02-01T10:00:00.000Z");
    expect(events[0]!.startDate.zone.tzid).toBe("UTC");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2027-02-01T10:20:00.000Z");
    expect(body).not.toMatch(/Fairweather|L4-L5|lumbar|force/i);
  });

  it("keeps only the token's hash, one active per practitioner", () => {
    expect(hashes.some((r) => r.hash === tokens.current)).toBe(false);
    expect(hashes.filter((r) => r.active).map((r) => r.hash)).toEqual([hashFeedToken(tokens.current)]);
  });

  it("opens nothing for a replaced or revoked token", async () => {
    expect(await fetchFeed(tokens.replaced)).toBeNull();
    expect(await fetchFeed(tokens.revoked)).toBeNull();
  });

  it("opens nothing for an unknown or malformed token", async () => {
    expect(await fetchFeed("x".repeat(43))).toBeNull();
    expect(await fetchFeed("../../etc")).toBeNull();
  });

  it("shows one practitioner only their own bookings", async () => {
    const body = await fetchFeed(tokens.admin);
    expect(new ICAL.Component(ICAL.parse(body!)).getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
