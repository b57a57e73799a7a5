import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { getConfirmedPatterns } from "@/lib/assessments/queries";
import { programmeItems, programmes, users, type Programme, type ProgrammeItem } from "@/db/schema";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import type { PatternId } from "@/lib/clinical/patterns";
import { NotFoundError, isUuid } from "@/lib/errors";
import { getClinicExercisesById } from "@/lib/exercises/queries";
import { clinicToLibraryEntry, toLibraryEntry, type LibraryExercise } from "@/lib/exercises/library";

export type ProgrammeItemView = ProgrammeItem & { exercise: LibraryExercise | null };
export type ProgrammeView = Programme & { practitionerName: string; items: ProgrammeItemView[] };

/** The patterns the patient's signed assessments currently confirm (the assessments' rule), as ids. */
export async function getConfirmedPatternIds(db: Queryable, scope: Scope, patientId: string): Promise<PatternId[]> {
  if (!isUuid(patientId)) return [];
  return (await getConfirmedPatterns(db, scope, patientId)).map((p) => p.pattern);
}

/** Items in order, each with its exercise (a built-in from code, a clinic one from the table). */
async function loadItems(db: Queryable, scope: ClinicScope, programmeIds: string[]): Promise<Map<string, ProgrammeItemView[]>> {
  const out = new Map<string, ProgrammeItemView[]>();
  if (programmeIds.length === 0) return out;
  const rows = await db
    .select()
    .from(programmeItems)
    .where(and(eq(programmeItems.clinicId, scope.clinicId), inArray(programmeItems.programmeId, programmeIds)))
    .orderBy(asc(programmeItems.programmeId), asc(programmeItems.position));
  const clinicExercises = await getClinicExercisesById(
    db,
    scope,
    rows.flatMap((r) => (r.exerciseId ? [r.exerciseId] : [])),
  );
  for (const row of rows) {
    const builtIn = row.builtInSlug ? getBuiltInExercise(row.builtInSlug) : undefined;
    const own = row.exerciseId ? clinicExercises.get(row.exerciseId) : undefined;
    const exercise = builtIn ? toLibraryEntry(builtIn) : own ? clinicToLibraryEntry(own) : null;
    const list = out.get(row.programmeId) ?? [];
    list.push({ ...row, exercise });
    out.set(row.programmeId, list);
  }
  return out;
}

const programmeColumns = { programme: programmes, practitionerName: users.name };

export async function getProgramme(db: Queryable, scope: ClinicScope, id: string): Promise<ProgrammeView> {
  if (!isUuid(id)) throw new NotFoundError("Programme");
  const [row] = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(users, eq(users.id, programmes.practitionerId))
    .where(and(eq(programmes.id, id), eq(programmes.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Programme");
  const items = await loadItems(db, scope, [id]);
  return { ...row.programme, practitionerName: row.practitionerName, items: items.get(id) ?? [] };
}

export async function getActiveProgramme(db: Queryable, scope: Scope, patientId: string): Promise<ProgrammeView | null> {
  if (!isUuid(patientId)) return null;
  const [row] = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(users, eq(users.id, programmes.practitionerId))
    .where(and(eq(programmes.clinicId, scope.clinicId), eq(programmes.patientId, patientId), eq(programmes.status, "active")));
  if (!row) return null;
  const items = await loadItems(db, scope, [row.programme.id]);
  return { ...row.programme, practitionerName: row.practitionerName, items: items.get(row.programme.id) ?? [] };
}

/** Every programme of the patient, newest first, superseded versions included. */
export async function listProgrammes(db: Queryable, scope: Scope, patientId: string) {
  if (!isUuid(patientId)) return [];
  const rows = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(users, eq(users.id, programmes.practitionerId))
    .where(and(eq(programmes.clinicId, scope.clinicId), eq(programmes.patientId, patientId)))
    .orderBy(desc(programmes.createdAt), desc(programmes.versionNo));
  const ids = rows.map((r) => r.programme.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ programmeId: programmeItems.programmeId, n: count() })
          .from(programmeItems)
          .where(and(eq(programmeItems.clinicId, scope.clinicId), inArray(programmeItems.programmeId, ids)))
          .groupBy(programmeItems.programmeId);
  const byId = new Map(counts.map((c) => [c.programmeId, Number(c.n)]));
  return rows.map((r) => ({ ...r.programme, practitionerName: r.practitionerName, itemCount: byId.get(r.programme.id) ?? 0 }));
}

