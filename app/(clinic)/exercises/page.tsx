import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "@/components/ui/icons";
import { ExerciseFilterForm } from "@/components/exercises/exercise-filter-form";
import { ExerciseTable } from "@/components/exercises/exercise-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { listLibrary } from "@/lib/exercises/queries";
import { libraryParamsSchema } from "@/lib/exercises/schemas";

export const metadata: Metadata = { title: "Exercises" };

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const params = libraryParamsSchema.parse(await searchParams);
  const db = await getDb(scope);
  const exercises = await listLibrary(db, scope, params);
  const filtered = Boolean(params.q || params.category || params.muscle || params.pattern || params.source !== "all" || params.archived);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Exercise library"
        description="The built-in corrective catalogue beside your clinic's own exercises. Copy a built-in to change it."
        actions={
          <Button asChild>
            <Link href="/exercises/new">
              <Plus className="size-4" aria-hidden />
              New exercise
            </Link>
          </Button>
        }
      />
      <ExerciseFilterForm params={params} />
      <ExerciseTable exercises={exercises} filtered={filtered} />
    </div>
  );
}
