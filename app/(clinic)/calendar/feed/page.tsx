import type { Metadata } from "next";
import Link from "next/link";
import { FeedForm } from "@/components/calendar/feed-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { getFeedStatus } from "@/lib/calendar/feed";
import { formatDateTime } from "@/lib/format";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";

export const metadata: Metadata = { title: "Phone calendar feed" };

export default async function CalendarFeedPage() {
  const scope = await requireScope();
  const db = await getDb(scope);
  const [status, timeZone] = await Promise.all([getFeedStatus(db, scope), getClinicTimeZone(db, scope)]);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={<Link href="/calendar" className="underline-offset-4 hover:underline">Calendar</Link>}
        title="Your bookings on your phone"
        description="A private iCalendar address for your own bookings. It shows times, the place and each patient's first name and initial, never clinical details."
      />
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>{status.active ? "Feed on" : "Feed off"}</h2>
          </CardTitle>
          <CardDescription>
            {status.active && status.createdAt
              ? `Turned on ${formatDateTime(status.createdAt, timeZone)}. The address was shown once; make a new one if you lost it.`
              : "Anyone with the address can read your bookings: keep it to yourself, and turn it off if it leaks."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FeedForm active={status.active} />
        </CardContent>
      </Card>
    </div>
  );
}
