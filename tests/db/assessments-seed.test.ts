import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { assessments, measurements, patientFlags, patternTags, users } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import { getConfirmedPatterns, getPatientOutcomeSummary, listPatientAssessments } from "@/lib/assessments/queries";
import { listUnsignedDrafts } from "@/lib/dashboard/drafts";
import { suggestForAssessment } from "@/lib/assessments/suggestions";
import type { Scope } from "@/lib/auth/scope-types";
import { loadDashboard } from "@/lib/dashboard/load";
import { findPatientsByName, listPatients } from "@/lib/patients/queries";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

describeEachDatabase("assessments: demo seed", (getDb) => {
  let ctx: DemoContext;
  const now = new Date("2026-03-01T12:00:00Z");

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), now);
  });

  const persona = (first: string, last: string) => findPersona(ctx, first, last);
  const scopeFor = (clinicId: string, email?: string): Scope => demoScope(ctx, clinicId, email);
  // The outcome model's current-version series of an instrument
  const line = (summary: Awaited<ReturnType<typeof getPatientOutcomeSummary>>, instrument: string) =>
    summary.outcome.instruments.find((o) => o.instrument === instrument)?.current;

  it("gives every active patient 3 to 8 signed assessments over about six months", async () => {
    const db = getDb();
    for (const p of ctx.patients.filter((x) => !x.archived)) {
      const entries = await listPatientAssessments(db, scopeFor(p.clinicId), p.id);
      const signed = entries.filter((e) => e.status === "signed");
      expect(signed.length, `${p.firstName} ${p.lastName}`).toBeGreaterThanOrEqual(3);
      expect(signed.length).toBeLessThanOrEqual(8);
      const oldest = signed.at(-1)?.assessedAt ?? now;
      expect((now.getTime() - oldest.getTime()) / 86_400_000).toBeLessThanOrEqual(190);
    }
  });

  it("tells the improving lower-crossed story: NPRS 7 to 2, ODI 44 to 14, pattern confirmed, one amendment", async () => {
    const db = getDb();
    const maya = persona("Maya", "Okafor");
    const scope = scopeFor(maya.clinicId);
    const summary = await getPatientOutcomeSummary(db, scope, maya.id);
    expect(line(summary, "nprs")).toMatchObject({ baseline: { score: 7 }, latest: { score: 2 }, change: { kind: "improvement" } });
    expect(line(summary, "odi")).toMatchObject({ baseline: { score: 44 }, latest: { score: 14 }, change: { kind: "improvement" } });
    expect((await getConfirmedPatterns(db, scope, maya.id)).map((p) => p.pattern)).toEqual(["hip-flexor-glute"]);
    const entries = await listPatientAssessments(db, scope, maya.id);
    expect(entries.filter((e) => e.revision === 2)).toHaveLength(1);
    const thomas = await db
      .select({ value: measurements.value, at: measurements.takenAt })
      .from(measurements)
      .where(and(eq(measurements.patientId, maya.id), eq(measurements.code, "thomas-hip-angle"), eq(measurements.side, "left")))
      .orderBy(measurements.takenAt);
    const current = thomas.filter((_, i) => i === 0 || thomas[i - 1]?.at.getTime() !== thomas[i]?.at.getTime());
    expect(current[0]?.value).toBeGreaterThan(0);
    expect(current.at(-1)?.value).toBeLessThan(0);
  });

  it("keeps Gareth flat for over 10 weeks, and Ingrid worsening", async () => {
    const db = getDb();
    const gareth = persona("Gareth", "Whitfield");
    const scope = scopeFor(gareth.clinicId);
    const summary = await getPatientOutcomeSummary(db, scope, gareth.id);
    expect((now.getTime() - (summary.firstAssessedAt?.getTime() ?? now.getTime())) / 86_400_000).toBeGreaterThanOrEqual(70);
    expect(line(summary, "nprs")?.change?.kind).toBe("no-meaningful-change");
    expect(line(summary, "odi")?.change?.kind).toBe("no-meaningful-change");
    const ava = ctx.clinics.find((c) => c.key === "northside")?.users.find((u) => u.email === "ava@northside.test");
    expect(gareth.practitionerId).toBe(ava?.id);
    const ingrid = persona("Ingrid", "Lindqvist");
    const worse = await getPatientOutcomeSummary(db, scopeFor(ingrid.clinicId), ingrid.id);
    expect(line(worse, "nprs")?.change?.kind).toBe("deterioration");
    expect(line(worse, "odi")?.change?.kind).toBe("deterioration");
  });

  it("records the contraindications and the cauda equina red flag on the personas", async () => {
    const db = getDb();
    const active = async (first: string, last: string) =>
      (await db.select({ code: patientFlags.code }).from(patientFlags).where(and(eq(patientFlags.patientId, persona(first, last).id), eq(patientFlags.status, "active")))).map((f) => f.code);
    expect(await active("Priya", "Chatterjee")).toEqual(["pregnancy"]);
    expect(await active("Tomasz", "Kowalski")).toEqual(["spinal-hardware"]);
    expect(await active("Rosa", "Santos")).toEqual(["advanced-osteoporosis"]);
    expect(await active("Declan", "Murphy")).toEqual(["ces-saddle-numbness"]);
  });

  it("shows Declan Murphy's cauda equina red flag beside his name on Not improving, in the patient list and the palette", async () => {
    const db = getDb();
    const declan = persona("Declan", "Murphy");
    const scope = { ...scopeFor(declan.clinicId), userId: declan.practitionerId! };
    const dashboard = await loadDashboard(db, scope, { view: "mine", period: "1y", now });
    const row = dashboard.notImproving.rows.find((r) => r.patientId === declan.id);
    expect(row?.marker).toEqual({ level: "red-flag", labels: ["Saddle numbness"], text: "Red flag" });
    // Everyone without a red flag or contraindication carries none
    const priya = persona("Priya", "Chatterjee");
    for (const r of [...dashboard.notImproving.rows, ...dashboard.due.rows, ...dashboard.lowAdherence.rows, ...dashboard.drafts.rows]) {
      if (r.patientId !== declan.id && r.patientId !== priya.id) expect(r.marker?.level ?? null, r.name).not.toBe("red-flag");
    }
    const list = await listPatients(db, scope, { q: "Murphy", status: "active", after: null, before: null, last: false });
    expect(list.rows.find((p) => p.id === declan.id)?.marker?.level).toBe("red-flag");
    const palette = await findPatientsByName(db, scope, "Declan");
    expect(palette.find((p) => p.id === declan.id)?.marker?.text).toBe("Red flag");
    expect((await findPatientsByName(db, scope, "Priya")).find((p) => p.id === priya.id)?.marker).toMatchObject({ level: "contraindication", labels: ["Pregnancy"] });
  });

  it("gives the cervical persona NDI and the scapular / chest pattern", async () => {
    const db = getDb();
    const wei = persona("Wei", "Nakamura");
    const scope = scopeFor(wei.clinicId);
    const summary = await getPatientOutcomeSummary(db, scope, wei.id);
    expect(summary.outcome.instruments.map((o) => o.instrument)).toEqual(["nprs", "ndi", "psfs"]);
    expect(line(summary, "ndi")?.change?.kind).toBe("improvement");
    expect((await getConfirmedPatterns(db, scope, wei.id)).map((p) => p.pattern)).toEqual(["scapular-chest"]);
  });

  it("decides every suggestion its findings raise, and most generated patients improve", async () => {
    const db = getDb();
    const signed = await db.select().from(assessments).where(eq(assessments.status, "signed"));
    const sexes = new Map(ctx.patients.map((p) => [p.id, p.sex]));
    const allMeasures = await db.select().from(measurements);
    const allTags = await db.select().from(patternTags);
    for (const a of signed) {
      const found = allMeasures.filter((m) => m.assessmentId === a.id && m.supersededAt === null);
      const decided = new Set(allTags.filter((t) => t.assessmentId === a.id && t.supersededAt === null).map((t) => t.pattern));
      for (const s of suggestForAssessment(found, sexes.get(a.patientId) ?? "unknown")) expect(decided.has(s.pattern)).toBe(true);
    }
    const generated = ctx.patients.filter((p) => !p.archived && !p.story);
    let improved = 0;
    for (const p of generated) {
      const summary = await getPatientOutcomeSummary(db, scopeFor(p.clinicId), p.id);
      if (line(summary, "nprs")?.change?.kind === "improvement") improved++;
    }
    expect(improved / generated.length).toBeGreaterThan(0.5);
    expect(improved).toBeLessThan(generated.length);
  });

  it("leaves Ava a recent draft and one untouched for over 7 days", async () => {
    const db = getDb();
    const northside = ctx.clinics.find((c) => c.key === "northside");
    if (!northside) throw new Error("no northside");
    const scope = scopeFor(northside.id, "ava@northside.test");
    const drafts = await db.select().from(assessments).where(and(eq(assessments.practitionerId, scope.userId), eq(assessments.status, "draft")));
    expect(drafts).toHaveLength(2);
    // The dashboard's drafts card (the production reader) flags the stale one
    const listed = await listUnsignedDrafts(db, scope, now, 10);
    expect(listed.rows.map((d) => d.stale).sort()).toEqual([false, true]);
    const [ben] = await db.select().from(users).where(eq(users.email, "ben@northside.test"));
    expect((await listUnsignedDrafts(db, { ...scope, userId: ben?.id ?? "" }, now, 10)).rows.filter((d) => d.stale)).toEqual([]);
  });
});
