import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { getMeasure } from "@/lib/clinical/measures";
import { PATTERNS } from "@/lib/clinical/patterns";
import { formatDate, formatDateTime, formatInstantDate, SEX_LABELS } from "@/lib/format";
import { describeItemDose } from "@/lib/programmes/describe";
import { describeInstrument, formatReportScore } from "@/lib/reports/outcome-report-text";
import { createReportDocument } from "@/lib/reports/pdf-layout";
import { computeAdherencePercent } from "@/lib/clinical/caseload-rules";
import type { AccessCopyInput } from "./load";

type MeasureSummary = { label: string; side: string; unit: string; count: number; first: { value: number; at: string }; latest: { value: number; at: string } };

/** Each measure and side: how many values, the first and the latest (every value is in measurements.csv). */
export function summariseMeasurements(input: AccessCopyInput): MeasureSummary[] {
  const out = new Map<string, MeasureSummary>();
  for (const { content } of input.record.assessments) {
    for (const m of content.measurements) {
      const key = `${m.code}\u0000${m.side}\u0000${m.unit}`;
      const point = { value: m.value, at: content.assessedAt };
      const seen = out.get(key);
      if (!seen) out.set(key, { label: getMeasure(m.code)?.label ?? m.code, side: m.side, unit: m.unit, count: 1, first: point, latest: point });
      else {
        seen.count += 1;
        if (point.at < seen.first.at) seen.first = point;
        if (point.at >= seen.latest.at) seen.latest = point;
      }
    }
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label) || a.side.localeCompare(b.side));
}

/**
 * The printable summary of the whole record (several pages as needed): the
 * patient, safety flags, outcomes with their verdicts and rules, every signed
 * assessment, each measure's first and latest value, patterns, programmes,
 * adherence and every decompression session. Pure: it prints its input.
 */
