import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, distDirOf, formatKb, isPatientRoute, measureFirstLoad, measureHtmlScripts, overBudget, PATIENT_BUDGET_BYTES, readJson } from "@/scripts/js-budget/first-load";
import { renderProgrammePage } from "@/lib/patient-links/programme-page";
import { respondLinkRefused } from "@/lib/patient-links/responses";
import { renderEnquiryForm, renderPlain, renderThanks } from "@/lib/enquiries/page";
import { intakeFrame, renderRedFlagScreen, renderUrgentPage } from "@/lib/patient-links/intake-page";
import { intakeRequests, listIntakeQuestions } from "@/lib/patient-links/intake-steps";
import { questionnaireFrame, renderQuestionnaireSent, renderQuestionScreen } from "@/lib/patient-links/questionnaire-page";
import { listQuestions } from "@/lib/patient-links/questionnaire-steps";

/**
 * The JS budget of issue 11, on the production build the browser tests ran
 * against (`npm run test:budget` builds first only when the build is missing
 * or older than the sources). Deterministic: file sizes, no timing.
 */
const distDir = distDirOf();
const rows = measureFirstLoad(distDir);

describe(`first-load JS of every page (build in ${path.relative(process.cwd(), distDir)})`, () => {
  it("finds the pages of the app", () => {
    const routes = rows.map((r) => r.route);
    for (const route of ["/", "/login", "/patients", "/patients/[id]/progress"]) expect(routes).toContain(route);
  });

  it(`keeps every page within ${formatKb(BUDGET_BYTES)} gzip`, () => {
    expect(overBudget(rows).map((r) => `${r.route}: ${formatKb(r.gzipBytes)}`)).toEqual([]);
  });

  // Next 16 (Turbopack) writes its own raw count; the chunks must be the ones it counts. Skipped only
  // when a build leaves no such file (a Next version that stops writing it): the budget above still runs.
  const nextStats = path.join(distDir, "diagnostics", "route-bundle-stats.json");
  it.skipIf(!existsSync(nextStats))("counts the chunks Next itself counts for each page", () => {
    const theirs = readJson<{ route: string; firstLoadUncompressedJsBytes: number }[]>(nextStats);
    const ours = new Map(rows.map((r) => [r.route, r.rawBytes]));
    const compared = theirs.filter((t) => ours.has(t.route));
    expect(compared.length).toBeGreaterThan(10);
    for (const t of compared) expect(ours.get(t.route), t.route).toBe(t.firstLoadUncompressedJsBytes);
  });
});

describe(`patient-facing pages: first-load JS within ${formatKb(PATIENT_BUDGET_BYTES)} gzip`, () => {
  it("has no App Router page among them (the framework alone is over the patient budget)", () => {
    const over = rows.filter((r) => isPatientRoute(r.route) && r.gzipBytes > PATIENT_BUDGET_BYTES);
    expect(over.map((r) => `${r.route}: ${formatKb(r.gzipBytes)}`)).toEqual([]);
  });

  const exercise = { itemId: "0b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11", name: "Glute bridge", dose: "3 x 10", instructions: ["Lie on your back."], note: null, media: { id: "1b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11", contentType: "image/png" } };
  const programme = renderProgrammePage({ clinicName: "Clinic", firstName: "Maya", active: true, today: "2026-03-04", exercises: [exercise], reminder: { current: null } }, "t".repeat(43), "nonce", null);

  it("/p/[token] (the programme) loads only the patient script, within the budget", () => {
    const measured = measureHtmlScripts(programme, path.resolve("public"));
    expect(measured.scripts).toEqual(["/p/patient.js"]);
    expect(measured.gzipBytes).toBeLessThanOrEqual(PATIENT_BUDGET_BYTES);
  });

  it("the refusal pages (404, 410, 429) load no script at all", async () => {
    for (const kind of ["unknown", "revoked", "expired", "throttled"] as const) {
      const page = await respondLinkRefused(kind, new Request("http://localhost/p/x")).text();
      expect(measureHtmlScripts(page, path.resolve("public")).scripts).toEqual([]);
    }
  });

  it("/enquire/[slug] (the public enquiry page, its thank-you, 404 and 429 pages) loads no script at all", () => {
    const clinic = { clinicId: "0b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11", name: "Clinic", websiteOrigin: null };
    const pages = [
      renderEnquiryForm(clinic, "clinic", { nonce: "nonce", stamp: "1.x", errors: { phone: "Enter a phone number." } }),
      renderThanks(clinic, "nonce"),
      renderPlain("Too many enquiries", "Wait.", "nonce"),
    ];
    for (const page of pages) {
      const measured = measureHtmlScripts(page, path.resolve("public"));
      expect(measured.scripts).toEqual([]);
      expect(measured.gzipBytes).toBeLessThanOrEqual(PATIENT_BUDGET_BYTES);
    }
  });

  it("/p/[token] and /p/[token]/answers (a questionnaire link: each screen, the thank-you) load no script at all", () => {
    const request = { instrument: "odi" as const, version: "2.1a", activities: null };
    const data = { clinicName: "Clinic", firstName: "Maya", reportId: "0b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11", status: "sent" as const, request };
    const questions = listQuestions(request);
    const pages = [
      renderQuestionScreen(questionnaireFrame(data), questions, { token: "t".repeat(43), nonce: "nonce", step: 0, answers: {}, error: null }),
      renderQuestionScreen(questionnaireFrame(data), questions, { token: "t".repeat(43), nonce: "nonce", step: 9, answers: { painIntensity: "3" }, error: "Choose one answer." }),
      renderQuestionnaireSent("Clinic", "nonce"),
    ];
    for (const page of pages) {
      const measured = measureHtmlScripts(page, path.resolve("public"));
      expect(measured.scripts).toEqual([]);
      expect(measured.gzipBytes).toBeLessThanOrEqual(PATIENT_BUDGET_BYTES);
    }
  });

  it("/p/[token] and /p/[token]/answers (an intake link: the red flags, the urgent page, a question screen with the same-day message) load no script at all", () => {
    const intake = { intakeId: "0b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11", clinicName: "Clinic", clinicPhone: "+44 161 496 0000", firstName: "Maya", odiVersion: "2.1a", flagsAnswered: true, urgency: "same-day" as const, completed: false };
    const questions = listIntakeQuestions(intakeRequests("2.1a"));
    const pages = [
      renderRedFlagScreen({ ...intake, flagsAnswered: false, urgency: null }, { token: "t".repeat(43), nonce: "nonce", answers: { trauma: "no" }, missing: ["cancer-history"] }),
      renderUrgentPage({ ...intake, urgency: "emergency" }, "nonce"),
      renderQuestionScreen(intakeFrame(intake), questions, { token: "t".repeat(43), nonce: "nonce", step: 0, answers: {}, error: null }),
    ];
    for (const page of pages) {
      const measured = measureHtmlScripts(page, path.resolve("public"));
      expect(measured.scripts).toEqual([]);
      expect(measured.gzipBytes).toBeLessThanOrEqual(PATIENT_BUDGET_BYTES);
    }
  });
});
