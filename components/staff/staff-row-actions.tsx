"use client";

import { useActionState, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { changeRoleAction, resetFactorsAction, setStaffActiveAction } from "@/lib/staff/actions";
import { ResetPasswordButton } from "./reset-password-button";
import type { Role } from "@/db/schema";
import { FormMessage } from "@/components/ui/form-message";

type Member = { id: string; name: string; role: Role; active: boolean; hasFactor: boolean };
type FormAction = (formData: FormData) => void;

function ConfirmButton(props: {
  label: string;
  /** Whose account: read after the label so each row's buttons are told apart. */
  subject: string;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  action: FormAction;
  pending: boolean;
  fields: Record<string, string>;
  onSubmit: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={props.pending}>
          {props.label}
          <span className="sr-only">: {props.subject}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={props.action} onSubmit={() => {
            setOpen(false);
            props.onSubmit();
          }} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{props.title}</AlertDialogTitle>
            <AlertDialogDescription>{props.description}</AlertDialogDescription>
          </AlertDialogHeader>
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <AlertDialogAction type="submit" variant={props.destructive ? "destructive" : "default"}>
              {props.confirmLabel}
            </AlertDialogAction>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** Role and access changes for one other staff member, each confirmed first. */
export function StaffRowActions({ member }: { member: Member }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, {});
  const [activeState, activeAction, activePending] = useActionState(setStaffActiveAction, {});
  const [factorState, factorAction, factorPending] = useActionState(resetFactorsAction, {});
  const [last, setLast] = useState<"role" | "active" | "factor" | null>(null);
  const toAdmin = member.role !== "admin";
  const latest =
    last === "role" && !rolePending ? roleState : last === "active" && !activePending ? activeState : last === "factor" && !factorPending ? factorState : {};
  return (
    <div className="grid justify-items-start gap-1.5">
      <div className="flex flex-col items-stretch gap-2 lg:flex-row">
        <ConfirmButton
          label={toAdmin ? "Make admin" : "Make practitioner"}
          subject={member.name}
          title={toAdmin ? `Make ${member.name} an admin?` : `Make ${member.name} a practitioner?`}
          description={
            toAdmin
              ? "Admins can add and deactivate staff, change roles and read the audit log."
              : "They keep access to patients but can no longer manage staff or read the audit log."
          }
          confirmLabel={toAdmin ? "Make admin" : "Make practitioner"}
          action={roleAction}
          pending={rolePending}
          fields={{ id: member.id, role: toAdmin ? "admin" : "practitioner" }}
          onSubmit={() => setLast("role")}
        />
        <ConfirmButton
          label={member.active ? "Deactivate" : "Reactivate"}
          subject={member.name}
          title={member.active ? `Deactivate ${member.name}?` : `Reactivate ${member.name}?`}
          description={
            member.active
              ? "They can no longer sign in. Everything they recorded stays, and you can reactivate the account at any time."
              : "They can sign in again with their existing password."
          }
          confirmLabel={member.active ? "Deactivate" : "Reactivate"}
          destructive={member.active}
          action={activeAction}
          pending={activePending}
          fields={{ id: member.id, active: member.active ? "false" : "true" }}
          onSubmit={() => setLast("active")}
        />
        {member.active && <ResetPasswordButton id={member.id} name={member.name} />}
        {member.hasFactor && (
          <ConfirmButton
            label="Reset second step"
            subject={member.name}
            title={`Reset ${member.name}'s second step?`}
            description="Their authenticator app, recovery codes and passkeys are removed and every session of theirs ends. Use it when a phone or key is lost."
            confirmLabel="Reset second step"
            destructive
            action={factorAction}
            pending={factorPending}
            fields={{ id: member.id }}
            onSubmit={() => setLast("factor")}
          />
        )}
      </div>
      <div className="max-w-56 whitespace-normal">
        <FormMessage variant="inline" state={latest} />
      </div>
    </div>
  );
}
