"use client";

import { useActionState, useState } from "react";
import { Archive, ArchiveRestore } from "@/components/ui/icons";
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
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { setArchivedAction } from "@/lib/patients/actions";
import { FormMessage } from "@/components/ui/form-message";

export function ArchiveButton({ patientId, archived, name }: { patientId: string; archived: boolean; name: string }) {
  const [state, action, pending] = useActionState(setArchivedAction, {});
  const [open, setOpen] = useState(false);
  if (archived) {
    return (
      <form action={action}>
        <input type="hidden" name="id" value={patientId} />
        <input type="hidden" name="archived" value="false" />
        <Button type="submit" variant="outline" disabled={pending}>
          <ArchiveRestore className="size-4" aria-hidden />
          Restore
        </Button>
        <FormMessage state={state} variant="sr-only" />
      </form>
    );
  }
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline">
          <Archive className="size-4" aria-hidden />
          Archive
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={action} onSubmit={() => setOpen(false)} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>Archive {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              The patient leaves the active list. Nothing is deleted: their records stay readable and you can restore them at any time.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <input type="hidden" name="id" value={patientId} />
          <input type="hidden" name="archived" value="true" />
          <div className="grid gap-1.5">
            <Label htmlFor="archive-reason">Reason (optional)</Label>
            <Textarea id="archive-reason" name="reason" rows={2} maxLength={500} />
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <AlertDialogAction type="submit">Archive patient</AlertDialogAction>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
