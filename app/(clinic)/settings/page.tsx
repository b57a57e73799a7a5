import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3, CalendarDays, ChevronRight, FileUp, Globe, Mail, KeyRound, ScrollText, Stethoscope, Users, type IconComponent } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/scope-types";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Settings" };

function SettingsLink({ href, icon: Icon, title, description }: { href: string; icon: IconComponent; title: string; description: string }) {
  return (
    <li>
      <Link
        href={href}
        className="group block h-full rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background focus-visible:outline-none"
      >
        <Card className="h-full transition-colors group-hover:bg-accent/50">
          <CardHeader className="grid-cols-[auto_1fr_auto] items-center gap-x-4">
            <Icon className="row-span-2 size-5 text-muted-foreground" aria-hidden />
            <CardTitle asChild>
              <h2>{title}</h2>
            </CardTitle>
            <ChevronRight className="row-span-2 size-4 text-muted-foreground" aria-hidden />
            <CardDescription className="col-start-2">{description}</CardDescription>
          </CardHeader>
        </Card>
      </Link>
    </li>
  );
}

export default async function SettingsPage() {
  const scope = await requireScope();
  if (!isAdmin(scope)) {
    return (
      <div className="mx-auto grid max-w-3xl gap-6">
        <PageHeader title="Settings" />
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2>Managed by your clinic&apos;s admins</h2>
            </CardTitle>
            <CardDescription>
              Staff accounts, roles and clinic settings are managed by the clinic&apos;s admins. Ask one of them if something needs changing.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Button variant="outline" asChild>
              <Link href="/change-password">
                <KeyRound aria-hidden />
                Change your password
              </Link>
            </Button>
          </CardContent>
        </Card>
      </div>
    );
  }
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader title="Settings" description="Only admins see these pages." />
      <ul className="grid gap-4 sm:grid-cols-2">
        <SettingsLink href="/settings/staff" icon={Users} title="Staff" description="Add people, change roles, deactivate accounts." />
        <SettingsLink href="/settings/audit" icon={ScrollText} title="Audit log" description="Who saw or changed what, and when." />
        <SettingsLink href="/settings/clinical" icon={Stethoscope} title="Clinical settings" description="Meaningful-change rules per outcome measure, each with its source." />
        <SettingsLink href="/settings/import" icon={FileUp} title="Import patients" description="Bring patients over from Cliniko, Jane or another system (CSV)." />
        <SettingsLink href="/settings/benchmarks" icon={BarChart3} title="Outcome benchmarks" description="Responder rates by pattern, programme, protocol and practitioner; measured at intake and discharge." />
        <SettingsLink href="/settings/calendar" icon={CalendarDays} title="Calendar" description="Treatment tables and rooms, closed days, working hours." />
        <SettingsLink href="/settings/enquiries" icon={Globe} title="Enquiry page" description="The public enquiry page's address, and the form to embed on your website." />
        <SettingsLink href="/settings/email" icon={Mail} title="Email" description="Whether email is on, and the delivery status of each message." />
        <SettingsLink href="/change-password" icon={KeyRound} title="Your password" description="Change the password you sign in with." />
      </ul>
    </div>
  );
}
