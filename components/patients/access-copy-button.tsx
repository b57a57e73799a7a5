"use client";

import { useEffect, useRef, useState } from "react";
import { Archive } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";

type Phase =
  | { kind: "idle" }
  | { kind: "building"; startedAt: number }
  | { kind: "downloading"; received: number; total: number | null }
  | { kind: "failed"; message: string };

const FILE_NAME = /filename="([^"]+)"/;

async function readWithProgress(res: Response, onChunk: (received: number) => void): Promise<Blob> {
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    onChunk(received);
  }
  return new Blob(parts, { type: res.headers.get("content-type") ?? "application/zip" });
}

/**
 * "Copy of the record (zip)": the server builds the whole archive, then sends
 * it. While it builds the bar is indeterminate with the seconds elapsed (the
 * server reports no steps: a copy of a large record takes a few seconds, see
 * docs/benchmarks-exports.md); while it arrives the bar shows bytes received.
 */
export function AccessCopyButton({ patientId }: { patientId: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [now, setNow] = useState(() => Date.now());
  const link = useRef<HTMLAnchorElement>(null);
  const busy = phase.kind === "building" || phase.kind === "downloading";

  useEffect(() => {
    if (phase.kind !== "building") return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [phase.kind]);

  async function makeCopy() {
    const startedAt = Date.now();
    setNow(startedAt);
    setPhase({ kind: "building", startedAt });
    try {
      const res = await fetch(`/api/patients/${patientId}/access-copy`, { cache: "no-store" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setPhase({ kind: "failed", message: body?.error ?? "The copy could not be made. Try again in a minute." });
        return;
      }
      const length = Number(res.headers.get("content-length"));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      setPhase({ kind: "downloading", received: 0, total });
      const blob = await readWithProgress(res, (received) => setPhase({ kind: "downloading", received, total }));
      const url = URL.createObjectURL(blob);
      const a = link.current!;
      a.href = url;
      a.download = FILE_NAME.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `patient-${patientId}-record.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setPhase({ kind: "idle" });
    } catch {
      setPhase({ kind: "failed", message: "The connection was lost while the copy was made. Try again." });
    }
  }

  const seconds = phase.kind === "building" ? Math.max(0, Math.floor((now - phase.startedAt) / 1000)) : 0;
  return (
    <div className="grid gap-1">
      <Button type="button" variant="outline" onClick={makeCopy} disabled={busy} aria-describedby="access-copy-status">
        <Archive className="size-4" aria-hidden />
        {busy ? "Preparing copy…" : "Copy of the record (zip)"}
      </Button>
      <a ref={link} hidden aria-hidden tabIndex={-1} />
      <div id="access-copy-status" role="status" aria-live="polite" className="grid max-w-56 gap-1 text-xs text-muted-foreground">
        {phase.kind === "building" && (
          <>
            <Progress aria-label="Building the copy" value={null} />
            <span>Building the copy: {seconds} s</span>
          </>
        )}
        {phase.kind === "downloading" && (
          <>
            <Progress aria-label="Downloading the copy" value={phase.total ? phase.received : null} max={phase.total ?? 100} />
            <span>
              Downloading: {Math.round(phase.received / 1024)} kB{phase.total ? ` of ${Math.round(phase.total / 1024)} kB` : ""}
            </span>
          </>
        )}
        {phase.kind === "failed" && <span className="text-destructive">{phase.message}</span>}
      </div>
    </div>
  );
}