export function renderAccessCopySummaryPdf(input: AccessCopyInput, generatedBy: string): Promise<Buffer> {
  const { record, timeZone } = input;
  const p = record.patient;
  const name = `${p.firstName} ${p.lastName}`;
  const { doc, bold, left, heading, line, finish } = createReportDocument({ Title: `Health record: ${name}`, Author: generatedBy });
  const at = (iso: string | Date) => formatInstantDate(new Date(iso), timeZone);
  const staff = new Map(record.practitioners.map((s) => [s.id, s.name]));
  const title = (text: string) => doc.font(bold).fontSize(9.5).fillColor("black").text(text, left);

  doc.font(bold).fontSize(16).text("Health record summary");
  line(record.clinic.name, { size: 10 });
  doc.moveDown(0.4);
  doc.font(bold).fontSize(12).text(name);
  line(`Born ${formatDate(p.dateOfBirth)} · ${SEX_LABELS[p.sex]} · Patient record ${p.id}`, { muted: true });
  line(`Phone ${p.phone ?? "not recorded"} · Email ${p.email ?? "not recorded"}`);
  if (p.weight) line(`Body weight ${p.weight.kg} kg on ${formatDate(p.weight.measuredOn)}`);
  if (p.notes) line(`Notes: ${p.notes}`);
  line(`Copy made ${formatDateTime(record.generatedAt, timeZone)} by ${generatedBy}. Every value is also in the CSV files and the FHIR Bundle of this archive.`, { muted: true, size: 8 });

  heading("Safety flags");
  if (record.flags.length === 0) line("None recorded.");
  for (const f of record.flags) line(`${f.label} (${f.status}, noted ${formatDate(f.notedOn)})${f.source ? `. Source: ${f.source}` : ""}${f.note ? `. ${f.note}` : ""}`);

  heading("Outcomes, baseline to latest");
  if (input.outcome.instruments.length === 0) line("No signed scores yet.");
  for (const o of input.outcome.instruments) {
    const row = describeInstrument(o, timeZone);
    title(`${row.title}: ${row.verdict}`);
    line(row.scores, { indent: 10 });
    line(row.rule, { muted: true, size: 8, indent: 10 });
    if (row.note) line(row.note, { muted: true, size: 8, indent: 10 });
  }

  heading(`Assessments (${record.assessments.length} signed)`);
  if (record.assessments.length === 0) line("No signed assessments.");
  for (const { assessment, content } of record.assessments) {
    title(`${at(content.assessedAt)}: ${content.region} assessment by ${staff.get(content.practitionerId) ?? "a former staff member"} (revision ${assessment.revision})`);
    if (content.chiefComplaint) line(`Chief complaint: ${content.chiefComplaint}`, { indent: 10 });
    const scores = content.instruments.filter((r) => r.score !== null).map((r) => `${INSTRUMENTS[r.instrument]?.label ?? r.instrument} ${formatReportScore({ instrument: r.instrument, score: r.score!, unit: r.unit, scaleMax: r.scaleMax })}`);
    if (scores.length > 0) line(`Scores: ${scores.join("; ")}`, { indent: 10 });
    if (content.measurements.length > 0) line(`${content.measurements.length} physical measurement${content.measurements.length === 1 ? "" : "s"}`, { indent: 10, muted: true });
    const decided = content.patterns.map((t) => `${PATTERNS[t.pattern]?.label ?? t.pattern}: ${t.status}`);
    if (decided.length > 0) line(`Patterns: ${decided.join("; ")}`, { indent: 10 });
    if (content.notes) line(`Notes: ${content.notes}`, { indent: 10 });
    if (content.planNotes) line(`Plan: ${content.planNotes}`, { indent: 10 });
  }

  const measures = summariseMeasurements(input);
  heading(`Physical measurements (${measures.reduce((n, m) => n + m.count, 0)} values)`);
  if (measures.length === 0) line("None recorded.");
  for (const m of measures) {
    const side = m.side === "na" ? "" : ` (${m.side})`;
    line(`${m.label}${side}: ${m.count} value${m.count === 1 ? "" : "s"}; first ${m.first.value} ${m.unit} (${at(m.first.at)}), latest ${m.latest.value} ${m.unit} (${at(m.latest.at)})`);
  }

  heading("Home programmes");
  if (record.programmes.length === 0) line("None.");
  for (const g of record.programmes) {
    title(`Version ${g.versionNo}, ${g.status}, from ${formatDate(g.startDate)} (${g.practitionerName})`);
    if (g.goals) line(`Goals: ${g.goals}`, { indent: 10 });
    for (const item of g.items) line(`${item.exercise?.name ?? "Exercise no longer in the library"}: ${describeItemDose(item)}`, { indent: 10 });
  }
  const done = input.adherence.reduce((n, w) => n + w.sessionsDone, 0);
  const prescribed = input.adherence.reduce((n, w) => n + w.sessionsPrescribed, 0);
  const percent = computeAdherencePercent(done, prescribed);
  line(
    input.adherence.length === 0 || percent === null
      ? "Home-programme adherence: not recorded."
      : `Home-programme adherence: ${Math.round(percent)} % (${done} of ${prescribed} prescribed home sessions over ${input.adherence.length} recorded weeks).`,
  );

  heading("Spinal decompression");
  if (record.courses.length === 0) line("No course.");
  for (const { course, sessions } of record.courses) {
    title(`${course.region} course at ${course.targetLevel}, from ${formatDate(course.startDate)}: ${course.status}, ${course.plannedSessions} sessions planned (${course.practitionerName})`);
    for (const s of sessions) {
      const force = s.maxForceKg === null ? "" : `, force ${s.maxForceKg}${s.minForceKg === null ? "" : ` / ${s.minForceKg}`} kg`;
      const pain = s.nprsBefore === null ? "" : `, pain ${s.nprsBefore} to ${s.nprsAfter ?? "?"}`;
      const cycles = s.cycles === null ? "" : `, ${s.cycles} cycles`;
      line(`${formatDateTime(s.scheduledAt, timeZone)}: ${s.status}${force}${cycles}${pain}${s.adverseEvent ? `; adverse event: ${s.adverseEvent}` : ""}`, { indent: 10 });
    }
  }

  doc.moveDown(0.8);
  line("Meaningful change is judged within one version of each instrument, by the rule and source shown. Plumbline records and screens; it does not diagnose.", { muted: true, size: 8 });
  return finish();
}
