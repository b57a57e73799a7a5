import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, clinics, enquiries, enquiryReplies, outboundMessages } from "@/db/schema";
import { listReplies, replySchema, replyToEnquiry } from "@/lib/enquiries/replies";
import { REPLY_TEMPLATES } from "@/lib/enquiries/reply-templates";
import { RuleError } from "@/lib/errors";
import { linkEnquiryToPatient, purgeExpiredEnquiries, reserveEnquiry, setEnquiryRetention, setEnquiryStatus, submitEnquiry } from "@/lib/enquiries/mutations";
import { NotFoundError } from "@/lib/errors";
import { countOverdueEnquiries, enquiryClock, findClinicBySlug, getEnquiry, listEnquiries } from "@/lib/enquiries/queries";
import { CONSENT_TEXT, CONSENT_VERSION, ENQUIRY_ADDRESS_LIMIT, MIN_FILL_SECONDS, enquirySchema } from "@/lib/enquiries/schemas";
import { isSpam, issueFormStamp } from "@/lib/enquiries/spam";
import { getEnquiryPageSettings, saveEnquiryPageSettings } from "@/lib/enquiries/page-settings";
import { isUniqueViolation } from "@/lib/db-errors";
import { createClinic, insertPatient } from "./fixtures";
import { appRunner, describeEachDatabase } from "./harness";

const input = (over: Record<string, string> = {}) =>
  enquirySchema.parse({ name: "Robin Enquirer", phone: "07700 900123", email: "", concern: "Low back pain for 3 weeks", preferredTimes: "mornings", consent: "yes", ...over });

