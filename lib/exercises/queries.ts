import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { exercises, type Exercise } from "@/db/schema";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { NotFoundError, isUuid } from "@/lib/errors";
import { BUILT_IN_LIBRARY, clinicToLibraryEntry, filterLibrary, toLibraryEntry, type LibraryExercise } from "./library";
import type { LibraryParams } from "./schemas";

export async function listClinicExercises(db: Queryable, scope: Scope): Promise<Exercise[]> {
  return db.select().from(exercises).where(eq(exercises.clinicId, scope.clinicId)).orderBy(asc(exercises.name));
}

/** Built-ins and the clinic's own exercises, searched and filtered. */
export async function listLibrary(db: Queryable, scope: Scope, params: LibraryParams): Promise<LibraryExercise[]> {
  const own = (await listClinicExercises(db, scope)).map(clinicToLibraryEntry);
  return filterLibrary([...BUILT_IN_LIBRARY, ...own], params);
}

/** Everything the programme builder may add: built-ins and the clinic's active exercises. */
export async function listLibraryChoices(db: Queryable, scope: Scope): Promise<LibraryExercise[]> {
  return listLibrary(db, scope, { q: "", category: "", muscle: "", pattern: "", source: "all", archived: false });
}

export async function getClinicExercise(db: Queryable, scope: Scope, id: string): Promise<Exercise> {
  if (!isUuid(id)) throw new NotFoundError("Exercise");
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, id), eq(exercises.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Exercise");
  return row;
}

/** A detail page's key is a built-in slug or a clinic exercise id. */
export async function getLibraryExercise(db: Queryable, scope: Scope, key: string): Promise<LibraryExercise> {
  if (isUuid(key)) return clinicToLibraryEntry(await getClinicExercise(db, scope, key));
  const builtIn = getBuiltInExercise(key);
  if (!builtIn) throw new NotFoundError("Exercise");
  return toLibraryEntry(builtIn);
}

/** The clinic's exercises with these ids (others, and other clinics', are left out). */
export async function getClinicExercisesById(db: Queryable, scope: ClinicScope, ids: readonly string[]): Promise<Map<string, Exercise>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.clinicId, scope.clinicId), inArray(exercises.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}
