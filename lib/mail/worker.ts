import type { Connection } from "@/db/client";
import { getEnv, isEmailEnabled, resolveAuthSecret } from "@/lib/env";
import { deliverMessage, dueMessages, type Mailer } from "./deliver";
import { MAIL_RETRY, type RetryPolicy } from "./policy";
import { enqueueDueReminders } from "./reminders";

type Access = Pick<Connection, "db" | "forClinic">;

/** One pass of the scheduler: every due message is tried once. Returns the outcomes in order. */
export async function runMailOnce(conn: Access, mailer: Mailer, policy: RetryPolicy = MAIL_RETRY): Promise<string[]> {
  const outcomes: string[] = [];
  for (const { id, clinicId } of await dueMessages(conn.db)) {
    outcomes.push(await deliverMessage(await conn.forClinic(clinicId), id, mailer, policy));
  }
  return outcomes;
}

export async function createMailer(): Promise<Mailer | null> {
  if (!isEmailEnabled()) return null;
  const { createTransport } = await import("nodemailer");
  const env = getEnv();
  return { transport: createTransport(env.SMTP_URL!), from: env.MAIL_FROM! };
}

const TICK_MS = 15_000;
const REMINDER_TICK_MS = 60_000;

/**
 * Started with the server when email is on: tries due messages every 15 s and
 * queues due reminders every minute. Timers never keep the process alive; a
 * failed pass (the database is down) waits for the next. Logs carry no address
 * and no content.
 */
export async function startMailWorker(conn: Access): Promise<boolean> {
  const mailer = await createMailer();
  if (!mailer) return false;
  const secret = resolveAuthSecret();
  const baseUrl = `http://localhost:${getEnv().PORT}`;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runMailOnce(conn, mailer);
    } catch {
      // The next tick tries again; the rows keep their status.
    } finally {
      busy = false;
    }
  };
  const remind = () => {
    enqueueDueReminders(conn.db, conn.forClinic, { now: new Date(), baseUrl, secret }).catch(() => {});
  };
  setInterval(tick, TICK_MS).unref();
  setInterval(remind, REMINDER_TICK_MS).unref();
  void tick();
  return true;
}
