"use client";

import { useActionState, useState } from "react";
import { UserPlus } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { addStaffAction, type AddStaffState } from "@/lib/staff/actions";
import { OneTimePasswordNotice } from "./one-time-password-notice";
import { FormMessage } from "@/components/ui/form-message";

function AddStaffForm({ onDone }: { onDone: () => void }) {
  const [state, action, pending] = useActionState<AddStaffState, FormData>(addStaffAction, {});
  if (state.created) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>{state.created.name} is added</DialogTitle>
          <DialogDescription>Copy the one-time password now: it will not be shown again.</DialogDescription>
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
  const value = (name: string) => state.values?.[name] ?? "";
  // The key resets the uncontrolled fields to what the server echoed after a refusal.
  return (
    <form action={action} noValidate className="grid gap-4" key={JSON.stringify(state.values ?? {})}>
      <DialogHeader>
        <DialogTitle>Add a staff member</DialogTitle>
        <DialogDescription>They get a one-time password and choose their own at first sign-in.</DialogDescription>
      </DialogHeader>
      <FormMessage state={state} />
      <Field label="Name" errors={state.errors?.name} required>
        <Input name="name" autoComplete="off" defaultValue={value("name")} maxLength={100} />
      </Field>
      <Field label="Email" errors={state.errors?.email} description="They sign in with it; each person needs their own." required>
        <Input name="email" type="email" autoComplete="off" defaultValue={value("email")} maxLength={200} />
      </Field>
      <Field label="Role" errors={state.errors?.role} description="Admins also manage staff and read the audit log." required>
        <NativeSelect name="role" defaultValue={value("role") || "practitioner"}>
          <option value="practitioner">Practitioner</option>
          <option value="admin">Admin</option>
        </NativeSelect>
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add staff member"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function AddStaffDialog() {
  const [open, setOpen] = useState(false);
  // A new key on every opening starts a blank form, so a shown password never comes back.
  const [session, setSession] = useState(0);
  function changeOpen(next: boolean) {
    if (next) setSession((n) => n + 1);
    setOpen(next);
  }
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Add staff member
        </Button>
      </DialogTrigger>
      <DialogContent onInteractOutside={(e) => e.preventDefault()}>
        <AddStaffForm key={session} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
