import Link from "next/link";
import { Inbox } from "@/components/ui/icons";
import { RESPONSE_HOURS } from "@/lib/enquiries/queries";
import { DashboardCard } from "./dashboard-card";

/** New enquiries past their 24 hours (lib/enquiries): the count, and the way to the inbox. */
export function OverdueEnquiriesCard({ count }: { count: number }) {
  return (
    <DashboardCard
      id="overdue-enquiries"
      title="Enquiries waiting too long"
      description={`New enquiries from the public page with no reply after ${RESPONSE_HOURS} hours.`}
      count={count}
      icon={Inbox}
      empty="Every enquiry has had a reply in time."
    >
      <p className="text-sm">
        {count === 1 ? "1 enquiry is" : `${count} enquiries are`} overdue.{" "}
        <Link href="/enquiries" className="font-medium underline underline-offset-4">
          Open the enquiries
        </Link>
      </p>
    </DashboardCard>
  );
}
