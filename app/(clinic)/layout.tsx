import { AlertsLink } from "@/components/alerts/alerts-link";
import { CommandPalette } from "@/components/command-palette/command-palette";
import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db/runtime";
import { countOpenAlerts } from "@/lib/alerts/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireScope();
  const [user, alerts] = await Promise.all([getCurrentUser(scope), getDb(scope).then((db) => countOpenAlerts(db, scope, "mine"))]);
  return (
    <AppShell user={user} clinicName={user.clinicName} search={<CommandPalette />} alerts={<AlertsLink count={alerts} />}>
      {children}
    </AppShell>
  );
}
