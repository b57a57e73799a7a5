import { eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { auditEvents, outboundMessages, reminderSubscriptions } from "@/db/schema";
import type { Mailer } from "@/lib/mail/deliver";
import { enqueueEmail } from "@/lib/mail/outbound";
import { getDeliveryStatus } from "@/lib/mail/queries";
import { enqueueDueReminders, optOutByToken, optOutToken, subscribeToReminders } from "@/lib/mail/reminders";
import { startMailQueue, stopMailQueue, workMailQueue, type MailQueue } from "@/lib/mail/queue";
import { NotFoundError } from "@/lib/errors";
import { emailProgrammeLink } from "@/lib/patient-links/email-link";
import { createProgrammeLink } from "@/lib/patient-links/mutations";
import { emailIntakeLink, sendIntake } from "@/lib/patient-intake/mutations";
import { saveProgramme } from "@/lib/programmes/mutations";
import { programmeFormSchema } from "@/lib/programmes/schemas";
import { getReminderSubscription, stopReminders } from "@/lib/mail/reminders";
import { submitEnquiry } from "@/lib/enquiries/mutations";
import { listReplies, replyToEnquiry } from "@/lib/enquiries/replies";
import { REPLY_TEMPLATES } from "@/lib/enquiries/reply-templates";
import { enquirySchema } from "@/lib/enquiries/schemas";
import { clinics } from "@/db/schema";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

// Retries at once, so the test waits for pg-boss's next poll only (0.5 s), not a minute.
const FAST = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };
const SECRET = "mail-test-secret-000000000000000";

type Received = { to: string[]; raw: string };

