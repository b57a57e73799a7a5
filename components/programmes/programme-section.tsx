import Link from "next/link";
import { ClipboardList, Eye, Plus, Printer, Sparkles } from "@/components/ui/icons";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { computePrescribedSessions, getPastWeekStart } from "@/lib/adherence/rules";
import { PATTERNS } from "@/lib/clinical/patterns";
import { formatDate, todayIn } from "@/lib/format";
import { loadProgrammeSection } from "@/lib/programmes/view";
import { AdherenceForm } from "./adherence-form";
import { AdherenceTable, formatPercent } from "./adherence-table";

const RECENT_WEEKS = 4;

/** The patient page's home-programme card: the active programme, weekly adherence, and recording it. */
export async function ProgrammeSection({ scope, patient, timeZone }: PatientSectionProps) {
  const { active, patterns, weeks, history } = await loadProgrammeSection(scope, patient.id);
  const today = todayIn(timeZone);
  const base = `/patients/${patient.id}/programmes`;
  const editable = !patient.archivedAt;
  const latest = weeks.at(-1);
  const reviewDue = active?.reviewDate ? active.reviewDate <= today : false;

  return (
    <section aria-labelledby="programme-section-title">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="programme-section-title">Home programme</h2>
          </CardTitle>
          <CardDescription>
            {patterns.length ? `Confirmed patterns: ${patterns.map((p) => PATTERNS[p].shortLabel).join(", ")}.` : "No confirmed imbalance patterns yet."}
          </CardDescription>
          <CardAction className="flex flex-wrap gap-2">
            {editable && patterns.length > 0 && (
              <Button variant={active ? "outline" : "default"} size="sm" asChild>
                <Link href={`${base}/new?suggest=1`}>
                  <Sparkles className="size-4" aria-hidden />
                  Suggest programme
                </Link>
              </Button>
            )}
            {editable && !active && (
              <Button variant="outline" size="sm" asChild>
                <Link href={`${base}/new`}>
                  <Plus className="size-4" aria-hidden />
                  New programme
                </Link>
              </Button>
            )}
          </CardAction>
        </CardHeader>
        <CardContent className="grid gap-5">
          {!active ? (
            <EmptyState
              titleAs="h3"
              icon={ClipboardList}
              title="No active programme"
              description={patterns.length ? "Suggest one from the confirmed patterns, or build one from the library." : "Build one from the library, or confirm a pattern on an assessment to get a suggestion."}
              action={
                history.length > 0 ? (
                  <Button variant="link" asChild>
                    <Link href={base}>Earlier programmes ({history.length})</Link>
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div>
                  <dt className="text-muted-foreground">Programme</dt>
                  <dd>
                    Version {active.versionNo}: {active.items.length} exercise{active.items.length === 1 ? "" : "s"}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Started</dt>
                  <dd>{formatDate(active.startDate)}</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Review</dt>
                  <dd className="flex flex-wrap items-center gap-2">
                    {active.reviewDate ? formatDate(active.reviewDate) : "Not set"}
                    {reviewDue && <Badge variant="warning">Review due</Badge>}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Weekly adherence</dt>
                  <dd className="flex flex-wrap items-center gap-2" data-testid="weekly-adherence">
                    {latest ? `${formatPercent(latest.percent)} (week of ${formatDate(latest.weekStart)})` : "Not recorded yet"}
                    {latest?.low && <Badge variant="warning">Low</Badge>}
                  </dd>
                </div>
              </dl>
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="outline" asChild>
                  <Link href={`${base}/${active.id}`}>
                    <Eye className="size-4" aria-hidden />
                    View programme
                  </Link>
                </Button>
                <Button size="sm" variant="outline" asChild>
                  <Link href={`/print/programmes/${active.id}`}>
                    <Printer className="size-4" aria-hidden />
                    Print programme
                  </Link>
                </Button>
                {editable && (
                  <Button size="sm" variant="outline" asChild>
                    <Link href={`${base}/new`}>Edit as new version</Link>
                  </Button>
                )}
                <Button size="sm" variant="link" asChild>
                  <Link href={base}>All versions</Link>
                </Button>
              </div>
              {weeks.length > 0 && (
                <div className="rounded-md border">
                  <AdherenceTable weeks={weeks.slice(-RECENT_WEEKS)} caption={`Adherence, last ${RECENT_WEEKS} weeks recorded`} />
                </div>
              )}
              {editable && (
                <details className="rounded-md border p-3">
                  <summary className="cursor-pointer text-sm font-medium">Record adherence for a week</summary>
                  <div className="pt-3">
                    <AdherenceForm
                      patientId={patient.id}
                      programmeId={active.id}
                      defaultWeek={getPastWeekStart(today)}
                      prescribed={computePrescribedSessions(active.items.map((i) => ({ ...i, category: i.exercise?.category ?? null })))}
                      today={today}
                    />
                  </div>
                </details>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
