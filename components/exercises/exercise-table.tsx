import Link from "next/link";
import { Dumbbell } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MUSCLES } from "@/lib/clinical/exercise-catalogue";
import { PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { CATEGORY_LABELS, describeDose, type LibraryExercise } from "@/lib/exercises/library";

export function muscleLabel(id: string): string {
  return MUSCLES[id as keyof typeof MUSCLES] ?? id;
}

export function patternLabel(id: string): string {
  return PATTERNS[id as PatternId]?.shortLabel ?? id;
}

export function ExerciseTable({ exercises, filtered }: { exercises: LibraryExercise[]; filtered: boolean }) {
  if (exercises.length === 0) {
    return (
      <EmptyState
        icon={Dumbbell}
        title={filtered ? "No exercises match" : "No exercises yet"}
        description={filtered ? "Try a shorter name or clear a filter." : "Add your clinic's own exercises beside the built-in ones."}
      />
    );
  }
  return (
    <div className="rounded-md border">
      <Table>
        <TableCaption className="sr-only">Exercises, {exercises.length} shown</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Category</TableHead>
            <TableHead className="hidden md:table-cell">Target muscles</TableHead>
            <TableHead className="hidden lg:table-cell">Patterns</TableHead>
            <TableHead className="hidden sm:table-cell">Default dose</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {exercises.map((e) => (
            <TableRow key={e.ref}>
              <TableCell className="font-medium">
                <Link href={`/exercises/${e.key}`} className="underline-offset-4 hover:underline focus-visible:underline">
                  {e.name}
                </Link>
                <span className="ml-2 inline-flex gap-1 align-middle">
                  {e.source === "clinic" && <Badge variant="outline">Ours</Badge>}
                  {e.archived && <Badge variant="secondary">Archived</Badge>}
                </span>
              </TableCell>
              <TableCell>{CATEGORY_LABELS[e.category]}</TableCell>
              <TableCell className="hidden md:table-cell">{e.targetMuscles.map(muscleLabel).join(", ") || "—"}</TableCell>
              <TableCell className="hidden lg:table-cell">{e.patterns.map(patternLabel).join(", ") || "—"}</TableCell>
              <TableCell className="hidden sm:table-cell">{describeDose(e.defaultDose)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
