import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EQUIPMENT, getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { CATEGORY_LABELS, describeDose, type LibraryExercise } from "@/lib/exercises/library";
import { muscleLabel, patternLabel } from "./exercise-table";

const equipmentLabel = (id: string) => EQUIPMENT[id as keyof typeof EQUIPMENT] ?? id;

export function ExerciseDetail({ exercise }: { exercise: LibraryExercise }) {
  const source = exercise.basedOn ? getBuiltInExercise(exercise.basedOn) : undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle asChild>
            <h2>How to do it</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ol className="list-decimal space-y-2 pl-5">
            {exercise.instructions.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
          {exercise.commonErrors.length > 0 && (
            <div>
              <h3 className="mb-2 text-sm font-semibold">Common errors</h3>
              <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
                {exercise.commonErrors.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Details</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm">
            <div>
              <dt className="text-muted-foreground">Category</dt>
              <dd>{CATEGORY_LABELS[exercise.category]}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Default dose</dt>
              <dd>{describeDose(exercise.defaultDose)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Target muscles</dt>
              <dd>{exercise.targetMuscles.map(muscleLabel).join(", ") || "None (advice)"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Patterns</dt>
              <dd className="flex flex-wrap gap-1">
                {exercise.patterns.length ? exercise.patterns.map((p) => <Badge key={p} variant="outline">{patternLabel(p)}</Badge>) : "None"}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Equipment</dt>
              <dd>{exercise.equipment.map(equipmentLabel).join(", ") || "None needed"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Source</dt>
              <dd>{exercise.source === "built-in" ? "Built-in catalogue" : source ? `Our clinic, copied from “${source.name}”` : "Our clinic"}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
