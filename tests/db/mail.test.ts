import { eq } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { auditEvents, outboundMessages, reminderSubscriptions } from "@/db/schema";
import type { Mailer } from "@/lib/mail/deliver";
import { enqueueEmail } from "@/lib/mail/outbound";
import { getDeliveryStatus } from "@/lib/mail/queries";
import { enqueueDueReminders, optOutByToken, optOutToken, subscribeToReminders } from "@/lib/mail/reminders";
import { runMailOnce } from "@/lib/mail/worker";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

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

describeEachDatabase("mail queue", (getDb, getConnection) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: Connection;
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    a = await createClinic(getDb(), "Mail A");
    b = await createClinic(getDb(), "Mail B");
    patientId = (await insertPatient(getDb(), a.admin.scope, { firstName: "Mailable" })).id;
    // Everything below runs as the server does: the runtime role under row-level security.
    app = await getConnection().openAsApp(2);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const statusOf = async (clinicId: string, id: string) => {
    const db = await app.forClinic(clinicId);
    const [row] = await db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    return row;
  };

  it("retries after the server refuses once (451): queued -> retrying -> sent, and the email arrives", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const id = await inA.transaction((tx) =>
      enqueueEmail(tx, a.admin.scope, { recipient: "once-1@patient.test", purpose: "patient_link", patientId, subject: "Your programme", text: "Open https://clinic.test/p/abc" }),
    );
    expect((await statusOf(a.clinic.id, id))?.status).toBe("queued");

    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual(["retrying"]);
    const retrying = await statusOf(a.clinic.id, id);
    expect(retrying).toMatchObject({ status: "retrying", attempts: 1, lastErrorCode: "smtp_451", sentAt: null });
    expect(smtp.received).toHaveLength(0);

    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual(["sent"]);
    const sent = await statusOf(a.clinic.id, id);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, content: null });
    expect(sent?.sentAt).toBeInstanceOf(Date);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["once-1@patient.test"]);
    expect(smtp.received[0]!.raw).toContain("https://clinic.test/p/abc");
    // Nothing left to do.
    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual([]);
  });

  it("waits for the backoff before trying again", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const id = await inA.transaction((tx) => enqueueEmail(tx, a.admin.scope, { recipient: "once-2@patient.test", purpose: "patient_link", subject: "S", text: "T" }));
    expect(await runMailOnce(app, smtp.mailer, { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 })).toEqual(["retrying"]);
    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual([]);
    const row = await statusOf(a.clinic.id, id);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await (await app.forClinic(a.clinic.id)).update(outboundMessages).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outboundMessages.id, id));
    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual(["sent"]);
  });

  it("gives up after the last attempt, and at once on a permanent refusal (550); the content is cleared", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const busy = await inA.transaction((tx) => enqueueEmail(tx, a.admin.scope, { recipient: "busy@patient.test", purpose: "patient_link", subject: "S", text: "T" }));
    const gone = await inA.transaction((tx) => enqueueEmail(tx, a.admin.scope, { recipient: "permanent@patient.test", purpose: "patient_link", subject: "S", text: "T" }));
    await runMailOnce(app, smtp.mailer, FAST);
    expect(await statusOf(a.clinic.id, gone)).toMatchObject({ status: "failed", attempts: 1, lastErrorCode: "smtp_550", content: null });
    await runMailOnce(app, smtp.mailer, FAST);
    await runMailOnce(app, smtp.mailer, FAST);
    expect(await statusOf(a.clinic.id, busy)).toMatchObject({ status: "failed", attempts: 3, lastErrorCode: "smtp_451", content: null });
    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual([]);
  });

  it("queues nothing when the caller's transaction rolls back", async () => {
    const inA = await app.forClinic(a.clinic.id);
    await expect(
      inA.transaction(async (tx) => {
        await enqueueEmail(tx, a.admin.scope, { recipient: "rolled@patient.test", purpose: "patient_link", subject: "S", text: "T" });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    const rows = await getDeliveryStatus(inA, a.admin.scope, { limit: 100 });
    expect(rows.map((r) => r.recipient)).not.toContain("rolled@patient.test");
  });

  it("shows each clinic only its own delivery status", async () => {
    const inA = await app.forClinic(a.clinic.id);
    const inB = await app.forClinic(b.clinic.id);
    expect((await getDeliveryStatus(inA, a.admin.scope)).length).toBeGreaterThan(0);
    expect(await getDeliveryStatus(inB, b.admin.scope)).toEqual([]);
    // Even asked for clinic A's scope, clinic B's handle sees nothing (row-level security).
    expect(await getDeliveryStatus(inB, a.admin.scope)).toEqual([]);
    const patientRows = await getDeliveryStatus(inA, a.admin.scope, { patientId });
    expect(patientRows.map((r) => r.status)).toEqual(["sent"]);
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
    const opts = { baseUrl: "https://clinic.test", secret: SECRET };
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T06:30:00Z") })).toBe(0);
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T07:30:00Z") })).toBe(1);
    expect(await enqueueDueReminders(app.db, app.forClinic, { ...opts, now: new Date("2026-07-01T07:45:00Z") })).toBe(0);
    expect(await runMailOnce(app, smtp.mailer, FAST)).toEqual(["sent"]);
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
});
