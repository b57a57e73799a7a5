/** The largest server-action body accepted; next.config.ts and the proxy both read it. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
