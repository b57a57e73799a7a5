import Link from "next/link";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { formatScore } from "@/components/assessments/format-score";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { INSTRUMENTS } from "@/lib/clinical/instruments/descriptors";
import { INSTRUMENT_IDS } from "@/lib/clinical/instruments/types";
import { formatDate, formatInstantDate } from "@/lib/format";
import type { PatientReportRow } from "@/lib/patient-reports/queries";
import type { ScheduleRow } from "@/lib/patient-reports/schedules";
import { NO_BASELINE_PSFS } from "@/lib/patient-reports/schemas";
import { loadPatientReportsSection } from "@/lib/patient-reports/view";
import { IntakeLinkForm } from "@/components/patient-intake/intake-link-form";
import { describeRedFlags } from "@/lib/clinical/intake-red-flags";
import { isEmailEnabled } from "@/lib/env";
import type { IntakeRow } from "@/lib/patient-intake/queries";
import { DismissReportButton, WithdrawLinkButton } from "./report-buttons";
import { AddScheduleForm, EndScheduleButton, SendDuePanel } from "./schedule-forms";
import { SendQuestionnaireForm } from "./send-questionnaire-form";

function describeRule(s: ScheduleRow): string {
  return s.rule === "every_weeks" ? `every ${s.everyWeeks} week${s.everyWeeks === 1 ? "" : "s"}` : "before each reassessment";
}

const shortName = (id: PatientReportRow["instrument"]) => id.toUpperCase();

function describeScore(r: PatientReportRow): string {
  if (r.score === null || !r.scoreUnit || r.scaleMax === null) return "";
  return formatScore({ instrument: r.instrument, score: r.score, unit: r.scoreUnit, scaleMax: r.scaleMax });
}

