import type { Metadata } from "next";
import { addDays, formatISO, parseISO } from "date-fns";
import { notFound } from "next/navigation";
import { Sparkles } from "@/components/ui/icons";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { ProgrammeBuilder } from "@/components/programmes/programme-builder";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { PATTERNS } from "@/lib/clinical/patterns";
import { listLibraryChoices } from "@/lib/exercises/queries";
import { todayIn } from "@/lib/format";
import { viewPatient } from "@/lib/patients/view";
import { fromStoredItem } from "@/lib/programmes/builder-items";
import { draftSuggestedItems } from "@/lib/programmes/draft";
import { getActiveProgramme, getConfirmedPatternIds } from "@/lib/programmes/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Programme builder" };

// [U] house default: review a new programme after six weeks.
const REVIEW_AFTER_DAYS = 42;

export default async function NewProgrammePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ suggest?: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const { suggest } = await searchParams;
  const patient = await orNotFound(viewPatient(scope, id, "programme"));
  if (patient.archivedAt) notFound();
  const db = await getDb(scope);
  const [user, active, patterns, library] = await Promise.all([
    getCurrentUser(scope),
    getActiveProgramme(db, scope, patient.id),
    getConfirmedPatternIds(db, scope, patient.id),
    listLibraryChoices(db, scope),
  ]);
  const name = `${patient.firstName} ${patient.lastName}`;
  const suggesting = suggest === "1";
  const items = suggesting
    ? draftSuggestedItems(patterns)
    : (active?.items ?? []).map((item) => fromStoredItem(item.id, item.exercise?.name ?? "Exercise no longer in the library", item));
  const today = todayIn(user.timeZone);
  const initial = {
    goals: active?.goals ?? "",
    startDate: today,
    reviewDate: formatISO(addDays(parseISO(today), REVIEW_AFTER_DAYS), { representation: "date" }),
  };
  const choices = library.map(({ ref, name: exerciseName, category, defaultDose }) => ({ ref, name: exerciseName, category, defaultDose }));
  return (
    <div className="mx-auto grid max-w-5xl gap-2">
      <PageHeader
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={active ? `New version of ${name}'s programme` : `New programme for ${name}`}
        description={
          active
            ? `Saving replaces version ${active.versionNo}, which stays readable in the programme history.`
            : "Add exercises from the library and set each dose."
        }
      />
      {suggesting && (
        <Alert variant={patterns.length ? "default" : "warning"} className="mb-4">
          <Sparkles aria-hidden />
          <AlertTitle>{patterns.length ? "Suggested from confirmed patterns" : "No confirmed patterns yet"}</AlertTitle>
          <AlertDescription>
            {patterns.length
              ? `${patterns.map((p) => PATTERNS[p].label).join("; ")}. A suggestion, never a prescription: edit it before saving.`
              : "Confirm an imbalance pattern on an assessment to get a suggestion, or add exercises yourself."}
          </AlertDescription>
        </Alert>
      )}
      <ProgrammeBuilder
        patientId={patient.id}
        patientName={patient.firstName}
        choices={choices}
        initialItems={items}
        supersedes={active ? { id: active.id, version: active.version } : null}
        initial={initial}
      />
    </div>
  );
}
