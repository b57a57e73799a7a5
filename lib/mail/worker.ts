import type { Connection } from "@/db/client";
import { getEnv, isEmailEnabled, resolveAuthSecret } from "@/lib/env";
import type { Mailer } from "./deliver";
import { setMailQueue, startMailQueue, workMailQueue } from "./queue";
import { enqueueDueReminders } from "./reminders";

type Access = Pick<Connection, "db" | "forClinic" | "kind" | "jobDb">;

export async function createMailer(): Promise<Mailer | null> {
  if (!isEmailEnabled()) return null;
  const { createTransport } = await import("nodemailer");
  const env = getEnv();
  return { transport: createTransport(env.SMTP_URL!), from: env.MAIL_FROM! };
}

const REMINDER_TICK_MS = 60_000;

/**
 * Started with the server when email is on: pg-boss (lib/mail/queue.ts) on
 * the app's database works the mail queue, and once a minute the due
 * reminders are queued (each is claimed for its day in the same transaction
 * that queues it, so several servers queue it once). The timer never keeps
 * the process alive; logs carry no address and no content.
 */
export async function startMailWorker(conn: Access): Promise<boolean> {
  const mailer = await createMailer();
  if (!mailer) return false;
  const queue = await startMailQueue(conn);
  setMailQueue(queue);
  await workMailQueue(queue, conn, mailer);
  const secret = resolveAuthSecret();
  const baseUrl = `http://localhost:${getEnv().PORT}`;
  const remind = () => {
    enqueueDueReminders(conn.db, conn.forClinic, { now: new Date(), baseUrl, secret }).catch(() => {});
  };
  setInterval(remind, REMINDER_TICK_MS).unref();
  return true;
}