/** Drafts as they are taken in: a questionnaire's alone, an intake's NPRS and ODI together (one link, one new assessment). */
function groupDrafts(rows: PatientReportRow[]): { key: string; intake: boolean; rows: PatientReportRow[] }[] {
  const groups = new Map<string, { key: string; intake: boolean; rows: PatientReportRow[] }>();
  for (const r of rows) {
    const key = r.purpose === "intake" ? r.linkId : r.id;
    const group = groups.get(key) ?? { key, intake: r.purpose === "intake", rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  for (const g of groups.values()) g.rows.sort((a, b) => INSTRUMENT_IDS.indexOf(a.instrument) - INSTRUMENT_IDS.indexOf(b.instrument));
  return [...groups.values()];
}

function IntakeStatus({ intake, date }: { intake: IntakeRow; date: (at: Date) => string }) {
  if (intake.completedAt) return <Badge variant="secondary">Answered {date(intake.completedAt)}</Badge>;
  if (intake.flagsAnsweredAt) return <Badge variant="secondary">Safety questions answered {date(intake.flagsAnsweredAt)}; the rest not sent</Badge>;
  if (intake.linkState === "active") return <Badge>Waiting, until {date(intake.expiresAt)}</Badge>;
  return <Badge variant="secondary">{intake.linkState === "expired" ? "Expired, not answered" : "Withdrawn"}</Badge>;
}

/** Questionnaires sent to the patient's phone: send one, see the answers arrive as patient-reported drafts, accept or dismiss. */
export async function PatientReportsSection({ scope, patient, timeZone }: PatientSectionProps) {
  const { reports, baselinePsfs, schedules, intakes } = await loadPatientReportsSection(scope, patient.id, timeZone);
  const choices = INSTRUMENT_IDS.filter((id) => id !== "psfs" || baselinePsfs).map((id) => ({ id, label: `${INSTRUMENTS[id].label} (${shortName(id)})` }));
  const drafts = groupDrafts(reports.filter((r) => r.status === "completed"));
  const waiting = reports.filter((r) => r.status === "sent");
  const decided = reports.filter((r) => r.status === "accepted" || r.status === "dismissed").slice(0, 5);
  const date = (at: Date) => formatInstantDate(at, timeZone);
  return (
    <section aria-labelledby="patient-reports-title">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="patient-reports-title">Questionnaires by link</h2>
          </CardTitle>
          <CardDescription>A single-use link to the patient&apos;s phone, valid for 7 days: the intake before the first visit, or a questionnaire. The answers arrive here as a patient-reported draft, scored like the clinic form, for you to accept into the next assessment.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {patient.archivedAt ? (
            <p className="text-sm text-muted-foreground">The patient is archived: restore them before sending a questionnaire.</p>
          ) : (
            <div className="grid gap-2">
              <SendQuestionnaireForm patientId={patient.id} choices={choices} />
              {!baselinePsfs && <p className="text-sm text-muted-foreground">PSFS is not offered: {NO_BASELINE_PSFS}</p>}
            </div>
          )}
          <section className="grid gap-3" aria-labelledby="patient-intake-title">
            <h3 id="patient-intake-title" className="font-semibold">
              Intake
            </h3>
            <p className="text-sm text-muted-foreground">
              Before the first visit: the red-flag safety questions, then pain (NPRS) and the Oswestry (ODI). A &ldquo;yes&rdquo; to a red flag tells the patient to seek care and raises an urgent alert here.
            </p>
            {!patient.archivedAt && <IntakeLinkForm patientId={patient.id} email={{ enabled: isEmailEnabled(), address: patient.email }} />}
            {intakes.length > 0 && (
              <ul className="grid gap-2 text-sm" aria-label="Intake links">
                {intakes.map((intake) => (
                  <li key={intake.id} className="grid gap-1" data-testid="patient-intake">
                    <span className="flex flex-wrap items-center gap-2">
                      <IntakeStatus intake={intake} date={date} />
                      <span>sent {date(intake.createdAt)}</span>
                      {intake.urgency ? (
                        <Badge variant="destructive">{intake.urgency === "emergency" ? "Red flag: emergency" : "Red flag: same day"}</Badge>
                      ) : intake.flagsAnsweredAt ? (
                        <Badge variant="outline">No red flags</Badge>
                      ) : null}
                      {!intake.flagsAnsweredAt && intake.linkState === "active" && <WithdrawLinkButton linkId={intake.linkId} label={`Intake link sent ${date(intake.createdAt)}`} />}
                    </span>
                    {intake.positive.length > 0 && <span className="text-destructive">{describeRedFlags(intake.positive)}.</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {!patient.archivedAt && (
            <section className="grid gap-3" aria-labelledby="questionnaire-schedules-title">
              <h3 id="questionnaire-schedules-title" className="font-semibold">
                Schedule
              </h3>
              {schedules.programmeId ? (
                <>
                  {schedules.schedules.length > 0 && (
                    <ul className="grid gap-2 text-sm" aria-label="Scheduled questionnaires">
                      {schedules.schedules.map((s) => {
                        const label = `${shortName(s.instrument)} ${describeRule(s)}`;
                        return (
                          <li key={s.id} className="flex flex-wrap items-center gap-3" data-testid="questionnaire-schedule">
                            {s.due ? <Badge variant="warning">Due</Badge> : <Badge variant="secondary">Scheduled</Badge>}
                            <span>
                              <span className="font-medium">{shortName(s.instrument)}</span> {describeRule(s)}
                              {s.dueOn ? (s.due ? `, due since ${formatDate(s.dueOn)}` : `, next on ${formatDate(s.dueOn)}`) : ", sent for this review"}
                            </span>
                            <EndScheduleButton scheduleId={s.id} label={label} />
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {schedules.schedules.length > 0 && (
                    <SendDuePanel
                      patientId={patient.id}
                      due={[...new Set(schedules.schedules.filter((s) => s.due).map((s) => s.instrument))].map((instrument) => ({ instrument, label: shortName(instrument) }))}
                    />
                  )}
                  <AddScheduleForm patientId={patient.id} choices={choices} />
                  <p className="text-xs text-muted-foreground">For the active programme and its later versions. Nothing is sent by itself: a due questionnaire shows here to send with one click.</p>
                </>
              ) : (
                <p className="text-sm text-muted-foreground">Schedules belong to a programme: start one to schedule questionnaires before each reassessment or every few weeks.</p>
              )}
            </section>
          )}
          {drafts.length > 0 && (
            <section className="grid gap-2" aria-labelledby="patient-reported-title">
              <h3 id="patient-reported-title" className="font-semibold">
                Patient-reported drafts
              </h3>
              <ul className="grid gap-2">
                {drafts.map((group) => {
                  const first = group.rows[0]!;
                  const when = date(first.completedAt ?? first.createdAt);
                  const names = group.rows.map((r) => shortName(r.instrument)).join(" and ");
                  const label = group.intake ? `Intake (${names}), ${when}` : `Patient-reported ${names}, ${when}`;
                  const query = group.rows.map((r) => `report=${r.id}`).join("&");
                  return (
                    <li key={group.key} className="flex flex-wrap items-center gap-3 text-sm" data-testid="patient-reported-draft">
                      <Badge variant="secondary">{group.intake ? "Intake" : "Patient-reported"}, {when}</Badge>
                      {group.rows.map((r) => (
                        <span key={r.id}>
                          <span className="font-medium">{group.intake ? shortName(r.instrument) : INSTRUMENTS[r.instrument].label}</span> {describeScore(r)}
                          {r.band ? ` · ${r.band}` : ""}
                        </span>
                      ))}
                      <Button size="sm" asChild>
                        <Link href={`/patients/${patient.id}/assessments/new?${query}`} aria-label={`Accept into new assessment: ${label}`}>
                          Accept into new assessment
                        </Link>
                      </Button>
                      {group.rows.map((r) => (
                        <DismissReportButton key={r.id} patientId={patient.id} reportId={r.id} label={group.intake ? `${shortName(r.instrument)} of the intake, ${when}` : label} />
                      ))}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {(waiting.length > 0 || decided.length > 0) && (
            <ul className="grid gap-2 text-sm" aria-label="Questionnaire links sent">
              {waiting.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3">
                  <Badge variant={r.linkState === "active" ? "default" : "secondary"}>{r.linkState === "active" ? "Waiting" : r.linkState === "expired" ? "Expired" : "Withdrawn"}</Badge>
                  <span>
                    {shortName(r.instrument)} sent {date(r.createdAt)}, {r.linkState === "expired" ? "expired" : "valid until"} {date(r.expiresAt)}
                  </span>
                  {r.linkState === "active" && <WithdrawLinkButton linkId={r.linkId} label={`${shortName(r.instrument)} link sent ${date(r.createdAt)}`} />}
                </li>
              ))}
              {decided.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3 text-muted-foreground">
                  <Badge variant="secondary">{r.status === "accepted" ? "Accepted" : "Dismissed"}</Badge>
                  <span>
                    {shortName(r.instrument)} reported {date(r.completedAt ?? r.createdAt)}: {describeScore(r)}
                  </span>
                  {r.status === "accepted" && r.assessmentId && (
                    <Link href={`/patients/${patient.id}/assessments/${r.assessmentId}`} className="underline-offset-4 hover:underline">
                      Open the assessment
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
