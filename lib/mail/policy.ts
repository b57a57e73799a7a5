/**
 * How often and when a message is tried again: the one owner of these numbers.
 * pg-boss carries them out (jobRetryOptions, given with every job sent), on
 * both engines.
 */
export const MAIL_RETRY = {
  maxAttempts: 5,
  /** The wait after the first failed attempt; it doubles with each further failure (pg-boss adds up to as much again as jitter). */
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
} as const;

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

/**
 * The policy as pg-boss job options (seconds): maxAttempts tries in all, so
 * maxAttempts - 1 retries; exponential backoff from the base delay, capped.
 * A base of 0 retries at once (tests).
 */
export function jobRetryOptions(policy: RetryPolicy = MAIL_RETRY) {
  const base = Math.round(policy.baseDelayMs / 1000);
  const retryLimit = Math.max(0, policy.maxAttempts - 1);
  // pg-boss takes a cap only with backoff.
  if (base === 0) return { retryLimit, retryDelay: 0, retryBackoff: false };
  return { retryLimit, retryDelay: base, retryBackoff: true, retryDelayMax: Math.max(base, Math.round(policy.maxDelayMs / 1000)) };
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
