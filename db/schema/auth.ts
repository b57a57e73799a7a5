import { bigint, boolean, index, inet, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./clinics";

/**
 * Sign-in and second-factor attempts per key (account-and-address, address),
 * in fixed 15-minute windows. An attempt is counted by one upsert before the
 * secret is checked, so concurrent requests on any number of instances cannot
 * overrun the limit (lib/auth/throttle.ts).
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

/**
 * One row per sign-in. The JWT cookie carries only its id, so a session can
 * be ended on the server (sign-out, password change, factor reset) and its
 * second factor is recorded here, out of the client's reach.
 */
export const authSessions = pgTable(
  "auth_session",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null until the second factor is given (or when the account has none). */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: inet("ip"),
    /** The WebAuthn challenge this session was last given, consumed by its answer. */
    webauthnChallenge: text("webauthn_challenge"),
    webauthnChallengeAt: timestamp("webauthn_challenge_at", { withTimezone: true }),
  },
  (t) => [index("auth_session_user_idx").on(t.userId, t.createdAt)],
);

/** A staff member's TOTP key, AES-GCM encrypted with a key derived from AUTH_SECRET. */
export const mfaTotp = pgTable("mfa_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text("secret_enc").notNull(),
  /** Null while enrolment waits for its first correct code. */
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last accepted 30-second step: a code of that step or earlier is a replay. */
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as SHA-256 digests, each usable once. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_code",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Passkeys (WebAuthn credentials); a user may hold several, each named. */
export const passkeys = pgTable(
  "passkey",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The credential id, base64url, as the authenticator reports it. */
    credentialId: text("credential_id").notNull(),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: jsonb("transports").$type<string[]>().notNull().default([]),
    name: text("name").notNull(),
    backedUp: boolean("backed_up").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("passkey_credential_id_key").on(t.credentialId), index("passkey_user_idx").on(t.userId)],
);

export type AuthSession = typeof authSessions.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
