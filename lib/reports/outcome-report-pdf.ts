import { formatDate, formatInstantDate } from "@/lib/format";
import type { OutcomeReportData } from "./outcome-report-data";
import { describeAdherence, describeInstrument, describePrepared, describeSessions } from "./outcome-report-text";
import { createReportDocument } from "./pdf-layout";

// One page holds this much: longer lists say how many more there are
const MAX_PROGRAMME_ITEMS = 12;

/** The one-page outcome report as a PDF with real, selectable text (pdfkit). Pure: it prints its data. */
export function renderOutcomeReportPdf(data: OutcomeReportData): Promise<Buffer> {
  const { doc, bold, left, heading, line, finish } = createReportDocument({ Title: `Outcome report: ${data.patient.name}`, Author: data.preparedBy });

  doc.font(bold).fontSize(16).text("Outcome report");
  line(data.clinicName, { size: 10 });
  doc.moveDown(0.4);
  doc.font(bold).fontSize(12).text(data.patient.name);
  line(`Born ${formatDate(data.patient.dateOfBirth)} · Patient record ${data.patient.id}`, { muted: true });

  heading("Outcomes, baseline to latest");
  if (data.outcome.instruments.length === 0) line("No signed scores yet.");
  for (const o of data.outcome.instruments) {
    const row = describeInstrument(o, data.timeZone);
    doc.font(bold).fontSize(9.5).fillColor("black").text(`${row.title}: ${row.verdict}`, left);
    line(row.scores, { indent: 10 });
    line(row.rule, { muted: true, size: 8, indent: 10 });
    if (row.note) line(row.note, { muted: true, size: 8, indent: 10 });
    doc.moveDown(0.25);
  }

  heading("Treatment");
  line(describeSessions(data.sessions));
  line(describeAdherence(data.adherence));

  heading("Confirmed patterns");
  if (data.patterns.length === 0) line("None confirmed.");
  for (const p of data.patterns) line(`${p.label} (confirmed ${formatInstantDate(p.confirmedAt, data.timeZone)})`);

  heading(data.programme ? `Home programme (version ${data.programme.versionNo}, from ${formatDate(data.programme.startDate)})` : "Home programme");
  if (!data.programme) line("No active home programme.");
  const items = data.programme?.items ?? [];
  for (const item of items.slice(0, MAX_PROGRAMME_ITEMS)) line(`${item.name}: ${item.dose}`);
  if (items.length > MAX_PROGRAMME_ITEMS) line(`and ${items.length - MAX_PROGRAMME_ITEMS} more exercises`, { muted: true });

  doc.moveDown(0.8);
  line(
    "Meaningful change is judged within one version of each instrument, by the rule and source shown. " +
      "Plumbline records and screens; it does not diagnose.",
    { muted: true, size: 8 },
  );
  doc.moveDown(1.2);
  doc.font(bold).fontSize(10).fillColor("black").text(describePrepared(data), left);
  return finish();
}
