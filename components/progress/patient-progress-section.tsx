import Link from "next/link";
import { ChartLine } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { formatScoreNumber } from "@/lib/clinical/instruments/rounding";
import type { InstrumentOutcome } from "@/lib/outcomes/model";
import { loadPatientOutcome } from "@/lib/outcomes/view";

const KIND = {
  improvement: { variant: "success", label: "Meaningful improvement" },
  deterioration: { variant: "destructive", label: "Meaningful deterioration" },
  "no-meaningful-change": { variant: "secondary", label: "No meaningful change" },
} as const;

/** The patient page's progress summary (baseline to latest) and the way to the charts. */
export async function PatientProgressSection({ scope, patient }: PatientSectionProps) {
  const { outcome } = await loadPatientOutcome(scope, patient.id);
  const lines = [outcome.pain, outcome.main].filter((o): o is InstrumentOutcome => o !== null);
  return (
    <Card aria-labelledby="progress-heading" role="region">
      <CardHeader>
        <CardTitle asChild>
          <h2 id="progress-heading">Progress</h2>
        </CardTitle>
        <CardDescription>Baseline to latest signed score, judged by the clinic&apos;s meaningful-change rules.</CardDescription>
        <CardAction>
          <Button variant="outline" asChild>
            <Link href={`/patients/${patient.id}/progress`}>
              <ChartLine aria-hidden />
              Progress charts
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
      <CardContent>
        {lines.length === 0 ? (
          <p className="text-sm text-muted-foreground">No signed pain score or questionnaire yet. The charts also show measurements and sessions.</p>
        ) : (
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {lines.map((o) => {
              const s = o.current;
              return (
                <div key={o.instrument} className="grid gap-1">
                  <dt className="text-muted-foreground">
                    {o.instrument === "nprs" ? "Pain (NPRS)" : `${o.label} (${o.instrument.toUpperCase()})`}
                    {o.series.length > 1 && `, ${s.label}`}
                  </dt>
                  <dd className="flex flex-wrap items-center gap-2">
                    {s.change === null ? (
                      <span>Baseline {formatScoreNumber(s.baseline.score)}; no follow-up of this version yet</span>
                    ) : (
                      <>
                        <span className="tabular-nums">
                          {formatScoreNumber(s.baseline.score)} → {formatScoreNumber(s.latest.score)}
                        </span>
                        <Badge variant={KIND[s.change.kind].variant}>{KIND[s.change.kind].label}</Badge>
                      </>
                    )}
                  </dd>
                  {o.versionNote && <dd className="text-xs text-muted-foreground">{o.versionNote}</dd>}
                </div>
              );
            })}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
