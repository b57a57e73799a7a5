import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AssessmentContent } from "@/lib/assessments/content";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { formatMeasurementValue, getMeasure } from "@/lib/clinical/measures";
import type { EnduranceFinding } from "@/lib/clinical/pattern-suggest";
import { PATTERNS } from "@/lib/clinical/patterns";
import { REGION_LABELS, SIDE_LABELS } from "./labels";
import { formatScore } from "./format-score";

function formatItemValue(value: number | boolean | null): string {
  if (value === null) return "blank";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

function Instruments({ content, headingLevel }: { content: AssessmentContent; headingLevel: "h2" | "h3" | "h4" }) {
  const H = headingLevel;
  return (
    <section className="grid gap-2">
      <H className="font-semibold">Pain and questionnaires</H>
      {content.instruments.length === 0 ? (
        <p className="text-sm text-muted-foreground">None recorded.</p>
      ) : (
        <ul className="grid gap-2">
          {content.instruments.map((r) => (
            <li key={r.instrument} className="rounded-lg border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{INSTRUMENTS[r.instrument].label}</span>
                <span className="text-muted-foreground">version {r.version}</span>
                <span className="font-semibold tabular-nums">{formatScore(r)}</span>
                {r.band && <Badge variant="outline">{r.band}</Badge>}
                <span className="text-xs text-muted-foreground">{r.direction === "higher-is-worse" ? "higher is worse" : "higher is better"}</span>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-muted-foreground">Answers and scoring rule</summary>
                <p className="mt-2 text-xs">{r.items.map((i) => `${i.label}: ${formatItemValue(i.value)}`).join(" · ")}</p>
                <p className="mt-1 text-xs text-muted-foreground">{r.rule}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Measurements({ content, headingLevel }: { content: AssessmentContent; headingLevel: "h2" | "h3" | "h4" }) {
  const H = headingLevel;
  return (
    <section className="grid gap-2">
      <H className="font-semibold">Examination</H>
      {content.measurements.length === 0 ? (
        <p className="text-sm text-muted-foreground">No measurements recorded.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Measure</TableHead>
              <TableHead>Side</TableHead>
              <TableHead>Value</TableHead>
              <TableHead>Method</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {content.measurements.map((m) => {
              const measure = getMeasure(m.code);
              return (
                <TableRow key={`${m.code}-${m.side}`}>
                  <TableCell className="whitespace-normal">{measure?.label ?? m.code}</TableCell>
                  <TableCell>{m.side === "na" ? "—" : SIDE_LABELS[m.side]}</TableCell>
                  <TableCell className="tabular-nums">
                    {formatMeasurementValue(m.code, m.value)}
                    {m.abnormal && <Badge variant="warning" className="ml-2">Marked abnormal</Badge>}
                  </TableCell>
                  <TableCell className="whitespace-normal">{measure?.methods.find((x) => x.id === m.method)?.label ?? m.method ?? "—"}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Patterns({ content, headingLevel }: { content: AssessmentContent; headingLevel: "h2" | "h3" | "h4" }) {
  const H = headingLevel;
  return (
    <section className="grid gap-2">
      <H className="font-semibold">Imbalance patterns</H>
      {content.patterns.length === 0 ? (
        <p className="text-sm text-muted-foreground">No pattern confirmed or dismissed.</p>
      ) : (
        <ul className="grid gap-2">
          {content.patterns.map((p) => (
            <li key={p.pattern} className="rounded-lg border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{PATTERNS[p.pattern]?.label ?? p.pattern}</span>
                <Badge variant={p.status === "confirmed" ? "default" : "secondary"}>{p.status === "confirmed" ? "Confirmed" : "Dismissed"}</Badge>
                {!p.suggested && <span className="text-xs text-muted-foreground">on clinical judgement (not suggested by the findings)</span>}
              </div>
              {p.triggers.length > 0 && (
                <ul className="mt-2 ml-5 list-disc text-xs text-muted-foreground">
                  {p.triggers.map((t, i) => (
                    <li key={i}>{t.reason}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Findings reported on their own (McGill's ratios read the right way round): nothing to confirm, shown with their reasons. */
function EnduranceFindings({ findings, headingLevel }: { findings: readonly EnduranceFinding[]; headingLevel: "h2" | "h3" | "h4" }) {
  const H = headingLevel;
  return (
    <section className="grid gap-2">
      <H className="font-semibold">Trunk endurance findings</H>
      <ul className="grid gap-2">
        {findings.map((f) => (
          <li key={f.id} className="rounded-lg border p-3 text-sm">
            <span className="font-medium">{f.label}</span>
            <ul className="mt-2 ml-5 list-disc text-xs text-muted-foreground">
              {f.triggers.map((t, i) => (
                <li key={i}>{t.reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An assessment's content, current or as an earlier revision stored it (with its endurance findings when given). */
export function AssessmentContentView({
  content,
  headingLevel = "h2",
  findings = [],
}: {
  content: AssessmentContent;
  headingLevel?: "h2" | "h3" | "h4";
  findings?: readonly EnduranceFinding[];
}) {
  const H = headingLevel;
  return (
    <div className="grid gap-6">
      <section className="grid gap-2">
        <H className="font-semibold">Complaint</H>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">Region</dt>
          <dd>{REGION_LABELS[content.region]}</dd>
          <dt className="text-muted-foreground">Chief complaint</dt>
          <dd className="whitespace-pre-line">{content.chiefComplaint || "Not recorded"}</dd>
          <dt className="text-muted-foreground">History and notes</dt>
          <dd className="whitespace-pre-line">{content.notes ?? "None"}</dd>
        </dl>
      </section>
      <Instruments content={content} headingLevel={headingLevel} />
      <Measurements content={content} headingLevel={headingLevel} />
      {findings.length > 0 && <EnduranceFindings findings={findings} headingLevel={headingLevel} />}
      <Patterns content={content} headingLevel={headingLevel} />
      <section className="grid gap-2">
        <H className="font-semibold">Plan</H>
        <p className="text-sm whitespace-pre-line">{content.planNotes ?? "None"}</p>
      </section>
    </div>
  );
}
