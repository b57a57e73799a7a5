import type { ProgrammeItemView } from "@/lib/programmes/queries";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** A box per time of day up to three; beyond that (advice through the day) one box for the day. */
function boxesPerDay(timesPerDay: number): number {
  return timesPerDay <= 3 ? timesPerDay : 1;
}

/** One week on paper: a box to tick per exercise, per day, per time of day. */
export function TickGrid({ items }: { items: ProgrammeItemView[] }) {
  return (
    <table className="print-grid w-full border-collapse text-sm">
      <caption className="mb-2 text-left font-semibold">
        This week: tick a box each time you do an exercise
      </caption>
      <thead>
        <tr>
          <th scope="col" className="border border-border px-2 py-1 text-left">
            Exercise
          </th>
          {DAYS.map((day) => (
            <th key={day} scope="col" className="w-[10%] border border-border px-1 py-1 text-center">
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr key={item.id}>
            <th scope="row" className="border border-border px-2 py-1 text-left font-normal">
              {i + 1}. {item.exercise?.name ?? "Exercise"}
              <span className="block text-xs text-muted-foreground">
                {item.timesPerDay === 1 ? "once a day" : `${item.timesPerDay} times a day`}, {item.daysPerWeek === 7 ? "every day" : `${item.daysPerWeek} days a week`}
              </span>
            </th>
            {DAYS.map((day) => (
              <td key={day} className="border border-border px-1 py-1 text-center">
                <span className="inline-flex flex-wrap justify-center gap-1" aria-hidden>
                  {Array.from({ length: boxesPerDay(item.timesPerDay) }, (_, n) => (
                    <span key={n} className="print-box inline-block size-4 rounded-sm border border-foreground/60" />
                  ))}
                </span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
