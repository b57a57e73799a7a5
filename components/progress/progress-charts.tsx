import { ChartNoAxesCombined } from "@/components/ui/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PROGRESS_RANGE_LABELS } from "@/lib/progress/range";
import type { ProgressData } from "@/lib/progress/types";
import { compactChart, encodeTimes } from "./compact";
import { ProgressChart } from "./progress-chart";

/** Every chart of a patient's progress page, or a designed empty state. */
export function ProgressCharts({ patientId, progress, timeZone }: { patientId: string; progress: ProgressData; timeZone: string }) {
  if (progress.charts.length === 0) {
    return (
      <EmptyState
        icon={ChartNoAxesCombined}
        title={progress.range === "all" ? "Nothing to chart yet" : `Nothing recorded in the last ${PROGRESS_RANGE_LABELS[progress.range].toLowerCase()}`}
        description={
          progress.range === "all"
            ? "Pain scores, questionnaires and measurements appear here once an assessment is signed."
            : "Choose a longer range to see earlier values."
        }
      />
    );
  }
  const query = progress.range === "all" ? "" : `?range=${progress.range}`;
  const base = progress.xDomain[0];
  const sessions = encodeTimes(progress.sessions, base);
  const adherence = { t: encodeTimes(progress.adherence.t, base), percent: progress.adherence.percent };
  return (
    <div className="grid gap-6">
      {progress.charts.map((chart) => (
        <ProgressChart
          key={chart.id}
          chart={compactChart(chart, base)}
          sessions={sessions}
          adherence={adherence}
          xDomain={progress.xDomain}
          timeZone={timeZone}
          csvHref={`/api/patients/${patientId}/series/${chart.id}${query}`}
        />
      ))}
    </div>
  );
}
