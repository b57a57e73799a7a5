"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/actions/state";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  id: string;
  version: number;
  /** What ends: "programme", "course". */
  noun: string;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Ends an active plan of care: completed, or stopped with a reason. */
export function EndStatusCard({ id, version, noun, action: serverAction }: Props) {
  const [state, action, pending] = useActionState(serverAction, {});
  const [status, setStatus] = useState("completed");
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>End this {noun}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <form action={action} className="grid gap-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <FormMessage state={state} />
          <Field label={`End the ${noun} as`} errors={state.errors?.status}>
            <NativeSelect name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="completed">Completed</option>
              <option value="stopped">Stopped</option>
            </NativeSelect>
          </Field>
          <Field label={status === "stopped" ? "Reason" : "Note (optional)"} errors={state.errors?.reason} required={status === "stopped"}>
            <Textarea name="reason" rows={2} />
          </Field>
          <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
            {status === "stopped" ? `Stop ${noun}` : `Mark ${noun} completed`}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
