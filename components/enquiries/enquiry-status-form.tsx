"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import type { EnquiryStatus } from "@/db/schema";
import { setEnquiryStatusAction } from "@/lib/enquiries/actions";
import { ENQUIRY_STATUS_LABELS } from "@/lib/enquiries/labels";

export function EnquiryStatusForm({ enquiryId, status, name }: { enquiryId: string; status: EnquiryStatus; name: string }) {
  const [state, action, pending] = useActionState(setEnquiryStatusAction, {});
  const id = `status-${enquiryId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="enquiryId" value={enquiryId} />
      <div className="grid gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Status<span className="sr-only"> of {name}&apos;s enquiry</span>
        </label>
        <NativeSelect id={id} name="status" defaultValue={status}>
          {Object.entries(ENQUIRY_STATUS_LABELS).map(([value, label]) => (
            <NativeSelectOption key={value} value={value}>
              {label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Save status
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
