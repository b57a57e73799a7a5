"use client";

import { useActionState } from "react";
import { Archive, ArchiveRestore } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { setExerciseArchivedAction } from "@/lib/exercises/actions";
import { FormMessage } from "@/components/ui/form-message";

export function ArchiveExerciseButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action, pending] = useActionState(setExerciseArchivedAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Button type="submit" variant="outline" disabled={pending}>
        {archived ? <ArchiveRestore className="size-4" aria-hidden /> : <Archive className="size-4" aria-hidden />}
        {archived ? "Restore" : "Archive"}
      </Button>
      <FormMessage state={state} variant="sr-only" />
    </form>
  );
}
