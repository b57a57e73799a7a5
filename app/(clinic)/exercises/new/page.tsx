import type { Metadata } from "next";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { createExerciseAction } from "@/lib/exercises/actions";
import { exerciseToFormValues, toLibraryEntry } from "@/lib/exercises/library";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage({ searchParams }: { searchParams: Promise<{ copy?: string | string[] }> }) {
  await requireScope();
  const { copy } = await searchParams;
  const builtIn = typeof copy === "string" ? getBuiltInExercise(copy) : undefined;
  const initial: Record<string, string> = builtIn
    ? { ...exerciseToFormValues(toLibraryEntry(builtIn)), name: `${builtIn.name} (our version)`, basedOn: builtIn.slug }
    : { sets: "3", reps: "10", timesPerDay: "1", daysPerWeek: "3" };
  return (
    <div className="mx-auto grid max-w-6xl gap-2">
      <PageHeader
        title={builtIn ? `Copy “${builtIn.name}”` : "New exercise"}
        description={builtIn ? "Your copy is saved as your clinic's own exercise; the built-in stays as it is." : "Add an exercise your clinic uses beside the built-in catalogue."}
      />
      <ExerciseForm action={createExerciseAction} initial={initial} submitLabel="Save exercise" cancelHref={builtIn ? `/exercises/${builtIn.slug}` : "/exercises"} />
    </div>
  );
}
