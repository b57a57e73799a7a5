import Link from "next/link";
import { ListLink } from "@/components/ui/list-link";
import { BellRing } from "@/components/ui/icons";
import type { OpenAlert } from "@/lib/alerts/queries";
import { ALERT_KIND_LABELS, describeAlert } from "@/lib/alerts/describe";
import { DashboardCard } from "./dashboard-card";

/** Open alerts from what patients report at home (lib/alerts): the newest few, and the way to all of them. */
export function AlertsCard({ rows, count, href }: { rows: OpenAlert[]; count: number; href: string }) {
  return (
    <DashboardCard
      id="alerts"
      title="Alerts from home"
      description="Red flags in an intake, high pain, too hard in a row, or stopped logging, reported through the patient's link."
      count={count}
      icon={BellRing}
      empty="Nothing patients reported at home needs a look."
    >
      <ul className="grid gap-2 text-sm">
        {rows.map((alert) => (
          <li key={alert.id} className="grid gap-0.5">
            <span>
              <ListLink href={`/patients/${alert.patientId}`} className="patient-link">
                {alert.patientName}
              </ListLink>{" "}
              <span className="text-muted-foreground">· {ALERT_KIND_LABELS[alert.kind]}</span>
            </span>
            <span className="text-muted-foreground">{describeAlert(alert.kind, alert.detail)}</span>
          </li>
        ))}
      </ul>
      <p className="pt-2 text-sm">
        <Link href={href} className="font-medium underline underline-offset-4">
          {count > rows.length ? `All ${count} alerts` : "Acknowledge or swap"}
        </Link>
      </p>
    </DashboardCard>
  );
}
