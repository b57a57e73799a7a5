import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";
import { notFound } from "next/navigation";
import { getDb } from "@/db/runtime";
import { getEnquiry } from "@/lib/enquiries/queries";
import { isEmailEnabled } from "@/lib/env";
import { isUuid } from "@/lib/errors";
import { createPatientAction } from "@/lib/patients/actions";

export const metadata: Metadata = { title: "New patient" };

/** "Convert to patient" from the enquiries inbox opens this with ?enquiry=<id>: the form starts from what the enquirer sent. */
async function fromEnquiry(scope: Awaited<ReturnType<typeof requireScope>>, enquiryId: string | undefined): Promise<Record<string, string>> {
  if (!enquiryId) return {};
  const enquiry = isUuid(enquiryId) ? await getEnquiry(await getDb(scope), scope, enquiryId) : null;
  if (!enquiry || enquiry.patientId) notFound();
  const [firstName, ...rest] = enquiry.name.trim().split(/\s+/);
  return { enquiryId: enquiry.id, firstName: firstName ?? "", lastName: rest.join(" "), phone: enquiry.phone, email: enquiry.email ?? "", notes: `Enquiry: ${enquiry.concern}`.slice(0, 2000) };
}

export default async function NewPatientPage({ searchParams }: { searchParams: Promise<{ enquiry?: string | string[] }> }) {
  const scope = await requireScope();
  const user = await getCurrentUser(scope);
  const today = todayIn(user.timeZone);
  const param = (await searchParams).enquiry;
  const prefill = await fromEnquiry(scope, typeof param === "string" ? param : undefined);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader title="New patient" />
      <PatientForm
        action={createPatientAction}
        initial={{ weightDate: today, weightUnit: user.weightUnit, ...prefill }}
        submitLabel="Create patient"
        cancelHref="/patients"
        today={today}
        intake={prefill.enquiryId ? { emailEnabled: isEmailEnabled() } : undefined}
      />
    </div>
  );
}
