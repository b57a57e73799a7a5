import Link from "next/link";
import { ChartLine } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { getDb } from "@/db/runtime";
import { getOutcomeLines } from "@/lib/progress/summary";

const KIND = {
  improvement: { variant: "success", label: "Meaningful improvement" },
  deterioration: { variant: "destructive", label: "Meaningful deterioration" },
  "no-meaningful-change": { variant: "secondary", label: "No meaningful change" },
} as const;

/** The patient page's progress summary (baseline to latest) and the way to the charts. */
export async function PatientProgressSection({ scope, patient }: PatientSectionProps) {
  const lines = await getOutcomeLines(await getDb(scope), scope, patient.id);
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
            {lines.map((l) => (
              <div key={l.label} className="grid gap-1">
                <dt className="text-muted-foreground">{l.label}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  {l.count < 2 ? (
                    <span>Baseline {l.baseline}; no follow-up yet</span>
                  ) : (
                    <>
                      <span className="tabular-nums">
                        {l.baseline} → {l.latest}
                      </span>
                      <Badge variant={KIND[l.kind].variant}>{KIND[l.kind].label}</Badge>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
