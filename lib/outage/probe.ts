/**
 * Whether the database answers, as the proxy asks it before every page and
 * route. The probe itself is registered at start-up (instrumentation runs in
 * the same process, so globalThis is shared) and keeps the proxy bundle free
 * of database drivers. A good answer is trusted for a second, so under load
 * the probe costs at most one `select 1` a second; while the database is
 * down, concurrent requests share one pending probe.
 */
type Probe = () => Promise<boolean>;
type ProbeState = { probe?: Probe; upUntil: number; pending?: Promise<boolean> };

const TRUST_UP_MS = 1_000;
const holder = globalThis as { __plumblineProbe?: ProbeState };
const state: ProbeState = (holder.__plumblineProbe ??= { upUntil: 0 });

export function registerDatabaseProbe(probe: Probe): void {
  state.probe = probe;
}

export async function isDatabaseAnswering(): Promise<boolean> {
  const { probe } = state;
  // Not registered (a build, or before start-up): let the request try for itself.
  if (!probe || Date.now() < state.upUntil) return true;
  state.pending ??= probe()
    .then((up) => {
      if (up) state.upUntil = Date.now() + TRUST_UP_MS;
      return up;
    })
    .catch(() => false)
    .finally(() => {
      state.pending = undefined;
    });
  return state.pending;
}
