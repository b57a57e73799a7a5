"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { replyToEnquiryAction } from "@/lib/enquiries/actions";

type Template = { key: string; label: string; text: string };
type Props = {
  enquiryId: string;
  name: string;
  templates: Template[];
  /** Null when the reply can go by email; otherwise why not (email off, no address): staff call and note the call. */
  noEmail: string | null;
};

/**
 * A reply from a template, edited before it goes: sent by email through the
 * mail queue, or, where email cannot reach the enquirer, read out on the
 * phone and noted. Either way it is kept on the enquiry.
 */
export function EnquiryReplyForm({ enquiryId, name, templates, noEmail }: Props) {
  const [state, action, pending] = useActionState(replyToEnquiryAction, {});
  const [template, setTemplate] = useState(state.values?.template ?? templates[0]!.key);
  const [body, setBody] = useState(state.values?.body ?? templates[0]!.text);
  const id = `reply-${enquiryId}`;
  return (
    <form action={action} noValidate className="grid gap-3 rounded-md border border-dashed p-3" aria-label={`Reply to ${name}`}>
      <input type="hidden" name="enquiryId" value={enquiryId} />
      <input type="hidden" name="channel" value={noEmail ? "phone" : "email"} />
      <FormMessage state={state} />
      <div className="grid gap-1">
        <label htmlFor={`${id}-template`} className="text-sm font-medium">
          Template
        </label>
        <NativeSelect
          id={`${id}-template`}
          name="template"
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value);
            setBody(templates.find((t) => t.key === e.target.value)?.text ?? "");
          }}
        >
          {templates.map((t) => (
            <NativeSelectOption key={t.key} value={t.key}>
              {t.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Field label={noEmail ? "What to say on the phone" : "Email to send"} errors={state.errors?.body ?? state.errors?.channel} description={noEmail ?? "Fill in the [bracketed] parts before sending."}>
        <Textarea name="body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      </Field>
      <div>
        <Button type="submit" variant="outline" disabled={pending}>
          {noEmail ? "Note the call" : "Send the email"}
        </Button>
      </div>
    </form>
  );
}
