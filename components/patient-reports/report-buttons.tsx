"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { dismissReportAction, withdrawQuestionnaireAction } from "@/lib/patient-reports/actions";

/** Sets a patient-reported draft aside (audited); it stays listed as dismissed. */
export function DismissReportButton({ patientId, reportId, label }: { patientId: string; reportId: string; label: string }) {
  const [state, action, pending] = useActionState(dismissReportAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="reportId" value={reportId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Dismiss: ${label}`}>
        Dismiss
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}

/** Ends a questionnaire link not answered yet: it answers 404 from then on. */
export function WithdrawLinkButton({ linkId, label }: { linkId: string; label: string }) {
  const [state, action, pending] = useActionState(withdrawQuestionnaireAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="linkId" value={linkId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Withdraw link: ${label}`}>
        Withdraw link
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
