import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { updateExerciseAction } from "@/lib/exercises/actions";
import { clinicToLibraryEntry, exerciseToFormValues } from "@/lib/exercises/library";
import { getClinicExercise } from "@/lib/exercises/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Edit exercise" };

/** Only a clinic's own exercises are edited; a built-in's key is not found here. */
export default async function EditExercisePage({ params }: { params: Promise<{ key: string }> }) {
  const scope = await requireScope();
  const { key } = await params;
  const db = await getDb(scope);
  const row = await orNotFound(getClinicExercise(db, scope, key));
  if (row.archivedAt) notFound();
  const initial = { ...exerciseToFormValues(clinicToLibraryEntry(row)), id: row.id, version: String(row.version) };
  return (
    <div className="mx-auto grid max-w-6xl gap-2">
      <PageHeader title={`Edit ${row.name}`} />
      <ExerciseForm action={updateExerciseAction} initial={initial} submitLabel="Save changes" cancelHref={`/exercises/${row.id}`} />
    </div>
  );
}
