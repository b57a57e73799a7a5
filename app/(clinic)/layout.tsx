import { CommandPalette } from "@/components/command-palette/command-palette";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireScope();
  const user = await getCurrentUser(scope);
  return (
    <AppShell user={user} clinicName={user.clinicName} search={<CommandPalette />}>
      {children}
    </AppShell>
  );
}