/** A real SMTP server: refuses the first RCPT for each address listed in `refuseOnce` (451), always refuses `permanent` (550) and `busy` (451). */
async function startSmtp() {
  const received: Received[] = [];
  const refuseOnce = new Set<string>();
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, cb) {
      const to = address.address;
      if (to.startsWith("permanent")) return cb(Object.assign(new Error("No such user"), { responseCode: 550 }));
      if (to.startsWith("busy")) return cb(Object.assign(new Error("Try later"), { responseCode: 451 }));
      if (to.startsWith("once") && !refused.has(to)) {
        refused.add(to);
        return cb(Object.assign(new Error("Greylisted, try later"), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const mailer: Mailer = { transport: createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }), from: "clinic@plumbline.test" };
  return { server, mailer, received, refuseOnce, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describeEachDatabase("mail queue (pg-boss)", (getDb, getConnection) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: Connection;
  let queue: MailQueue;
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;
  let linkedPatient: { id: string; programmeId: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    a = await createClinic(getDb(), "Mail A");
    b = await createClinic(getDb(), "Mail B");
    patientId = (await insertPatient(getDb(), a.admin.scope, { firstName: "Mailable" })).id;
    const robin = await insertPatient(getDb(), a.practitioner.scope, { firstName: "Robin", lastName: "Secret-Surname", email: "robin@patient.test" });
    const programmeId = await getDb().transaction((tx) =>
      saveProgramme(tx, a.practitioner.scope, programmeFormSchema.parse({ patientId: robin.id, startDate: "2026-02-09", reviewDate: "", items: [{ ref: "built-in:glute-bridge", sets: 3, reps: 10, timesPerDay: 1, daysPerWeek: 3 }] })),
    );
    linkedPatient = { id: robin.id, programmeId };
    // Everything below runs as the server does: the runtime role (no DDL) under row-level security,
    // pg-boss on the same connection (the pool on PostgreSQL, the one PGlite).
    app = await getConnection().openAsApp(3);
    queue = await startMailQueue(app, FAST);
    await workMailQueue(queue, app, smtp.mailer, 0.5);
  });
  afterAll(async () => {
    if (queue) await stopMailQueue(queue);
    await app?.close();
    await smtp?.close();
  });

  const statusOf = async (clinicId: string, id: string) => {
    const db = await app.forClinic(clinicId);
    const [row] = await db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    return row;
  };
  /** Waits until the message's row is settled (sent or failed) by the worker. */
  const settled = async (clinicId: string, id: string) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const row = await statusOf(clinicId, id);
      if (row && (row.status === "sent" || row.status === "failed")) return row;
      if (Date.now() > until) throw new Error(`message still ${row?.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const jobOf = (id: string) => queue.boss.getJobById("mail", id);
  const queueOne = (recipient: string, text = "T") =>
    app.forClinic(a.clinic.id).then((inA) => inA.transaction((tx) => enqueueEmail(tx, a.admin.scope, { recipient, purpose: "patient_link", patientId, subject: "Your programme", text }, queue)));

  it("queues nothing when the caller's transaction rolls back: no row, no job, nothing sent", async () => {
    const inA = await app.forClinic(a.clinic.id);
    let id = "";
    await expect(
      inA.transaction(async (tx) => {
        id = await enqueueEmail(tx, a.admin.scope, { recipient: "rolled@patient.test", purpose: "patient_link", subject: "S", text: "T" }, queue);
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobOf(id)).toBeNull();
    const rows = await getDeliveryStatus(inA, a.admin.scope, { limit: 100 });
    expect(rows.map((r) => r.recipient)).not.toContain("rolled@patient.test");
    await new Promise((r) => setTimeout(r, 1200));
    expect(smtp.received.flatMap((m) => m.to)).not.toContain("rolled@patient.test");
  });

  it("runs the queue as a role that cannot change its schema (no DDL at run time)", async () => {
    await expect(app.db.execute(sql`create table pgboss.not_allowed (id int)`)).rejects.toThrow();
    await expect(app.db.execute(sql`alter table pgboss.job add column not_allowed int`)).rejects.toThrow();
    expect((await queue.boss.getQueue("mail"))?.name).toBe("mail");
  });

  it("is refused when no queue runs (email off), and writes nothing", async () => {
    const inA = await app.forClinic(a.clinic.id);
    await expect(inA.transaction((tx) => enqueueEmail(tx, a.admin.scope, { recipient: "off@patient.test", purpose: "patient_link", subject: "S", text: "T" }, null))).rejects.toThrow(/Email is off/);
    expect((await getDeliveryStatus(inA, a.admin.scope, { limit: 100 })).map((r) => r.recipient)).not.toContain("off@patient.test");
  });

  it("delivers a committed email through pg-boss, retrying after the server refuses once (451): sent with attempts 2", async () => {
    const id = await queueOne("once-1@patient.test", "Open https://clinic.test/p/abc");
    const job = await jobOf(id);
    expect(job?.id).toBe(id);
    expect(job?.retryLimit).toBe(FAST.maxAttempts - 1);
    const sent = await settled(a.clinic.id, id);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastErrorCode: "smtp_451", content: null });
    expect(sent?.sentAt).toBeInstanceOf(Date);
    const mails = smtp.received.filter((m) => m.to.includes("once-1@patient.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain("https://clinic.test/p/abc");
    // The job is settled just after the handler has written the row.
    await expect.poll(async () => (await jobOf(id))?.state).toBe("completed");
    expect((await jobOf(id))?.retryCount).toBe(1);
  });

  it("fails a permanent refusal (550) at once, with no retry; the content is cleared", async () => {
    const id = await queueOne("permanent@patient.test");
    expect(await settled(a.clinic.id, id)).toMatchObject({ status: "failed", attempts: 1, lastErrorCode: "smtp_550", content: null });
    await expect.poll(async () => (await jobOf(id))?.state).toBe("failed");
    expect((await jobOf(id))?.retryCount).toBe(0);
  });

  it("gives up after the policy's last attempt (451 every time)", async () => {
    const id = await queueOne("busy@patient.test");
    expect(await settled(a.clinic.id, id)).toMatchObject({ status: "failed", attempts: FAST.maxAttempts, lastErrorCode: "smtp_451", content: null });
    await expect.poll(async () => (await jobOf(id))?.state).toBe("failed");
    expect((await jobOf(id))?.retryCount).toBe(FAST.maxAttempts - 1);
  });

  it("shows each clinic only its own delivery status", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const inB = await app.forClinic(b.clinic.id);
    expect((await getDeliveryStatus(inA, a.admin.scope)).length).toBeGreaterThan(0);
    expect(await getDeliveryStatus(inB, b.admin.scope)).toEqual([]);
    // Even asked for clinic A's scope, clinic B's handle sees nothing (row-level security).
    expect(await getDeliveryStatus(inB, a.admin.scope)).toEqual([]);
    const patientRows = await getDeliveryStatus(inA, a.admin.scope, { patientId });
    expect(patientRows.map((r) => r.status).sort()).toEqual(["failed", "failed", "sent"]);
  });

  it("emails a programme link to the patient's address: clinic name, link and expiry, nothing clinical; audited", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const scope = a.practitioner.scope;
    const link = await inA.transaction((tx) => createProgrammeLink(tx, scope, linkedPatient.programmeId));
    await expect(inA.transaction((tx) => emailProgrammeLink(tx, scope, { programmeId: linkedPatient.programmeId, token: "A".repeat(43), origin: "https://clinic.test" }, queue))).rejects.toBeInstanceOf(NotFoundError);
    const { messageId, recipient } = await inA.transaction((tx) => emailProgrammeLink(tx, scope, { programmeId: linkedPatient.programmeId, token: link.token, origin: "https://clinic.test" }, queue));
    expect(recipient).toBe("robin@patient.test");
    expect((await settled(a.clinic.id, messageId)).status).toBe("sent");
    const mail = smtp.received.find((m) => m.to.includes("robin@patient.test"))!;
    const body = mail.raw.replace(/=\r?\n/g, "");
    expect(body).toContain(`https://clinic.test/p/${link.token}`);
    expect(body).toContain("Mail A");
    expect(body).toMatch(/works until \d/);
    for (const secret of ["Secret-Surname", "Glute", "glute", "pain"]) expect(body).not.toContain(secret);
    const [audit] = await inA.select().from(auditEvents).where(eq(auditEvents.entityId, messageId));
    expect(audit).toMatchObject({ action: "create", entity: "outbound_message", patientId: linkedPatient.id, actorId: scope.userId, detail: { purpose: "patient_link", linkId: link.linkId } });
    // Clinic B cannot email clinic A's link, even holding the token.
    const inB = await app.forClinic(b.clinic.id);
    await expect(inB.transaction((tx) => emailProgrammeLink(tx, b.practitioner.scope, { programmeId: linkedPatient.programmeId, token: link.token, origin: "https://clinic.test" }, queue))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("emails an intake link: clinic name, link, one use and expiry, no red-flag question or surname; audited; not another clinic's", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const scope = a.practitioner.scope;
    const intake = await inA.transaction((tx) => sendIntake(tx, scope, { patientId: linkedPatient.id }));
    await expect(inA.transaction((tx) => emailIntakeLink(tx, scope, { patientId: linkedPatient.id, token: "A".repeat(43), origin: "https://clinic.test" }, queue))).rejects.toBeInstanceOf(NotFoundError);
    const { messageId, recipient } = await inA.transaction((tx) => emailIntakeLink(tx, scope, { patientId: linkedPatient.id, token: intake.token, origin: "https://clinic.test" }, queue));
    expect(recipient).toBe("robin@patient.test");
    expect((await settled(a.clinic.id, messageId)).status).toBe("sent");
    const mail = smtp.received.find((m) => m.raw.replace(/=\r?\n/g, "").includes(`/p/${intake.token}`))!;
    const body = mail.raw.replace(/=\r?\n/g, "");
    expect(body).toContain(`https://clinic.test/p/${intake.token}`);
    expect(body).toContain("Before your first visit to Mail A");
    expect(body).toMatch(/works once, until \d/);
    for (const secret of ["Secret-Surname", "bladder", "cancer", "Oswestry"]) expect(body).not.toContain(secret);
    const [audit] = await inA.select().from(auditEvents).where(eq(auditEvents.entityId, messageId));
    expect(audit).toMatchObject({ action: "create", entity: "outbound_message", patientId: linkedPatient.id, detail: { purpose: "patient_link", linkId: intake.linkId } });
    const inB = await app.forClinic(b.clinic.id);
    await expect(inB.transaction((tx) => emailIntakeLink(tx, b.practitioner.scope, { patientId: linkedPatient.id, token: intake.token, origin: "https://clinic.test" }, queue))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stops a patient's reminders from the phone page's form, and says when none were on", async () => {
    const inA = await app.forClinic(a.clinic.id);
    await inA.transaction((tx) => subscribeToReminders(tx, a.admin.scope, { patientId: linkedPatient.id, recipient: "robin@patient.test", localTime: "19:30", linkPath: "/p/x" }, SECRET));
    expect(await getReminderSubscription(inA, a.admin.scope, linkedPatient.id)).toMatchObject({ localTime: "19:30" });
    expect(await inA.transaction((tx) => stopReminders(tx, a.admin.scope, linkedPatient.id))).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getReminderSubscription(inA, a.admin.scope, linkedPatient.id)).toBeNull();
    expect(await inA.transaction((tx) => stopReminders(tx, a.admin.scope, linkedPatient.id))).toBeNull();
  });

  it("queues a due reminder once per clinic-local day, with the caller's link and a one-click opt-out that is audited", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const subId = await inA.transaction((tx) =>
      subscribeToReminders(tx, a.admin.scope, { patientId, recipient: "reminded@patient.test", localTime: "08:00", linkPath: "/p/placeholder-token" }, SECRET),
    );
    const [sub] = await inA.select().from(reminderSubscriptions).where(eq(reminderSubscriptions.id, subId));
    const token = optOutToken(subId, SECRET);
    expect(sub!.optOutTokenHash).not.toContain(token);
    expect(sub!.optOutTokenHash).toMatch(/^[0-9a-f]{64}$/);

    // Clinic time zone: Europe/London (default). 08:30 London on a summer day is 07:30 UTC.
    const opts = { baseUrl: "https://clinic.test", secret: SECRET, queue };
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T06:30:00Z") })).toBe(0);
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T07:30:00Z") })).toBe(1);
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T07:45:00Z") })).toBe(0);
    const [reminder] = (await getDeliveryStatus(inA, a.admin.scope, { patientId })).filter((r) => r.purpose === "exercise_reminder");
    expect((await settled(a.clinic.id, reminder!.id)).status).toBe("sent");
    const mail = smtp.received.find((m) => m.to.includes("reminded@patient.test"))!;
    expect(mail.raw).toContain("https://clinic.test/p/placeholder-token");
    expect(mail.raw.replace(/=\r?\n/g, "")).toContain(`/reminders/opt-out/${token}`);

    expect(await optOutByToken(app.db, app.forClinic, "x".repeat(43), "127.0.0.1")).toBe(false);
    expect(await optOutByToken(app.db, app.forClinic, token, "127.0.0.1")).toBe(true);
    const audits = await inA.select().from(auditEvents).where(eq(auditEvents.entityId, subId));
    expect(audits).toMatchObject([{ action: "update", entity: "reminder_subscription", actorId: null, actorEmail: "reminder opt-out link", patientId }]);
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-02T07:30:00Z") })).toBe(0);
    // Clicking it again still answers (the page says so) and changes nothing.
    expect(await optOutByToken(app.db, app.forClinic, token, "127.0.0.1")).toBe(true);
  });

  it("acknowledges an enquiry by email through the queue (the clinic's phone, no clinical detail), and delivers a staff reply; both kept on the enquiry", async () => {
    const inA = await app.forClinic(a.clinic.id);
    await inA.update(clinics).set({ phone: "020 7946 0001" }).where(eq(clinics.id, a.clinic.id));
    const clinic = { clinicId: a.clinic.id, name: a.clinic.name, websiteOrigin: null };
    const input = enquirySchema.parse({ name: "Robin Enquirer", phone: "07700 900123", email: "enquirer@patient.test", concern: "Sciatica down the left leg", preferredTimes: "", consent: "yes" });
    const enquiryId = await submitEnquiry(inA, clinic, input, "198.51.100.40", queue);
    const [ack] = (await listReplies(inA, a.admin.scope, [enquiryId])).get(enquiryId)!;
    expect(ack).toMatchObject({ template: "acknowledgement", channel: "email", sentBy: null });
    const ackId = (await inA.select({ id: outboundMessages.id }).from(outboundMessages).where(eq(outboundMessages.recipient, "enquirer@patient.test")))[0]!.id;
    expect((await settled(a.clinic.id, ackId)).status).toBe("sent");
    const ackMail = smtp.received.find((m) => m.to.includes("enquirer@patient.test"))!.raw.replace(/=\r?\n/g, "");
    expect(ackMail).toContain("Hello Robin,");
    expect(ackMail).toContain("020 7946 0001");
    expect(ackMail).not.toContain("Sciatica");

    const body = "Hello Robin, we can see you on Tuesday at 10:00. Reply to confirm.";
    await inA.transaction((tx) => replyToEnquiry(tx, a.practitioner.scope, { enquiryId, template: REPLY_TEMPLATES[0]!.key, channel: "email", body }, queue));
    const replies = (await listReplies(inA, a.admin.scope, [enquiryId])).get(enquiryId)!;
    expect(replies.map((r) => [r.template, r.channel])).toEqual([["acknowledgement", "email"], [REPLY_TEMPLATES[0]!.key, "email"]]);
    const ids = await inA.select({ id: outboundMessages.id }).from(outboundMessages).where(eq(outboundMessages.recipient, "enquirer@patient.test"));
    for (const { id } of ids) expect((await settled(a.clinic.id, id)).status).toBe("sent");
    const replyMail = smtp.received.filter((m) => m.to.includes("enquirer@patient.test"))[1]!.raw.replace(/=\r?\n/g, "");
    expect(replyMail).toContain("Tuesday at 10:00");
    expect((await listReplies(inA, a.admin.scope, [enquiryId])).get(enquiryId)!.map((r) => r.delivery)).toEqual(["sent", "sent"]);
  });
});
