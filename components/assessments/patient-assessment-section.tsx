import Link from "next/link";
import { ClipboardList, Plus } from "@/components/ui/icons";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { loadAssessmentSection } from "@/lib/assessments/view";
import { PATTERNS } from "@/lib/clinical/patterns";
import { formatInstantDate } from "@/lib/format";
import { AssessmentTimeline } from "./assessment-timeline";
import { DraftList } from "./draft-list";
import { OutcomeSummaryTable } from "./outcome-summary-table";

/** The patient page's assessment summary: scores and change, confirmed patterns, drafts, timeline. */
export async function PatientAssessmentSection({ scope, patient, timeZone }: PatientSectionProps) {
  const { entries, summary, patterns } = await loadAssessmentSection(scope, patient.id);
  const signed = entries.filter((e) => e.status === "signed");
  const drafts = entries.filter((e) => e.status === "draft");
  const newHref = `/patients/${patient.id}/assessments/new`;
  const canAssess = !patient.archivedAt;
  return (
    <section aria-labelledby="assessments-title">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="assessments-title">Assessments</h2>
          </CardTitle>
          <CardDescription>
            {summary.firstAssessedAt && summary.lastAssessedAt
              ? `${summary.signedCount} signed since ${formatInstantDate(summary.firstAssessedAt, timeZone)}; latest ${formatInstantDate(summary.lastAssessedAt, timeZone)}. Change is judged by the clinic's meaningful-change rules.`
              : "Outcome scores, examination findings and confirmed patterns."}
          </CardDescription>
          {canAssess && (
            <CardAction>
              <Button asChild>
                <Link href={newHref}>
                  <Plus aria-hidden />
                  New assessment
                </Link>
              </Button>
            </CardAction>
          )}
        </CardHeader>
        <CardContent className="grid gap-6">
          {entries.length === 0 ? (
            <EmptyState
              icon={ClipboardList}
              titleAs="h3"
              title="No assessments yet"
              description="Record pain, questionnaires and examination findings to set the baseline that progress is measured from."
            />
          ) : (
            <>
              {summary.outcome.instruments.length > 0 && (
                <section className="grid gap-2" aria-labelledby="outcomes-title">
                  <h3 id="outcomes-title" className="font-semibold">
                    Scores
                  </h3>
                  <OutcomeSummaryTable outcomes={summary.outcome.instruments} timeZone={timeZone} />
                </section>
              )}
              <section className="grid gap-2" aria-labelledby="patterns-title">
                <h3 id="patterns-title" className="font-semibold">
                  Confirmed patterns
                </h3>
                {patterns.length === 0 ? (
                  <p className="text-sm text-muted-foreground">None confirmed.</p>
                ) : (
                  <ul className="flex flex-wrap gap-2">
                    {patterns.map((p) => (
                      <li key={p.pattern}>
                        <Badge variant="outline" className="whitespace-normal" title={`Confirmed ${formatInstantDate(p.confirmedAt, timeZone)}`}>
                          {PATTERNS[p.pattern].label}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              {drafts.length > 0 && (
                <section className="grid gap-2" aria-labelledby="drafts-title">
                  <h3 id="drafts-title" className="font-semibold">
                    Drafts
                  </h3>
                  <DraftList drafts={drafts} patientId={patient.id} timeZone={timeZone} userId={scope.userId} now={new Date()} />
                </section>
              )}
              {signed.length > 0 && (
                <section className="grid gap-2" aria-labelledby="timeline-title">
                  <h3 id="timeline-title" className="font-semibold">
                    Timeline
                  </h3>
                  <AssessmentTimeline entries={signed} patientId={patient.id} timeZone={timeZone} />
                </section>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
