import Link from "next/link";
import { ListLink } from "@/components/ui/list-link";
import type { IconComponent } from "@/components/ui/icons";
import { SafetyMarker } from "@/components/patient-flags/safety-marker";
import { Badge } from "@/components/ui/badge";
import type { SafetyMarker as SafetyMarkerData } from "@/lib/clinical/safety";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

export { CARD_ROW_LIMIT } from "@/lib/dashboard/view";

/** How many rows a card shows, and its links to show all of them or fewer again. */
export type CardRows = { limit: number; showAll: string; showFewer: string | null };

type Props = {
  id: string;
  title: string;
  description: string;
  count: number;
  icon: IconComponent;
  className?: string;
  /** Shown instead of the rows when count is 0. */
  empty: string;
  children: React.ReactNode;
};

/** One dashboard list: a titled card with its count, and a calm line when there is nothing to do. */
export function DashboardCard({ id, title, description, count, icon: Icon, className, empty, children }: Props) {
  return (
    <Card id={id} aria-labelledby={`${id}-heading`} role="region" className={cn("gap-4", className)} data-testid={id}>
      <CardHeader>
        <CardTitle asChild>
          <h2 id={`${id}-heading`} className="flex items-center gap-2">
            <Icon className="size-4 text-muted-foreground" aria-hidden />
            {title}
            <Badge variant={count > 0 ? "outline" : "secondary"} aria-label={`${count} ${count === 1 ? "entry" : "entries"}`}>
              {count}
            </Badge>
          </h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{count === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : children}</CardContent>
    </Card>
  );
}

/**
 * Under a card's rows: "Show all 57" when some are not shown, "Show fewer" when shown in full;
 * `total` beyond `loaded` (a list capped by its query) says how many are left out even then.
 */
export function MoreRows({ shown, loaded, total, paging, title }: { shown: number; loaded?: number; total: number; paging: CardRows; title: string }) {
  const available = loaded ?? total;
  const link = "font-medium text-foreground underline underline-offset-4";
  return (
    <>
      {shown < available && (
        <p className="pt-2 text-sm text-muted-foreground">
          {total - shown} more.{" "}
          <Link href={paging.showAll} prefetch={false} className={link} aria-label={`Show all ${total} in ${title}`}>
            Show all {total}
          </Link>
        </p>
      )}
      {paging.showFewer && (
        <p className="pt-2 text-sm text-muted-foreground">
          {available < total && `${total - available} more not shown. `}
          <Link href={paging.showFewer} prefetch={false} className={link} aria-label={`Show fewer in ${title}`}>
            Show fewer
          </Link>
        </p>
      )}
      {!paging.showFewer && shown >= available && available < total && <p className="pt-2 text-sm text-muted-foreground">and {total - available} more not shown.</p>}
    </>
  );
}

/**
 * A row's link to the patient (a ListLink: not prefetched, since a long list would otherwise
 * fetch every patient page, and no Link component per row), with the patient's safety marker
 * beside the name.
 */
export function PatientLink({ id, name, href, marker }: { id: string; name: string; href?: string; marker: SafetyMarkerData | null }) {
  return (
    <span className="patient-name">
      <ListLink href={href ?? `/patients/${id}`} className="patient-link">
        {name}
      </ListLink>
      <SafetyMarker marker={marker} />
    </span>
  );
}
