import { ArrowRight } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { formatInstantDate } from "@/lib/format";
import type { InstrumentOutcome, VersionSeries } from "@/lib/outcomes/model";
import { ChangeBadge } from "./change-badge";
import { formatDelta, formatScore } from "./format-score";
import { SHORT_INSTRUMENT_LABELS } from "./labels";

function VersionLine({ outcome, series, timeZone, showLabel }: { outcome: InstrumentOutcome; series: VersionSeries; timeZone: string; showLabel: boolean }) {
  const count = series.points.length;
  const score = (p: VersionSeries["latest"]) => formatScore({ ...p, instrument: outcome.instrument });
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {showLabel ? <p className="text-xs font-medium">{series.label}</p> : <span />}
        {series.change ? (
          <div className="flex flex-wrap items-center gap-2">
            <ChangeBadge kind={series.change.kind} />
            <span className="text-xs tabular-nums">{formatDelta(series.change.delta, series.unit)}</span>
          </div>
        ) : (
          <span className="text-xs text-muted-foreground">{count < 2 ? "One score of this version so far" : "Not yet comparable"}</span>
        )}
      </div>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {count >= 2 && (
          <>
            <span className="tabular-nums">{score(series.baseline)}</span>
            <span className="text-xs text-muted-foreground">first, {formatInstantDate(new Date(series.baseline.takenAt), timeZone)}</span>
            <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden />
            <span className="sr-only">to</span>
          </>
        )}
        <span className="font-semibold tabular-nums">{score(series.latest)}</span>
        <span className="text-xs text-muted-foreground">latest, {formatInstantDate(new Date(series.latest.takenAt), timeZone)}</span>
        {series.latest.band && <Badge variant="outline">{series.latest.band}</Badge>}
      </p>
      {series.change && (
        <details>
          <summary className="cursor-pointer text-xs text-muted-foreground">Rule applied: {series.change.rule.label}, {series.change.rule.threshold}</summary>
          <p className="text-xs text-muted-foreground">{series.change.explanation}</p>
        </details>
      )}
    </div>
  );
}

/**
 * Latest score with its band, and the change since the first score of the
 * same version judged by the clinic's rule (lib/outcomes). With several
 * versions, each version's series is shown and none is compared with another.
 */
export function OutcomeSummaryTable({ outcomes, timeZone }: { outcomes: InstrumentOutcome[]; timeZone: string }) {
  return (
    <ul aria-label="Outcome scores" className="grid">
      {outcomes.map((o) => {
        // The current version first: its verdict is the instrument's
        const ordered = [o.current, ...o.series.filter((s) => s !== o.current)];
        return (
          <li key={o.instrument} className="grid gap-2 border-b py-3 first:pt-0 last:border-b-0">
            <p className="text-sm">
              <abbr title={o.label} className="font-medium no-underline">
                {SHORT_INSTRUMENT_LABELS[o.instrument]}
              </abbr>{" "}
              <span className="text-xs text-muted-foreground">
                {o.label}, {o.series.length > 1 ? `${o.series.length} versions` : `version ${o.current.version}`}
              </span>
            </p>
            {o.versionNote && <p className="text-xs text-muted-foreground">{o.versionNote}</p>}
            {ordered.map((s) => (
              <VersionLine key={s.version} outcome={o} series={s} timeZone={timeZone} showLabel={o.series.length > 1} />
            ))}
          </li>
        );
      })}
    </ul>
  );
}
