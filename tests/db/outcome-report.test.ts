import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { getConfirmedPatterns } from "@/lib/assessments/queries";
import { roundToOneDecimal } from "@/lib/clinical/instruments/rounding";
import { PATTERNS } from "@/lib/clinical/patterns";
import { listCourseProgress, listCourses } from "@/lib/decompression/queries";
import { NotFoundError } from "@/lib/errors";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { getActiveProgramme } from "@/lib/programmes/queries";
import { exportOutcomeReport } from "@/lib/reports/export";
import { readPdfText } from "../helpers/pdf-text";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

const SEEDED = new Date("2026-03-01T12:00:00Z");
const NOW = new Date("2026-03-02T10:00:00Z");
// Wrapped lines break at spaces or hyphens: compare with every space removed
const squash = (s: string) => s.replace(/\s+/g, "");
const VERDICTS = { improvement: "Meaningful improvement", deterioration: "Meaningful deterioration", "no-meaningful-change": "No meaningful change" };

describeEachDatabase("outcome report PDF", (getDb, getConnection) => {
  let ctx: DemoContext;
  let app: Connection;

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), SEEDED);
    app = await getConnection().openAsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function reportOf(first: string, last: string) {
    const p = findPersona(ctx, first, last);
    const scope = demoScope(ctx, p.clinicId);
    const db = await app.forClinic(p.clinicId);
    const { pdf } = await exportOutcomeReport(db, scope, p.id, NOW);
    const { pages, text } = await readPdfText(pdf);
    return { p, scope, db, pages, text: text.join("\n") };
  }

  it("prints Maya's baseline, latest, verdict and rule source per instrument, as the outcome model gives them, on one page", async () => {
    const { p, scope, db, pages, text } = await reportOf("Maya", "Okafor");
    expect(pages).toBe(1);
    const page = squash(text);
    expect(page).toContain(squash("Maya Okafor"));
    const { outcome } = await getPatientOutcome(db, scope, p.id);
    expect(outcome.instruments.length).toBeGreaterThanOrEqual(2);
    for (const o of outcome.instruments) {
      const s = o.current;
      const show = (score: number) => (s.unit === "percent" ? `${roundToOneDecimal(score)} %` : `${roundToOneDecimal(score)} / ${s.scaleMax}`);
      expect(page, o.instrument).toContain(squash(`Baseline ${show(s.baseline.score)}`));
      expect(page, o.instrument).toContain(squash(`latest ${show(s.latest.score)}`));
      expect(page, o.instrument).toContain(squash(`${o.label} (${s.label}): ${VERDICTS[s.change!.kind]}`));
      expect(page, o.instrument).toContain(squash(`Source: ${s.change!.rule.source}`));
    }
    // Her story: NPRS 7 to 2, ODI 44 to 14, both meaningful improvements
    expect(page).toContain(squash("Baseline 7 / 10"));
    expect(page).toContain(squash("latest 14 %"));
  });

  it("prints sessions attended, home-programme adherence, confirmed patterns, the programme and who signed it when", async () => {
    const { p, scope, db, text } = await reportOf("Maya", "Okafor");
    const page = squash(text);
    const courses = await listCourses(db, scope, p.id);
    const progress = [...(await listCourseProgress(db, scope, courses.map((c) => c.id), NOW)).values()];
    const completed = progress.reduce((n, c) => n + c.completed, 0);
    const planned = progress.reduce((n, c) => n + c.plannedSessions, 0);
    expect(completed).toBeGreaterThan(0);
    expect(page).toContain(squash(`Decompression sessions attended: ${completed} of ${planned} planned`));
    const weeks = await getWeeklyAdherence(db, scope, p.id);
    const done = weeks.reduce((n, w) => n + w.sessionsDone, 0);
    const prescribed = weeks.reduce((n, w) => n + w.sessionsPrescribed, 0);
    expect(page).toContain(squash(`Home-programme adherence: ${Math.round(Math.min(100, (done / prescribed) * 100))} % (${done} of ${prescribed}`));
    for (const pattern of await getConfirmedPatterns(db, scope, p.id)) expect(page).toContain(squash(PATTERNS[pattern.pattern].label));
    const programme = await getActiveProgramme(db, scope, p.id);
    for (const item of programme!.items) expect(page).toContain(squash(item.exercise!.name));
    const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    expect(page).toContain(squash(`Prepared by ${me!.name}, 2 Mar 2026`));
  });

  it("audits the report as an export of the patient", async () => {
    const { p } = await reportOf("Wei", "Nakamura");
    const rows = await (await app.forClinic(p.clinicId))
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, p.id), eq(auditEvents.action, "export")));
    expect(rows.map((r) => r.detail)).toContainEqual({ format: "outcome-report-pdf" });
  });

  it("answers not found for another clinic's patient", async () => {
    const maya = findPersona(ctx, "Maya", "Okafor");
    const niamh = findPersona(ctx, "Niamh", "Gallagher");
    await expect(exportOutcomeReport(await app.forClinic(niamh.clinicId), demoScope(ctx, niamh.clinicId), maya.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
