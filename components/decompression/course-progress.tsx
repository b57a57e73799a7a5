import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import type { CourseProgress as Progression } from "@/lib/decompression/queries";

/** Planned against completed sessions, with the reassessments due (50 % and 100 %, clinical-reference.md section 4). */
export function CourseProgress({ progress, label }: { progress: Progression; label: string }) {
  const id = `progress-${progress.courseId}`;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span id={id}>
          {progress.completed} of {progress.plannedSessions} planned sessions completed
          <span className="sr-only"> for {label}</span>
        </span>
        <span className="flex flex-wrap gap-1">
          {progress.reassessmentDue.map((m) => (
            <Badge key={m} variant="warning">
              Reassessment due ({m} %)
            </Badge>
          ))}
        </span>
      </div>
      <Progress value={progress.completed} max={progress.plannedSessions} aria-labelledby={id} />
      {(progress.cancelled > 0 || progress.missed > 0 || progress.scheduled > 0) && (
        <p className="text-xs text-muted-foreground">
          {[
            progress.scheduled && `${progress.scheduled} scheduled`,
            progress.cancelled && `${progress.cancelled} cancelled`,
            progress.missed && `${progress.missed} missed`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      )}
    </div>
  );
}
