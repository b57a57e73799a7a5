"use client";

import { useActionState, useState } from "react";
import { KeyRound } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { resetStaffPasswordAction, type AddStaffState } from "@/lib/staff/actions";
import { OneTimePasswordNotice } from "./one-time-password-notice";
import { FormMessage } from "@/components/ui/form-message";

function ResetForm({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const [state, action, pending] = useActionState<AddStaffState, FormData>(resetStaffPasswordAction, {});
  if (state.created) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>New one-time password for {name}</DialogTitle>
          <DialogDescription>Copy it now: it will not be shown again.</DialogDescription>
        </DialogHeader>
        <OneTimePasswordNotice {...state.created} />
        <DialogFooter>
          <Button type="button" onClick={onDone}>
            Done
          </Button>
        </DialogFooter>
      </>
    );
  }
  return (
    <form action={action} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Reset {name}&rsquo;s password?</DialogTitle>
        <DialogDescription>
          Their current password stops working and they are signed out everywhere. They choose a new password at their next sign-in.
        </DialogDescription>
      </DialogHeader>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Resetting…" : "Reset password"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function ResetPasswordButton({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setRound((n) => n + 1);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <KeyRound aria-hidden />
          Reset password
          <span className="sr-only">: {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <ResetForm key={round} id={id} name={name} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
