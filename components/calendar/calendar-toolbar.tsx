import Link from "next/link";
import { ChevronLeft, ChevronRight, Printer, Rss } from "@/components/ui/icons";
import { SegmentedLinks } from "@/components/dashboard/segmented-links";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { calendarHref, stepDate, type CalendarParams } from "@/lib/calendar/range";

/** Day / week, by practitioner / table, previous / today / next: all plain links (and one GET form), so they work before any script. */
export function CalendarToolbar({ params, today, pool }: { params: CalendarParams; today: string; pool: { id: string; name: string }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-print-hide="">
      <nav aria-label="Dates" className="flex items-center gap-1">
        <Button variant="outline" size="icon" asChild>
          <Link href={calendarHref(params, { date: stepDate(params, -1) })} aria-label={params.view === "week" ? "Previous week" : "Previous day"}>
            <ChevronLeft className="size-4" aria-hidden />
          </Link>
        </Button>
        <Button variant="outline" asChild>
          <Link href={calendarHref(params, { date: today })} aria-current={params.date === today ? "date" : undefined}>
            Today
          </Link>
        </Button>
        <Button variant="outline" size="icon" asChild>
          <Link href={calendarHref(params, { date: stepDate(params, 1) })} aria-label={params.view === "week" ? "Next week" : "Next day"}>
            <ChevronRight className="size-4" aria-hidden />
          </Link>
        </Button>
      </nav>
      <SegmentedLinks
        label="Day or week"
        items={[
          { href: calendarHref(params, { view: "day" }), label: "Day", current: params.view === "day" },
          { href: calendarHref(params, { view: "week" }), label: "Week", current: params.view === "week" },
        ]}
      />
      <SegmentedLinks
        label="Columns"
        items={[
          { href: calendarHref(params, { by: "practitioner", who: null }), label: "By practitioner", current: params.by === "practitioner" },
          { href: calendarHref(params, { by: "table", who: null }), label: "By table", current: params.by === "table" },
        ]}
      />
      {params.view === "week" && pool.length > 0 && (
        <form action="/calendar" className="flex items-center gap-2">
          <input type="hidden" name="date" value={params.date} />
          <input type="hidden" name="view" value="week" />
          <input type="hidden" name="by" value={params.by} />
          <label htmlFor="calendar-who" className="text-sm">
            {params.by === "table" ? "Table" : "Practitioner"}
          </label>
          <NativeSelect id="calendar-who" name="who" defaultValue={params.who ?? undefined} wrapperClassName="w-48">
            {pool.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      )}
      <div className="ml-auto flex flex-wrap gap-2">
        <Button variant="outline" asChild>
          <Link href={`/print/calendar?date=${params.date}`}>
            <Printer className="size-4" aria-hidden />
            Day sheet
          </Link>
        </Button>
        <Button variant="ghost" asChild>
          <Link href="/calendar/feed">
            <Rss className="size-4" aria-hidden />
            Phone calendar
          </Link>
        </Button>
      </div>
    </div>
  );
}
