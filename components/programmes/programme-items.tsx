import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CATEGORY_LABELS } from "@/lib/exercises/library";
import { describeItemDose } from "@/lib/programmes/describe";
import type { ProgrammeItemView } from "@/lib/programmes/queries";

/** The programme's exercises in order, each with its dose as the patient will read it. */
export function ProgrammeItems({ items }: { items: ProgrammeItemView[] }) {
  return (
    <ol className="grid gap-3">
      {items.map((item, i) => (
        <li key={item.id} className="grid gap-1 rounded-lg border p-4">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">
              <span className="text-muted-foreground">{i + 1}.</span>{" "}
              {item.exercise ? (
                <Link href={`/exercises/${item.exercise.key}`} className="underline-offset-4 hover:underline">
                  {item.exercise.name}
                </Link>
              ) : (
                "Exercise no longer in the library"
              )}
            </h3>
            {item.exercise && <Badge variant="outline">{CATEGORY_LABELS[item.exercise.category]}</Badge>}
            {item.exercise?.archived && <Badge variant="secondary">Archived exercise</Badge>}
          </div>
          <p className="text-sm">{describeItemDose(item)}</p>
          {item.notes && <p className="text-sm text-muted-foreground">Note: {item.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
