DROP INDEX "outbound_message_due_idx";--> statement-breakpoint
ALTER TABLE "outbound_message" DROP COLUMN "next_attempt_at";
--> statement-breakpoint
-- hand-written: the in-process scheduler's due list is gone; pg-boss (schema pgboss, installed by
-- db/job-queue.ts after the migrations) decides when a message is tried again.
DROP FUNCTION IF EXISTS due_outbound_messages(integer);
