import { and, count, eq, isNull } from "drizzle-orm";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { assessments, auditEvents, decompressionSessions, instrumentResults, measurements, patients } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import { exportAccessCopy } from "@/lib/access-copy/export";
import { getCurrentContent, listPatientAssessments, listSignedContents } from "@/lib/assessments/queries";
import { NotFoundError } from "@/lib/errors";
import { exportPatientBundle } from "@/lib/fhir/export";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { listValidationIssues, loadR4Definitions } from "../helpers/fhir-validator";
import { readPdfText } from "../helpers/pdf-text";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

const NOW = new Date("2026-03-01T12:00:00Z");
const BASE = "https://clinic.example/fhir";
const squash = (s: string) => s.replace(/\s+/g, "");
const VERDICTS = { improvement: "Meaningful improvement", deterioration: "Meaningful deterioration", "no-meaningful-change": "No meaningful change" };
const CSVS = [
  "patient", "assessments", "questionnaire-scores", "questionnaire-answers", "measurements", "pattern-decisions", "home-programmes",
  "home-programme-adherence", "decompression-courses", "decompression-sessions", "safety-flags",
].map((n) => `csv/${n}.csv`);

describeEachDatabase("right-of-access copy (zip)", (getDb, getConnection) => {
  let ctx: DemoContext;
  let app: Connection;
  let files: Record<string, Uint8Array>;
  let maya: ReturnType<typeof findPersona>;

  const csv = (name: string) => Papa.parse<Record<string, string>>(strFromU8(files[`csv/${name}.csv`]!), { header: true, skipEmptyLines: true }).data;

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), NOW);
    loadR4Definitions();
    maya = findPersona(ctx, "Maya", "Okafor");
    // Text a spreadsheet would run: the notes and the latest signed assessment's complaint (as the owner: a fixture)
    await getDb().update(patients).set({ notes: "=HYPERLINK(\"http://x.test\")" }).where(eq(patients.id, maya.id));
    const [latest] = await getDb().select({ id: assessments.id }).from(assessments)
      .where(and(eq(assessments.patientId, maya.id), eq(assessments.status, "signed"))).orderBy(assessments.assessedAt).limit(1);
    await getDb().update(assessments).set({ chiefComplaint: "@SUM(A1:A9) low back" }).where(eq(assessments.id, latest!.id));
    app = await getConnection().openAsApp();
    const { zip } = await exportAccessCopy(await app.forClinic(maya.clinicId), demoScope(ctx, maya.clinicId), maya.id, { baseUrl: BASE, now: NOW });
    files = unzipSync(zip);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("holds a README, the PDF summary, the FHIR Bundle and one CSV per kind of record", () => {
    // (fflate lists the folder itself as "csv/")
    expect(Object.keys(files).filter((f) => !f.endsWith("/")).sort()).toEqual(["README.txt", "record.fhir.json", "summary.pdf", ...CSVS].sort());
  });

  it("holds the FHIR export's Bundle, every resource valid against the R4 definitions", async () => {
    const bundle = JSON.parse(strFromU8(files["record.fhir.json"]!)) as Bundle;
    const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
    const problems = [bundle, ...resources].flatMap((r) => listValidationIssues(r).map((i) => `${r.resourceType} ${i.severity}: ${i.details?.text}`));
    expect(problems).toEqual([]);
    const direct = await exportPatientBundle(await app.forClinic(maya.clinicId), demoScope(ctx, maya.clinicId), maya.id, { baseUrl: BASE, now: NOW });
    expect(resources.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual((direct.entry ?? []).map((e) => `${e.resource!.resourceType}/${e.resource!.id}`).sort());
  });

  it("has a CSV row for every current measurement, score and decompression session of the patient", async () => {
    const db = await app.forClinic(maya.clinicId);
    const signedCurrent = (table: typeof measurements | typeof instrumentResults) =>
      db.select({ n: count() }).from(table).innerJoin(assessments, eq(assessments.id, table.assessmentId))
        .where(and(eq(table.patientId, maya.id), isNull(table.supersededAt), eq(assessments.status, "signed")));
    const [[m], [r], [s]] = await Promise.all([
      signedCurrent(measurements),
      signedCurrent(instrumentResults),
      db.select({ n: count() }).from(decompressionSessions).where(eq(decompressionSessions.patientId, maya.id)),
    ]);
    expect(m!.n).toBeGreaterThan(0);
    expect(csv("measurements")).toHaveLength(m!.n);
    expect(csv("questionnaire-scores")).toHaveLength(r!.n);
    expect(s!.n).toBeGreaterThan(0);
    expect(csv("decompression-sessions")).toHaveLength(s!.n);
    expect(csv("patient")).toEqual([expect.objectContaining({ patient_id: maya.id, first_name: "Maya", last_name: "Okafor" })]);
  });

  it("neutralises cells a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csv("patient")[0]!.notes).toBe("'=HYPERLINK(\"http://x.test\")");
    expect(csv("assessments").map((a) => a.chief_complaint)).toContain("'@SUM(A1:A9) low back");
    const values = csv("measurements").map((row) => row.value!);
    expect(values.every((v) => /^-?\d+(\.\d+)?$/.test(v))).toBe(true);
  });

  it("prints the whole record in the PDF: outcomes with their verdicts, every assessment and every session", async () => {
    const { text } = await readPdfText(files["summary.pdf"]!);
    const all = squash(text.join("\n"));
    expect(all).toContain(squash("Health record summary"));
    expect(all).toContain(squash("Maya Okafor"));
    const { outcome } = await getPatientOutcome(await app.forClinic(maya.clinicId), demoScope(ctx, maya.clinicId), maya.id);
    for (const o of outcome.instruments) expect(all).toContain(squash(`${o.label} (${o.current.label}): ${VERDICTS[o.current.change!.kind]}`));
    expect(all).toContain(squash(`Assessments (${csv("assessments").length} signed)`));
    expect(all).toContain(squash(`Physical measurements (${csv("measurements").length} values)`));
    expect(all).toContain(squash("@SUM(A1:A9) low back"));
    const sessionLines = text.join("\n").split("\n").filter((l) => /^\d{1,2} \w+ \d{4}.*: (completed|scheduled|missed|cancelled)/.test(l.trim()));
    expect(sessionLines.length).toBe(csv("decompression-sessions").length);
  });

  it("writes one export audit row naming the format and its parts, no content", async () => {
    const rows = await (await app.forClinic(maya.clinicId)).select().from(auditEvents)
      .where(and(eq(auditEvents.patientId, maya.id), eq(auditEvents.action, "export")));
    const copies = rows.filter((r) => (r.detail as { format?: string } | null)?.format === "access-copy-zip");
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ entity: "patient", entityId: maya.id, clinicId: maya.clinicId });
    expect(copies[0]!.detail).toMatchObject({ files: 3 + CSVS.length });
  });

  it("reads each signed assessment's content in one pass exactly as getCurrentContent reads it alone", async () => {
    const db = await app.forClinic(maya.clinicId);
    const scope = demoScope(ctx, maya.clinicId);
    const all = await listSignedContents(db, scope, maya.id);
    const signed = (await listPatientAssessments(db, scope, maya.id)).filter((t) => t.status === "signed").reverse();
    expect(all.map((a) => a.assessment.id)).toEqual(signed.map((t) => t.id));
    for (const { assessment, content } of all) expect(content).toEqual(await getCurrentContent(db, scope, assessment));
    expect(all.some(({ content }) => content.measurements.length > 0 && content.instruments.length > 0)).toBe(true);
  });

  it("answers not found for another clinic's patient", async () => {
    const niamh = findPersona(ctx, "Niamh", "Gallagher");
    await expect(exportAccessCopy(await app.forClinic(niamh.clinicId), demoScope(ctx, niamh.clinicId), maya.id, { baseUrl: BASE })).rejects.toBeInstanceOf(NotFoundError);
  });
});
