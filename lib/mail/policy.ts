/**
 * How often and when a message is tried again. One policy for both engines:
 * the worker (lib/mail/worker.ts) only asks this module.
 */
export const MAIL_RETRY = {
  maxAttempts: 5,
  /** The wait after the first failed attempt; it doubles with each further failure. */
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
} as const;

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

/** The wait after `attempts` failed attempts (1, 2, ...): base * 2^(attempts-1), capped. */
export function retryDelayMs(attempts: number, policy: RetryPolicy = MAIL_RETRY): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(20, n - 1));
}

/**
 * A short, content-free code for a failed attempt: the SMTP reply code or the
 * network error code, never the server's text (it can echo the address).
 */
export function errorCode(err: unknown): string {
  const e = err as { responseCode?: number; code?: string } | null;
  if (e && typeof e.responseCode === "number") return `smtp_${e.responseCode}`;
  if (e && typeof e.code === "string" && /^[A-Z_]{2,32}$/.test(e.code)) return e.code.toLowerCase();
  return "unknown";
}

/** SMTP 5xx (apart from a few) is permanent: trying again will not help. */
export function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600 && code !== 554;
}
