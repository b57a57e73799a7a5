import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Configuration read once from the environment, with a clear message at
 * start-up when something is wrong rather than a failure deep in a request.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The owner that runs migrations; unset: DATABASE_URL (a one-role set-up, warned about at start).
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "MIGRATION_DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  APP_DB_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "APP_DB_ROLE must be a lower-case role name (letters, digits, _)")
    .default("plumbline_app"),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  PGLITE_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  AUTH_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  // Absolute session lifetime, however active: a new sign-in after this long.
  AUTH_MAX_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(12),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Email (optional): both set, or neither (then the app offers copy-link and QR only).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .email("MAIL_FROM must be an email address")
    .optional()
    .or(z.literal("").transform(() => undefined)),
}).refine((e) => Boolean(e.SMTP_URL) === Boolean(e.MAIL_FROM), {
  message: "set SMTP_URL and MAIL_FROM together (or neither: email off)",
  path: ["SMTP_URL"],
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Plumbline configuration is invalid:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Whether the app can send email; without it the UI offers copy-link and QR only. */
export function isEmailEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.SMTP_URL && env.MAIL_FROM);
}

export function isEmbedded(): boolean {
  return !getEnv().DATABASE_URL;
}

/**
 * Where migrations run on PostgreSQL: the owner's URL, else the runtime one.
 * Undefined on the embedded database, whose one opener is its own owner.
 */
export function getMigrationUrl(): string | undefined {
  const env = getEnv();
  return env.DATABASE_URL ? (env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL) : undefined;
}

export function getDataDir(): string {
  return path.resolve(getEnv().PGLITE_DIR);
}

/**
 * The secret that signs session tokens. On PostgreSQL it must be given; on the
 * embedded database one is generated once and kept beside the data, so a
 * restart keeps everyone signed in.
 */
export function resolveAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!isEmbedded()) {
    throw new Error(
      "AUTH_SECRET is required when DATABASE_URL is set. Generate one with: openssl rand -base64 33",
    );
  }
  const dir = getDataDir();
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  return secret;
}
