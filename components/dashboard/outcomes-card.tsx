import { Award } from "@/components/ui/icons";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DashboardView } from "@/lib/dashboard/view";
import type { ClinicOutcomes, OutcomeGroup } from "@/lib/dashboard/clinic-outcomes";
import { OUTCOME_PERIOD_LABELS, OUTCOME_PERIODS } from "@/lib/dashboard/outcome-periods";
import { dashboardHref } from "./dashboard-href";
import { SegmentedLinks } from "./segmented-links";

function share(improved: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((improved / total) * 100)} %`;
}

function GroupTable({ caption, heading, groups }: { caption: string; heading: string; groups: OutcomeGroup[] }) {
  return (
    <Table containerProps={{ className: "rounded-md border", tabIndex: 0, role: "region", "aria-label": caption }}>
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{heading}</TableHead>
          <TableHead className="text-right">Completed</TableHead>
          <TableHead className="text-right">Improved</TableHead>
          <TableHead className="text-right">Share</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g.key}>
            <TableHead scope="row" className="max-w-64 truncate font-normal whitespace-normal">
              {g.label}
            </TableHead>
            <TableCell className="text-right tabular-nums">{g.patients}</TableCell>
            <TableCell className="text-right tabular-nums">{g.improved}</TableCell>
            <TableCell className="text-right tabular-nums">{share(g.improved, g.patients)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Share of patients who completed a course or programme in the period and reached a meaningful improvement, by practitioner and by pattern. */
export function OutcomesCard({ outcomes, view }: { outcomes: ClinicOutcomes; view: DashboardView }) {
  const title = view === "clinic" ? "Clinic outcomes" : "Outcomes of your patients";
  return (
    <Card aria-labelledby="outcomes-heading" role="region" data-testid="outcomes">
      <CardHeader>
        <CardTitle asChild>
          <h2 id="outcomes-heading" className="flex items-center gap-2">
            <Award className="size-4 text-muted-foreground" aria-hidden />
            {title}
          </h2>
        </CardTitle>
        <CardDescription>
          Patients who completed a decompression course or home programme in the period, and how many reached a meaningful improvement on pain or
          their main questionnaire (baseline to latest, the clinic&apos;s rules). Improvement is not proof the treatment caused it.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <SegmentedLinks
          label="Outcomes period"
          items={OUTCOME_PERIODS.map((p) => ({ href: dashboardHref(view, p), label: OUTCOME_PERIOD_LABELS[p], current: p === outcomes.period }))}
        />
        {outcomes.total === 0 ? (
          <p className="text-sm text-muted-foreground">No course or programme was completed in this period.</p>
        ) : (
          <>
            <p className="text-sm">
              <span className="text-2xl font-semibold tabular-nums">{share(outcomes.improved, outcomes.total)}</span> improved:{" "}
              {outcomes.improved} of {outcomes.total} patients.
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              <GroupTable caption="Outcomes by practitioner" heading="Practitioner" groups={outcomes.byPractitioner} />
              <GroupTable caption="Outcomes by confirmed pattern (a patient may have several)" heading="Pattern" groups={outcomes.byPattern} />
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
