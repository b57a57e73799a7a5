import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ClinicBenchmarks, ResponderRate, RuleUsed } from "@/lib/benchmarks/build";
import { formatShare } from "@/lib/benchmarks/csv";
import { INDICATOR_WINDOW_DAYS } from "@/lib/clinical/outcome-indicators";

function Figure({ title, rate, testId }: { title: string; rate: ResponderRate; testId: string }) {
  return (
    <div className="grid gap-1 rounded-md border p-4" data-testid={testId}>
      <p className="text-sm text-muted-foreground">{title}</p>
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums">{formatShare(rate.responders, rate.eligible) ?? "None eligible"}</span>
        {rate.eligible > 0 && (
          <span className="tabular-nums">
            {" "}
            ({rate.responders} of {rate.eligible} eligible)
          </span>
        )}
      </p>
    </div>
  );
}

/** The clinic's overall responder rates and the "measured at intake and discharge" indicators, with their definitions. */
export function BenchmarkSummary({ benchmarks }: { benchmarks: ClinicBenchmarks }) {
  const { overall, indicators } = benchmarks;
  const rules = new Map<string, RuleUsed>();
  for (const r of [...overall.pain.rules, ...overall.main.rules]) rules.set(`${r.name}\u0000${r.source}`, r);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>
              Responders ({overall.patients} {overall.patients === 1 ? "patient" : "patients"})
            </h2>
          </CardTitle>
          <CardDescription>
            A responder reached a meaningful improvement from baseline to latest score (the outcome model: one version of an instrument at a time,
            the clinic&apos;s rules). Eligible: two or more scores of the instrument. Improvement is not proof the treatment caused it.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <Figure title="Pain (NPRS)" rate={overall.pain} testId="overall-pain" />
            <Figure title="Main questionnaire" rate={overall.main} testId="overall-main" />
          </div>
          <div className="grid gap-1 text-xs text-muted-foreground">
            <p className="font-medium text-foreground">Rules used</p>
            {rules.size === 0 && <p>No patient had two scores yet.</p>}
            <ul className="grid gap-1">
              {[...rules.values()].map((r) => (
                <li key={`${r.name}${r.source}`}>
                  {r.name}. Source: {r.source}
                </li>
              ))}
            </ul>
            <p>The main questionnaire is the one recorded most often for the patient, then the first started [U: a house rule].</p>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Measured at intake and discharge</h2>
          </CardTitle>
          <CardDescription>
            The process indicators of the Dutch quality indicator set for physiotherapy in low back pain: how often a measure was taken at both the
            start and the end of treatment.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <ul className="grid gap-3">
            {indicators.map((i) => (
              <li key={i.key} className="grid gap-0.5" data-testid={`indicator-${i.key}`}>
                <span className="text-sm">{i.label}</span>
                <span className="text-sm tabular-nums">
                  <span className="text-lg font-semibold">{formatShare(i.measured, i.eligible) ?? "None eligible"}</span> ({i.measured} of {i.eligible} {i.eligible === 1 ? "patient" : "patients"})
                </span>
                <span className="text-xs text-muted-foreground">Source: {i.source}</span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">
            Here [U: house definitions, the indicator set does not fix them for this app]: intake is the patient&apos;s first signed assessment
            (a score up to {INDICATOR_WINDOW_DAYS} days after it counts); discharge is the latest completion of a decompression course or home
            programme in the period (a score within {INDICATOR_WINDOW_DAYS} days either side counts), in another assessment than the intake score.
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
