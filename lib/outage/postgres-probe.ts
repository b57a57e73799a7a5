import postgres from "postgres";

const PROBE_TIMEOUT_MS = 3_000;

/**
 * The proxy's probe for PostgreSQL, on its own single connection: through the
 * app's pool a `select 1` would queue behind busy pages and a loaded server
 * would look like an outage. The embedded database lives in the process and
 * cannot stop answering on its own, so it needs no probe.
 */
export function createPostgresProbe(url: string): () => Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: PROBE_TIMEOUT_MS / 1000, idle_timeout: 60, onnotice: () => {} });
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    try {
      return await Promise.race([sql`select 1`.then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
}
