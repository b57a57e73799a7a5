import { sql } from "drizzle-orm";
import type { JobResult, JobWithMetadata, PgBoss } from "pg-boss";
import type { Connection, Queryable } from "@/db/client";
import { createJobBoss, JOB_QUEUES } from "@/db/job-queue";
import { deliverMessage, type DeliveryOutcome, type Mailer } from "./deliver";
import { jobRetryOptions, MAIL_RETRY, type RetryPolicy } from "./policy";

/** A mail job carries the message id as its own id, and the clinic to work it in: nothing else. */
type MailJob = { clinicId: string };

/** The started pg-boss instance email goes through, and the retry policy every job it sends carries. */
export type MailQueue = { boss: PgBoss; policy: RetryPolicy };

// On globalThis: the instrumentation hook starts it, route and action bundles send through it.
const holder = globalThis as { __plumblineMailQueue?: MailQueue | null };

export function getMailQueue(): MailQueue | null {
  return holder.__plumblineMailQueue ?? null;
}

export function setMailQueue(queue: MailQueue | null): void {
  holder.__plumblineMailQueue = queue;
}

/**
 * Starts pg-boss on the app's own connection (the pool on PostgreSQL, the one
 * PGlite in process), as the runtime role. Started before anything is sent:
 * its queue cache is filled at start, so a send inside a caller's transaction
 * never has to look a queue up outside it (on PGlite that lookup would wait
 * for the transaction it sits in).
 */
export async function startMailQueue(conn: Pick<Connection, "kind" | "jobDb">, policy: RetryPolicy = MAIL_RETRY): Promise<MailQueue> {
  const boss = await createJobBoss(await conn.jobDb(), conn.kind);
  // pg-boss's own errors (a poll while the database is down): the code only, never job data.
  boss.on("error", (err: Error & { code?: string }) => console.warn(`Mail queue: ${err.code ?? "error"} (pg-boss tries again by itself)`));
  await boss.start();
  return { boss, policy };
}

export async function stopMailQueue(queue: MailQueue): Promise<void> {
  await queue.boss.stop({ graceful: true, timeout: 5_000, close: false });
}

/**
 * Sends the message's job through the caller's transaction (pg-boss's
 * drizzle adapter): it exists only if that transaction commits. The job id is
 * the message id, so the same message is never queued twice.
 */
export async function sendMailJob(tx: Queryable, queue: MailQueue, messageId: string, clinicId: string): Promise<void> {
  const { fromDrizzle } = await import("pg-boss");
  await queue.boss.send(JOB_QUEUES.mail, { clinicId }, { id: messageId, db: fromDrizzle(tx as never, sql as never), ...jobRetryOptions(queue.policy) });
}

/** How a delivery outcome settles its job: a retry, a terminal failure (no retry left to waste), or done. */
function settle(outcome: DeliveryOutcome): JobResult["status"] {
  if (outcome === "retrying") return "failed";
  if (outcome === "failed") return "deadletter";
  return "completed";
}

/**
 * Works the mail queue: each job runs the one handler, deliverMessage, inside
 * the message's clinic. A temporary refusal fails the job, and pg-boss tries
 * it again with the policy's backoff; a permanent one (or the last attempt)
 * ends it at once. Returns the worker id.
 */
export async function workMailQueue(queue: MailQueue, access: Pick<Connection, "forClinic">, mailer: Mailer, pollingIntervalSeconds = 2): Promise<string> {
  return queue.boss.work(
    JOB_QUEUES.mail,
    { batchSize: 1, perJobResults: true, includeMetadata: true, pollingIntervalSeconds },
    async (jobs: JobWithMetadata<MailJob>[]) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        const db = await access.forClinic(job.data.clinicId);
        const outcome = await deliverMessage(db, job.id, mailer, { last: job.retryCount >= job.retryLimit });
        results.push({ id: job.id, status: settle(outcome), output: { outcome } });
      }
      return results;
    },
  );
}
