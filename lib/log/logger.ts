import pino from "pino";

/**
 * The server's one structured logger (JSON lines on stdout). Patient data
 * never belongs in a log line; the redaction below is a second net for a
 * field that slips through, not permission to log records.
 */
export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "csrfToken",
  "secret",
  "authorization",
  "cookie",
  "email",
  "name",
  "firstName",
  "lastName",
  "dateOfBirth",
  "phone",
  "address",
  "notes",
  "note",
  "q",
  "query",
  "search",
  "params",
  "detail",
];

const paths = [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), ...REDACTED_KEYS.map((k) => `*.*.${k}`)];

type Holder = { __plumblineLogger?: pino.Logger };
const holder = globalThis as Holder;

export const logger: pino.Logger = (holder.__plumblineLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "plumbline" },
  redact: { paths, censor: "[redacted]" },
}));