describeEachDatabase("enquiries", (getDb, getConnection, target) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  const slugA = `enq-a-${Date.now()}`;
  const slugB = `enq-b-${Date.now()}`;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Enquiries A");
    b = await createClinic(getDb(), "Enquiries B");
    await getDb().update(clinics).set({ slug: slugA }).where(eq(clinics.id, a.clinic.id));
    await getDb().update(clinics).set({ slug: slugB, enquiryRetentionDays: 30 }).where(eq(clinics.id, b.clinic.id));
  });

  const withApp = appRunner(getDb, getConnection, target);

  it("finds a clinic by its slug as the runtime role, and no clinic for an unknown or malformed one", async () => {
    const [found, unknown, malformed] = await withApp(async (app) => [
      await findClinicBySlug(app.db, slugA), await findClinicBySlug(app.db, "no-such-clinic"), await findClinicBySlug(app.db, "Bad Slug'--"),
    ]);
    expect(found).toEqual({ clinicId: a.clinic.id, name: a.clinic.name, websiteOrigin: null });
    expect(unknown).toBeNull();
    expect(malformed).toBeNull();
  });

  it("saves the page's address and website as an admin, audited; another clinic's address is refused by the unique index", async () => {
    const c = await createClinic(getDb(), "Enquiry page C");
    await getDb().transaction((tx) => saveEnquiryPageSettings(tx, c.admin.scope, { slug: `c-${slugA}`, websiteOrigin: "https://www.clinic-c.example", phone: "020 7946 0000" }));
    expect(await getEnquiryPageSettings(getDb(), c.admin.scope)).toEqual({ slug: `c-${slugA}`, websiteOrigin: "https://www.clinic-c.example", phone: "020 7946 0000" });
    const found = await withApp((app) => findClinicBySlug(app.db, `c-${slugA}`));
    expect(found).toEqual({ clinicId: c.clinic.id, name: c.clinic.name, websiteOrigin: "https://www.clinic-c.example" });
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, c.clinic.id), sql`${auditEvents.detail}->>'setting' = 'enquiry-page'`));
    expect(audit).toMatchObject({ action: "update", actorId: c.admin.user.id });
    const taken = await getDb()
      .transaction((tx) => saveEnquiryPageSettings(tx, c.admin.scope, { slug: slugA, websiteOrigin: null, phone: null }))
      .catch((err: unknown) => err);
    expect(isUniqueViolation(taken, "clinic_slug_key")).toBe(true);
    // The database refuses a website that is no origin even if a code path skipped the form's check.
    await expect(getDb().update(clinics).set({ websiteOrigin: "https://example.com/path" }).where(eq(clinics.id, c.clinic.id))).rejects.toThrow();
  });

  it("stores a submission with the consent text and version, audited as the public actor, in its clinic only", async () => {
    const { id, row, seenByB, listB, listA } = await withApp(async (app) => {
      const clinic = (await findClinicBySlug(app.db, slugA))!;
      const id = await submitEnquiry(await app.forClinic(a.clinic.id), clinic, input(), "198.51.100.7");
      const dbB = await app.forClinic(b.clinic.id);
      return {
        id,
        row: await getEnquiry(await app.forClinic(a.clinic.id), a.admin.scope, id),
        seenByB: await getEnquiry(dbB, b.admin.scope, id),
        listB: await listEnquiries(dbB, b.admin.scope),
        listA: await listEnquiries(await app.forClinic(a.clinic.id), a.admin.scope),
      };
    });
    expect(row).toMatchObject({ name: "Robin Enquirer", phone: "07700 900123", email: null, status: "new", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION });
    expect(enquiryClock(row!, new Date(row!.receivedAt.getTime() + 25 * 3_600_000))?.overdue).toBe(true);
    expect(enquiryClock(row!, new Date(row!.receivedAt.getTime() + 3_600_000))?.overdue).toBe(false);
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "enquiry"), eq(auditEvents.entityId, id)));
    expect(audit).toMatchObject({ actorKind: "public", actorId: null, action: "create", clinicId: a.clinic.id });
    expect(JSON.stringify(audit!.detail)).not.toContain("Low back");
    // Clinic B sees none of it, even asking for the id.
    expect(seenByB).toBeNull();
    expect(listB.map((e) => e.id)).not.toContain(id);
    expect(listA.map((e) => e.id)).toContain(id);
  });

  it("counts overdue new enquiries only", async () => {
    const now = new Date(Date.now() + 25 * 3_600_000);
    const count = () => withApp(async (app) => countOverdueEnquiries(await app.forClinic(a.clinic.id), a.admin.scope, now));
    const before = await count();
    await getDb().insert(enquiries).values({ clinicId: a.clinic.id, name: "x", phone: "0123456789", concern: "y", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION, status: "contacted" });
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThanOrEqual(1);
  });

  it("treats a filled honeypot, a forged or missing stamp and a too-fast post as spam", () => {
    const t0 = Date.now();
    const stamp = issueFormStamp(t0);
    expect(isSpam({ honeypot: "", stamp }, t0 + MIN_FILL_SECONDS * 1000 + 1)).toBe(false);
    expect(isSpam({ honeypot: "http://spam.test", stamp }, t0 + 60_000)).toBe(true);
    expect(isSpam({ honeypot: "", stamp }, t0 + 500)).toBe(true);
    expect(isSpam({ honeypot: "", stamp: `${t0 - 600_000}.${stamp.split(".")[1]}` }, t0 + 60_000)).toBe(true);
    expect(isSpam({ honeypot: "", stamp: null }, t0)).toBe(true);
  });

  it("limits submissions per address, through the sign-in throttle's counters", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const { answers, atB } = await withApp(async (app) => {
      const answers: boolean[] = [];
      for (let i = 0; i <= ENQUIRY_ADDRESS_LIMIT; i++) answers.push(await reserveEnquiry(app.db, a.clinic.id, ip));
      return { answers, atB: await reserveEnquiry(app.db, b.clinic.id, ip) };
    });
    expect(answers.filter(Boolean)).toHaveLength(ENQUIRY_ADDRESS_LIMIT);
    expect(answers.at(-1)).toBe(false);
    // The same address is refused at another clinic too: the address budget is shared.
    expect(atB).toBe(false);
  });

  it("deletes enquiries past their clinic's retention unless converted, audited as a count", async () => {
    const old = (days: number) => new Date(Date.now() - days * 86_400_000);
    const row = (clinicId: string, receivedAt: Date, patientId: string | null = null) => ({ clinicId, name: "Old", phone: "0123456789", concern: "old pain", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION, receivedAt, patientId });
    const patient = await insertPatient(getDb(), b.admin.scope);
    const [oldA, keptA, oldB, convertedB] = await getDb().insert(enquiries).values([
      row(a.clinic.id, old(91)), row(a.clinic.id, old(89)), row(b.clinic.id, old(31)), row(b.clinic.id, old(31)),
    ]).returning({ id: enquiries.id });
    await getDb().transaction((tx) => linkEnquiryToPatient(tx, b.admin.scope, convertedB!.id, patient.id));
    const deleted = await withApp((app) => purgeExpiredEnquiries(app.db));
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = (await getDb().select({ id: enquiries.id }).from(enquiries)).map((r) => r.id);
    expect(left).not.toContain(oldA!.id);
    expect(left).not.toContain(oldB!.id);
    expect(left).toContain(keptA!.id);
    expect(left).toContain(convertedB!.id);
    const trail = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "enquiry"), eq(auditEvents.action, "delete"), eq(auditEvents.clinicId, b.clinic.id)));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorKind: "system", reason: "retention", detail: { count: 1, retentionDays: 30 } });
    expect(await withApp((app) => purgeExpiredEnquiries(app.db))).toBe(0);
  });

  it("changes status in its own clinic only, audited; another clinic's id is not found", async () => {
    const [row] = await getDb().insert(enquiries).values({ clinicId: a.clinic.id, name: "S", phone: "0123456789", concern: "c", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION }).returning({ id: enquiries.id });
    const outcome = await withApp(async (app) => {
      await (await app.forClinic(a.clinic.id)).transaction((tx) => setEnquiryStatus(tx, a.practitioner.scope, row!.id, "contacted"));
      return (await app.forClinic(b.clinic.id)).transaction((tx) => setEnquiryStatus(tx, b.admin.scope, row!.id, "closed")).then(() => "changed", (err: unknown) => err);
    });
    expect(outcome).toBeInstanceOf(NotFoundError);
    const [after] = await getDb().select().from(enquiries).where(eq(enquiries.id, row!.id));
    expect(after).toMatchObject({ status: "contacted", statusChangedBy: a.practitioner.user.id });
    const trail = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "enquiry"), eq(auditEvents.entityId, row!.id), eq(auditEvents.action, "update")));
    expect(trail.map((t) => t.actorId)).toEqual([a.practitioner.user.id]);
  });

  it("keeps the clinic's retention setting, audited, within 1 to 3650 days", async () => {
    await withApp(async (app) => (await app.forClinic(a.clinic.id)).transaction((tx) => setEnquiryRetention(tx, a.admin.scope, 45)));
    const [clinic] = await getDb().select({ days: clinics.enquiryRetentionDays }).from(clinics).where(eq(clinics.id, a.clinic.id));
    expect(clinic?.days).toBe(45);
    await expect(getDb().update(clinics).set({ enquiryRetentionDays: 0 }).where(eq(clinics.id, a.clinic.id))).rejects.toThrow();
    await getDb().update(clinics).set({ enquiryRetentionDays: 90 }).where(eq(clinics.id, a.clinic.id));
  });

  it("keeps a staff reply on the enquiry as a noted call; a new enquiry becomes contacted; without email an emailed reply is refused at the channel", async () => {
    const [row] = await getDb()
      .insert(enquiries)
      .values({ clinicId: a.clinic.id, name: "Sam Reply", phone: "07700 900222", email: "sam@example.org", concern: "Neck", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION })
      .returning();
    const template = REPLY_TEMPLATES[0]!.key;
    const body = "Called: booked for Tuesday at 10:00.";
    expect(replySchema.safeParse({ enquiryId: row!.id, template, channel: "phone", body: "  " }).success).toBe(false);
    expect(replySchema.safeParse({ enquiryId: row!.id, template: "made-up", channel: "phone", body }).success).toBe(false);
    // Email off (no mail queue runs): refused beside the channel, nothing written.
    const refused = await getDb().transaction((tx) => replyToEnquiry(tx, a.practitioner.scope, { enquiryId: row!.id, template, channel: "email", body }, null)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).field).toBe("channel");
    await expect(getDb().transaction((tx) => replyToEnquiry(tx, b.practitioner.scope, { enquiryId: row!.id, template, channel: "phone", body }, null))).rejects.toBeInstanceOf(NotFoundError);
    // No acknowledgement either: a submission with an address gets none while email is off.
    const clinic = { clinicId: a.clinic.id, name: a.clinic.name, websiteOrigin: null };
    const submitted = await withApp(async (app) => submitEnquiry(await app.forClinic(a.clinic.id), clinic, input({ email: "robin@example.org", name: "Robin Off" }), "198.51.100.22", null));
    expect((await listReplies(getDb(), a.admin.scope, [submitted])).get(submitted)).toBeUndefined();

    await withApp(async (app) => (await app.forClinic(a.clinic.id)).transaction((tx) => replyToEnquiry(tx, a.practitioner.scope, { enquiryId: row!.id, template, channel: "phone", body }, null)));
    const replies = (await listReplies(getDb(), a.admin.scope, [row!.id])).get(row!.id)!;
    expect(replies.map((r) => [r.channel, r.delivery, r.sentBy, r.body])).toEqual([["phone", null, a.practitioner.user.id, body]]);
    const [after] = await getDb().select({ status: enquiries.status }).from(enquiries).where(eq(enquiries.id, row!.id));
    expect(after?.status).toBe("contacted");
    const trail = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entity, "enquiry_reply"), eq(auditEvents.clinicId, a.clinic.id), sql`${auditEvents.detail}->>'enquiryId' = ${row!.id}`));
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain("Tuesday");
    expect((await withApp(async (app) => listReplies(await app.forClinic(b.clinic.id), b.admin.scope, [row!.id]))).size).toBe(0);
  });

  it("the retention purge also deletes the enquirer's replies and the emails sent to them", async () => {
    const c = await createClinic(getDb(), "Enquiries purge replies");
    await getDb().transaction((tx) => setEnquiryRetention(tx, c.admin.scope, 10));
    const [old] = await getDb()
      .insert(enquiries)
      .values({ clinicId: c.clinic.id, name: "Old Enquirer", phone: "07700 900333", email: "old@example.org", concern: "Back", consentText: CONSENT_TEXT, consentVersion: CONSENT_VERSION, receivedAt: new Date(Date.now() - 11 * 86_400_000) })
      .returning();
    // As the mail queue leaves a sent reply: the message row keeps the address, content cleared.
    const [message] = await getDb().insert(outboundMessages).values({ clinicId: c.clinic.id, recipient: "old@example.org", purpose: "enquiry_reply", status: "sent", attempts: 1 }).returning();
    await getDb().insert(enquiryReplies).values({ clinicId: c.clinic.id, enquiryId: old!.id, template: REPLY_TEMPLATES[0]!.key, channel: "email", body: "Hello", outboundMessageId: message!.id, sentBy: c.practitioner.user.id });
    await withApp((app) => purgeExpiredEnquiries(app.db));
    expect(await getDb().select().from(enquiries).where(eq(enquiries.id, old!.id))).toHaveLength(0);
    expect(await getDb().select().from(enquiryReplies).where(eq(enquiryReplies.enquiryId, old!.id))).toHaveLength(0);
    expect(await getDb().select().from(outboundMessages).where(eq(outboundMessages.id, message!.id))).toHaveLength(0);
  });
});
