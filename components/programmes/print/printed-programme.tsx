import { formatDate } from "@/lib/format";
import { describeItemDose } from "@/lib/programmes/describe";
import type { ProgrammeView } from "@/lib/programmes/queries";
import { TickGrid } from "./tick-grid";

type Props = {
  clinicName: string;
  patient: { firstName: string; lastName: string; dateOfBirth: string };
  programme: ProgrammeView;
  printedOn: string;
};

/** The patient's copy: who, when, each exercise with its dose and instructions, and a week to tick. */
export function PrintedProgramme({ clinicName, patient, programme, printedOn }: Props) {
  return (
    <article className="grid gap-5">
      <header className="grid gap-1 border-b pb-3">
        <p className="text-sm font-semibold tracking-wide uppercase">{clinicName}</p>
        <h1 className="text-2xl font-semibold">Home exercise programme</h1>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-muted-foreground">Patient</dt>
            <dd className="font-medium">
              {patient.firstName} {patient.lastName}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Date of birth</dt>
            <dd>{formatDate(patient.dateOfBirth)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Practitioner</dt>
            <dd>{programme.practitionerName}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Date</dt>
            <dd>{formatDate(printedOn)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Starts</dt>
            <dd>{formatDate(programme.startDate)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Review</dt>
            <dd>{programme.reviewDate ? formatDate(programme.reviewDate) : "At your next visit"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Version</dt>
            <dd>{programme.versionNo}</dd>
          </div>
        </dl>
      </header>
      {programme.goals && (
        <section aria-labelledby="print-goals">
          <h2 id="print-goals" className="font-semibold">
            Your goals
          </h2>
          <p className="whitespace-pre-line">{programme.goals}</p>
        </section>
      )}
      <section aria-labelledby="print-exercises" className="grid gap-3">
        <h2 id="print-exercises" className="font-semibold">
          Your exercises
        </h2>
        <ol className="grid gap-3">
          {programme.items.map((item, i) => (
            <li key={item.id} className="print-item grid gap-1 rounded-md border p-3">
              <h3 className="font-semibold">
                {i + 1}. {item.exercise?.name ?? "Exercise"}
              </h3>
              <p className="text-sm font-medium">{describeItemDose(item)}</p>
              {item.exercise && (
                <ol className="list-decimal space-y-0.5 pl-5 text-sm">
                  {item.exercise.instructions.map((line, n) => (
                    <li key={n}>{line}</li>
                  ))}
                </ol>
              )}
              {item.exercise && item.exercise.commonErrors.length > 0 && (
                <p className="text-sm text-muted-foreground">Watch out for: {item.exercise.commonErrors.join("; ")}.</p>
              )}
              {item.notes && <p className="text-sm">Note from your practitioner: {item.notes}</p>}
            </li>
          ))}
        </ol>
      </section>
      <TickGrid items={programme.items} />
      <footer className="border-t pt-2 text-xs text-muted-foreground">
        Questions about your programme? Contact {clinicName}. Bring this sheet to your next visit.
      </footer>
    </article>
  );
}
