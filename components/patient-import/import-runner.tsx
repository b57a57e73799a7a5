"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Upload } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Progress } from "@/components/ui/progress";
import type { ActionState } from "@/lib/actions/state";
import { importBatchAction } from "@/lib/patient-import/actions";

type Props = { importId: string; done: number; total: number; resumed: boolean };

/** Drives the import one batch (one short request, one transaction) at a time, with a progress bar; after a reload it continues. */
export function ImportRunner({ importId, done: initialDone, total, resumed }: Props) {
  const router = useRouter();
  const [done, setDone] = useState(initialDone);
  const [running, setRunning] = useState(false);
  const [state, setState] = useState<ActionState>({});

  async function run() {
    setRunning(true);
    setState({});
    for (;;) {
      const form = new FormData();
      form.set("importId", importId);
      const result = await importBatchAction({}, form).catch((): ActionState => ({ ok: false, message: "The connection to the server was lost." }));
      if (!result.ok) {
        setState({ ...result, message: `${result.message ?? "The import stopped."} The rows imported so far are kept; continue when ready.` });
        setRunning(false);
        return;
      }
      setDone(Number(result.data?.done ?? 0));
      if (result.data?.finished) break;
    }
    router.refresh();
  }

  const remaining = total - done;
  return (
    <div className="grid gap-3">
      {(running || done > 0) && (
        <div className="grid gap-2">
          <Progress value={done} max={Math.max(total, 1)} aria-label="Patients imported" />
          <p className="text-sm text-muted-foreground" aria-live="polite">
            Imported {done.toLocaleString("en")} of {total.toLocaleString("en")} rows
          </p>
        </div>
      )}
      <FormMessage state={state} />
      <div>
        <Button type="button" onClick={() => void run()} disabled={running || remaining <= 0}>
          <Upload aria-hidden />
          {running ? "Importing…" : resumed || done > 0 ? `Continue: ${remaining.toLocaleString("en")} rows left` : `Import ${total.toLocaleString("en")} rows`}
        </Button>
      </div>
    </div>
  );
}
