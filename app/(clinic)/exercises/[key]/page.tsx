import type { Metadata } from "next";
import Link from "next/link";
import { Copy, Pencil } from "@/components/ui/icons";
import { ArchiveExerciseButton } from "@/components/exercises/archive-exercise-button";
import { ExerciseDetail } from "@/components/exercises/exercise-detail";
import { ExerciseMediaCard } from "@/components/exercises/exercise-media-card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { getExerciseMediaInfo } from "@/lib/exercise-media/store";
import { getLibraryExercise } from "@/lib/exercises/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Exercise" };

export default async function ExercisePage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ media?: string }> }) {
  const scope = await requireScope();
  const { key } = await params;
  const { media: outcome } = await searchParams;
  const db = await getDb(scope);
  const exercise = await orNotFound(getLibraryExercise(db, scope, key));
  const media = await getExerciseMediaInfo(db, scope, exercise.key);
  const actions =
    exercise.source === "built-in" ? (
      <Button asChild>
        <Link href={`/exercises/new?copy=${exercise.key}`}>
          <Copy className="size-4" aria-hidden />
          Copy and edit
        </Link>
      </Button>
    ) : (
      <>
        {!exercise.archived && (
          <Button variant="outline" asChild>
            <Link href={`/exercises/${exercise.key}/edit`}>
              <Pencil className="size-4" aria-hidden />
              Edit
            </Link>
          </Button>
        )}
        <ArchiveExerciseButton id={exercise.key} archived={exercise.archived} />
      </>
    );
  return (
    <div className="mx-auto grid max-w-6xl gap-2">
      <PageHeader
        eyebrow={
          <Link href="/exercises" className="underline-offset-4 hover:underline">
            Exercise library
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            {exercise.name}
            <Badge variant={exercise.source === "built-in" ? "secondary" : "outline"}>{exercise.source === "built-in" ? "Built-in" : "Ours"}</Badge>
            {exercise.archived && <Badge variant="secondary">Archived</Badge>}
          </span>
        }
        description={exercise.source === "built-in" ? "Built-in exercises cannot be changed here: copy one to make your own version." : undefined}
        actions={actions}
      />
      <ExerciseDetail exercise={exercise} />
      <ExerciseMediaCard exerciseKey={exercise.key} name={exercise.name} media={media} outcome={outcome} canUpload={!exercise.archived} />
    </div>
  );
}
