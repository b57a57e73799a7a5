import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-in attempts, kept in the database so the throttle holds across
 * server instances. Rows older than the window are pruned on write.
 */
export const loginFailures = pgTable(
  "login_failure",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_failure_email_at_idx").on(t.email, t.at)],
);
