// Two app servers on one PostgreSQL database, as behind a load balancer:
// a session made on one works on the other, a sign-out on one ends it on both,
// and the sign-in throttle counts failures across both. Run by .ci/run after
// the build; needs DATABASE_URL (the runtime role), AUTH_SECRET shared by both,
// the demo clinics loaded, and optionally MIGRATION_DATABASE_URL.
//   node scripts/check-two-instances.mjs            (ports TWO_INSTANCE_PORTS, default 3121,3122)
import { spawn } from "node:child_process";

const [portA, portB] = (process.env.TWO_INSTANCE_PORTS ?? "3121,3122").split(",").map(Number);
const ACCOUNT = { email: "cara@harbour.test", password: "plumbline-demo" };
const MAX_FAILURES = 5; // lib/auth/throttle.ts

if (!process.env.DATABASE_URL || !process.env.AUTH_SECRET) {
  console.error("check-two-instances needs DATABASE_URL and AUTH_SECRET (one secret for both instances).");
  process.exit(1);
}

function startInstance(port) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  return { port, base: `http://127.0.0.1:${port}`, child, log: () => log };
}

async function waitReady(instance) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${instance.base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (instance.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${instance.port} did not become healthy:\n${instance.log()}`);
}

/** A tiny cookie jar: enough for Auth.js's csrf and session cookies. */
function makeJar() {
  const jar = new Map();
  return {
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    take(res) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const i = pair.indexOf("=");
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
  };
}

async function postAuth(instance, jar, action, fields) {
  const csrfRes = await fetch(`${instance.base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${instance.base}/api/auth/${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", ...fields }),
    redirect: "manual",
  });
  jar.take(res);
  return res;
}

const signIn = (instance, jar, email, password) => postAuth(instance, jar, "callback/credentials", { email, password });

async function sessionEmail(instance, jar) {
  const res = await fetch(`${instance.base}/api/auth/session`, { headers: { cookie: jar.header() } });
  return (await res.json())?.user?.email ?? null;
}

async function pageStatus(instance, jar, path) {
  const res = await fetch(`${instance.base}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" });
  return res.status;
}

function check(ok, message) {
  if (!ok) throw new Error(message);
  console.log(`  ok: ${message}`);
}

const a = startInstance(portA);
const b = startInstance(portB);
try {
  await Promise.all([waitReady(a), waitReady(b)]);
  console.log(`Two instances up on ${portA} and ${portB}.`);

  const jar = makeJar();
  await signIn(a, jar, ACCOUNT.email, ACCOUNT.password);
  check((await sessionEmail(a, jar)) === ACCOUNT.email, "signed in on instance A");
  check((await sessionEmail(b, jar)) === ACCOUNT.email, "instance B accepts the session made on A");
  check((await pageStatus(b, jar, "/patients")) === 200, "instance B serves a signed-in page with it");
  // The cookie as it was before sign-out, replayed on A: the revocation lives in the database.
  const copy = jar.header();
  await postAuth(b, jar, "signout", {});
  const replay = await fetch(`${a.base}/patients`, { headers: { cookie: copy }, redirect: "manual" });
  check(replay.status !== 200, "a session signed out on B no longer opens pages on A");

  const locked = `two-instances-${Date.now()}@harbour.test`;
  for (let i = 0; i < MAX_FAILURES; i++) {
    const res = await signIn(i % 2 === 0 ? a : b, makeJar(), locked, `wrong-${i}`);
    check(!(res.headers.get("location") ?? "").includes("code=throttled"), `failure ${i + 1} on ${i % 2 === 0 ? "A" : "B"} is not yet throttled`);
  }
  for (const [name, instance] of [["A", a], ["B", b]]) {
    const res = await signIn(instance, makeJar(), locked, "wrong-again");
    check((res.headers.get("location") ?? "").includes("code=throttled"), `instance ${name} throttles after ${MAX_FAILURES} failures spread over both`);
  }
  console.log("Two instances: sessions and the sign-in throttle hold across both.");
} catch (err) {
  console.error(String(err?.stack ?? err));
  console.error(`--- instance A log ---\n${a.log()}\n--- instance B log ---\n${b.log()}`);
  process.exitCode = 1;
} finally {
  for (const i of [a, b]) i.child.kill("SIGTERM");
}
