"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { saveEnquiryPageAction } from "@/lib/enquiries/actions";

/** The public enquiry page's address and the website allowed to frame it. */
export function EnquiryPageForm({ slug, websiteOrigin, phone }: { slug: string | null; websiteOrigin: string | null; phone: string | null }) {
  const [state, action, pending] = useActionState(saveEnquiryPageAction, {});
  return (
    <form action={action} noValidate className="grid gap-4" aria-label="Enquiry page settings">
      <FormMessage state={state} />
      <Field label="Address of the page" errors={state.errors?.slug} description="Lower-case letters, digits and hyphens: /enquire/<this>. Leave it empty to turn the page off." className="max-w-md">
        <Input name="slug" autoComplete="off" spellCheck={false} defaultValue={state.values?.slug ?? slug ?? ""} />
      </Field>
      <Field
        label="Your clinic's website"
        errors={state.errors?.websiteOrigin}
        description="The only site allowed to show the form inside its own page (for example https://www.yourclinic.com). Empty: no site may frame it."
        className="max-w-md"
      >
        <Input name="websiteOrigin" type="url" inputMode="url" autoComplete="url" spellCheck={false} defaultValue={state.values?.websiteOrigin ?? websiteOrigin ?? ""} />
      </Field>
      <Field label="Phone number for enquirers" errors={state.errors?.phone} description="Given in the acknowledgement email and the reply templates." className="max-w-md">
        <Input name="phone" type="tel" inputMode="tel" autoComplete="tel" defaultValue={state.values?.phone ?? phone ?? ""} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          Save enquiry page
        </Button>
      </div>
    </form>
  );
}
