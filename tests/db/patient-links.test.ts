import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { adherenceEntries, auditEvents, authThrottle, patientLinks, programmeSessionLogs } from "@/db/schema";
import { recordAdherence } from "@/lib/adherence/mutations";
import { recordPatientSession } from "@/lib/adherence/patient-reported";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { adherenceFormSchema } from "@/lib/adherence/schemas";
import { LINK_ADDRESS_LIMIT, LINK_TOKEN_LIMIT } from "@/lib/auth/throttle";
import { NotFoundError } from "@/lib/errors";
import { answerWithLink } from "@/lib/patient-links/context";
import { openLinkToken, type OpenLink } from "@/lib/patient-links/gate";
import { createProgrammeLink, revokeLink } from "@/lib/patient-links/mutations";
import { loadPatientProgramme } from "@/lib/patient-links/programme-page";
import { createLinkToken, hashLinkToken } from "@/lib/patient-links/token";
import { getProgramme } from "@/lib/programmes/queries";
import { saveProgramme } from "@/lib/programmes/mutations";
import { programmeFormSchema } from "@/lib/programmes/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { appRunner, describeEachDatabase } from "./harness";

const NOW = new Date("2026-03-04T12:00:00Z"); // a Wednesday
let ipCounter = 0;
const freshIp = () => `198.51.${100 + Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describeEachDatabase("patient links", (getDb, getConnection, target) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Links A");
    b = await createClinic(getDb(), "Links B");
  });

  const withApp = appRunner(getDb, getConnection, target);

  async function programmeFor(scope: typeof a.practitioner.scope, over: { reviewDate?: string; firstName?: string } = {}) {
    const db = getDb();
    const patient = await insertPatient(db, scope, { firstName: over.firstName ?? "Robin", lastName: "Secret-Surname", dateOfBirth: "1979-04-02" });
    const programmeId = await db.transaction((tx) =>
      saveProgramme(
        tx,
        scope,
        programmeFormSchema.parse({
          patientId: patient.id,
          startDate: "2026-02-09",
          reviewDate: over.reviewDate ?? "",
          items: [
            { ref: "built-in:glute-bridge", sets: 3, reps: 10, timesPerDay: 1, daysPerWeek: 3 },
            { ref: "built-in:dead-bug", sets: 2, reps: 8, timesPerDay: 1, daysPerWeek: 3 },
          ],
        }),
      ),
    );
    return { patient, programmeId };
  }

  const share = (scope: typeof a.practitioner.scope, programmeId: string, now = NOW) => getDb().transaction((tx) => createProgrammeLink(tx, scope, programmeId, now));
  const open = (token: string, ip: string | null = freshIp(), now = NOW) => withApp((app) => openLinkToken(app.db, token, ip, now));
  const opened = async (token: string): Promise<OpenLink> => {
    const outcome = await open(token);
    if (outcome.kind !== "open") throw new Error(`link did not open: ${outcome.kind}`);
    return outcome.link;
  };

  it("stores only the token's SHA-256, and the link lasts until the review day's end in the clinic's zone", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope, { reviewDate: "2026-03-20" });
    const link = await share(a.practitioner.scope, programmeId);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await getDb().select().from(patientLinks).where(eq(patientLinks.id, link.linkId));
    expect(row?.tokenHash).toBe(hashLinkToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    // Europe/London is on GMT on 20 March 2026.
    expect(row?.expiresAt.toISOString()).toBe("2026-03-20T23:59:59.999Z");
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, link.linkId));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["create", a.practitioner.user.id]]);
  });

  it("caps a link at 90 days and refuses one whose review date has passed", async () => {
    const far = await programmeFor(a.practitioner.scope, { reviewDate: "2026-12-01" });
    expect((await share(a.practitioner.scope, far.programmeId)).expiresAt.toISOString()).toBe("2026-06-02T12:00:00.000Z");
    const overdue = await programmeFor(a.practitioner.scope, { reviewDate: "2026-03-01" });
    await expect(share(a.practitioner.scope, overdue.programmeId)).rejects.toThrow(/review date has passed/);
  });

  it("opens a live link for the runtime role with no clinic set, and names its clinic and patient", async () => {
    const { patient, programmeId } = await programmeFor(a.practitioner.scope);
    const link = await share(a.practitioner.scope, programmeId);
    const outcome = await open(link.token);
    expect(outcome).toEqual({ kind: "open", link: expect.objectContaining({ clinicId: a.clinic.id, patientId: patient.id, programmeId, purpose: "programme" }) });
    // Without the function, the runtime role sees no link at all.
    const [seen] = await withApp((app) => queryRows<{ n: number }>(app.db, sql`select count(*)::int as n from patient_link`));
    expect(seen?.n).toBe(0);
  });

  it("answers revoked, expired and unknown for what does not open", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope);
    const link = await share(a.practitioner.scope, programmeId);
    expect((await open(link.token, freshIp(), new Date(link.expiresAt.getTime() + 1000))).kind).toBe("expired");
    await getDb().transaction((tx) => revokeLink(tx, a.practitioner.scope, link.linkId, NOW));
    expect((await open(link.token)).kind).toBe("revoked");
    expect((await open(createLinkToken())).kind).toBe("unknown");
    expect((await open("not-a-token")).kind).toBe("unknown");
  });

  it("a new link revokes the programme's earlier one", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope);
    const first = await share(a.practitioner.scope, programmeId);
    const second = await share(a.practitioner.scope, programmeId);
    expect((await open(first.token)).kind).toBe("revoked");
    expect((await open(second.token)).kind).toBe("open");
  });

  it("throttles guessing per address, while real links do not use up the address's budget", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope);
    const link = await share(a.practitioner.scope, programmeId);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await open(link.token, ip)).kind).toBe("open");
    for (let i = 0; i < LINK_ADDRESS_LIMIT; i++) expect((await open(createLinkToken(), ip)).kind).toBe("unknown");
    expect((await open(createLinkToken(), ip)).kind).toBe("throttled");
    // Even a real link is refused from that address now; from another it opens.
    expect((await open(link.token, ip)).kind).toBe("throttled");
    expect((await open(link.token, freshIp())).kind).toBe("open");
    // The counters hold the token's hash, never the token.
    const keys = await getDb().select({ key: authThrottle.key }).from(authThrottle);
    expect(keys.some((k) => k.key.includes(link.token))).toBe(false);
    expect(keys.some((k) => k.key === `link:${hashLinkToken(link.token)}`)).toBe(true);
  });

  it("throttles one token however many addresses it comes from", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope);
    const { token } = await share(a.practitioner.scope, programmeId);
    const kinds = await withApp(async (app) => {
      const out: string[] = [];
      for (let i = 0; i <= LINK_TOKEN_LIMIT; i++) out.push((await openLinkToken(app.db, token, freshIp(), NOW)).kind);
      return out;
    });
    expect(kinds.slice(0, LINK_TOKEN_LIMIT).every((k) => k === "open")).toBe(true);
    expect(kinds.at(-1)).toBe("throttled");
  });

  it("a clinic B link reads clinic B only: the page shows its clinic, first name and exercises, nothing of clinic A", async () => {
    const inA = await programmeFor(a.practitioner.scope, { firstName: "Alexa" });
    const inB = await programmeFor(b.practitioner.scope, { firstName: "Bodhi" });
    const linkB = await opened((await share(b.practitioner.scope, inB.programmeId)).token);
    expect(linkB.clinicId).toBe(b.clinic.id);
    const { page, forged } = await withApp(async (app) => {
      const db = await app.forClinic(linkB.clinicId);
      return { page: await loadPatientProgramme(db, linkB), forged: await loadPatientProgramme(db, { ...linkB, programmeId: inA.programmeId }).catch((err: unknown) => err) };
    });
    expect(page.clinicName).toBe(b.clinic.name);
    expect(page.firstName).toBe("Bodhi");
    expect(JSON.stringify(page)).not.toContain("Secret-Surname");
    expect(JSON.stringify(page)).not.toContain("1979");
    expect(page.exercises.map((e) => e.name)).toHaveLength(2);
    // A link of B pointed at A's programme (as if forged) finds nothing under B's scope.
    expect(forged).toBeInstanceOf(NotFoundError);
  });

  async function logSession(link: OpenLink, over: Partial<Parameters<typeof recordPatientSession>[2]> = {}) {
    return withApp(async (app) => {
      const db = await app.forClinic(link.clinicId);
      const programme = await getProgramme(db, { clinicId: link.clinicId }, link.programmeId!);
      const input = { clientId: crypto.randomUUID(), doneOn: "2026-03-03", itemsDone: programme.items.map((i) => i.id), pain: 4, effort: "about_right" as const, note: null, ...over };
      const actor = { linkId: link.linkId, clinicId: link.clinicId, patientId: link.patientId, ip: "203.0.113.9", programmeId: link.programmeId! };
      return { result: await db.transaction((tx) => recordPatientSession(tx, actor, input, NOW)), input };
    });
  }

  it("counts a session sent twice with the same client id once, as patient-reported adherence, audited as the patient link", async () => {
    const { patient, programmeId } = await programmeFor(a.practitioner.scope);
    const link = await opened((await share(a.practitioner.scope, programmeId)).token);
    const { result, input } = await logSession(link, { pain: 6, note: "Knees a bit sore" });
    expect(result).toEqual({ duplicate: false });
    expect((await logSession(link, { clientId: input.clientId })).result).toEqual({ duplicate: true });
    const logs = await getDb().select().from(programmeSessionLogs).where(eq(programmeSessionLogs.programmeId, programmeId));
    expect(logs).toHaveLength(1);
    const weeks = await getWeeklyAdherence(getDb(), a.practitioner.scope, patient.id);
    expect(weeks.map((w) => [w.weekStart, w.sessionsDone, w.sessionsPrescribed, w.painDuring, w.note, w.patientReported])).toEqual([["2026-03-02", 1, 3, 6, "Knees a bit sore", true]]);
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, link.linkId), eq(auditEvents.action, "create")));
    // The link's own creation (by staff), then the one session, once, by the patient link.
    expect(events.sort((x, y) => x.id - y.id).map((e) => [e.actorKind, e.actorId, e.patientId, e.ip])).toEqual([
      ["staff", a.practitioner.user.id, patient.id, "127.0.0.1"],
      ["patient_link", null, patient.id, "203.0.113.9"],
    ]);
    expect(JSON.stringify(events[1]?.detail)).not.toContain("Knees");
  });

  it("adds further sessions of the week, and a session with nothing ticked does not count", async () => {
    const { patient, programmeId } = await programmeFor(a.practitioner.scope);
    const link = await opened((await share(a.practitioner.scope, programmeId)).token);
    await logSession(link, { pain: 2 });
    await logSession(link, { doneOn: "2026-03-04", pain: 5 });
    await logSession(link, { doneOn: "2026-03-04", itemsDone: [], pain: 7 });
    const [week] = await getWeeklyAdherence(getDb(), a.practitioner.scope, patient.id);
    expect([week?.sessionsDone, week?.painDuring]).toEqual([2, 7]);
  });

  it("refuses a day in the future, one before the programme and an exercise of another programme", async () => {
    const { programmeId } = await programmeFor(a.practitioner.scope);
    const other = await programmeFor(a.practitioner.scope);
    const link = await opened((await share(a.practitioner.scope, programmeId)).token);
    const otherItems = (await getProgramme(getDb(), a.practitioner.scope, other.programmeId)).items.map((i) => i.id);
    await expect(logSession(link, { doneOn: "2026-03-07" })).rejects.toThrow(/future/);
    await expect(logSession(link, { doneOn: "2026-02-12" })).rejects.toThrow(/14 days/);
    await expect(logSession(link, { itemsDone: otherItems })).rejects.toThrow(/not in this programme/);
  });

  it("staff can still record a week: their entry takes the place of the patient-reported one, which later logs leave alone", async () => {
    const { patient, programmeId } = await programmeFor(a.practitioner.scope);
    const link = await opened((await share(a.practitioner.scope, programmeId)).token);
    await logSession(link);
    const scope = a.practitioner.scope;
    const input = adherenceFormSchema.parse({ patientId: patient.id, programmeId, weekStart: "2026-03-02", sessionsDone: "3", sessionsPrescribed: "3", painDuring: "2", note: "" });
    await getDb().transaction((tx) => recordAdherence(tx, scope, input, NOW));
    await logSession(link, { doneOn: "2026-03-04" });
    const rows = await getDb().select().from(adherenceEntries).where(eq(adherenceEntries.programmeId, programmeId));
    expect(rows.map((r) => [r.source, r.sessionsDone])).toEqual([["staff", 3]]);
    const [week] = await getWeeklyAdherence(getDb(), scope, patient.id);
    expect([week?.sessionsDone, week?.patientReported]).toEqual([3, false]);
  });

  it("answers a revoked link 404 and an expired one 410, each audited in its clinic's trail as the patient link", async () => {
    const { patient, programmeId } = await programmeFor(b.practitioner.scope);
    const revoked = await share(b.practitioner.scope, programmeId);
    await getDb().transaction((tx) => revokeLink(tx, b.practitioner.scope, revoked.linkId, NOW));
    const expired = await share(b.practitioner.scope, programmeId, new Date(Date.now() - 91 * 86_400_000));
    const request = () => new Request("http://127.0.0.1/p/x", { headers: { "x-forwarded-for": freshIp() } });
    const never = async () => new Response("opened");
    // The routes' own entry reaches the database through db/runtime: point it at the runtime role meanwhile.
    const holder = globalThis as { __plumblineDb?: Promise<Connection> };
    const answers = await withApp(async (app) => {
      const before = holder.__plumblineDb;
      holder.__plumblineDb = Promise.resolve(app);
      try {
        return [
          await answerWithLink(request(), Promise.resolve({ token: revoked.token }), never),
          await answerWithLink(request(), Promise.resolve({ token: expired.token }), never),
          await answerWithLink(request(), Promise.resolve({ token: createLinkToken() }), never),
        ];
      } finally {
        holder.__plumblineDb = before;
      }
    });
    expect(answers.map((r) => [r.status, r.headers.get("referrer-policy")])).toEqual([
      [404, "no-referrer"],
      [410, "no-referrer"],
      [404, "no-referrer"],
    ]);
    const denied = await getDb().select().from(auditEvents).where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "denied")));
    expect(denied.map((e) => [e.entityId, e.reason, e.actorKind, e.clinicId]).sort()).toEqual(
      [
        [revoked.linkId, "revoked", "patient_link", b.clinic.id],
        [expired.linkId, "expired", "patient_link", b.clinic.id],
      ].sort(),
    );
  });
});
