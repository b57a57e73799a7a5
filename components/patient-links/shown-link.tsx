"use client";

import { Button } from "@/components/ui/button";

export type ShownLinkData = { url?: string; token?: string; qr?: string; until?: string };

/** What a link action hands back (text only: the address, its token, the QR image and the end date). */
export function readShownLink(data: Record<string, string | number | boolean> | undefined): ShownLinkData | undefined {
  if (!data) return undefined;
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : undefined);
  return { url: text("url"), token: text("token"), qr: text("qr"), until: text("until") };
}

/** A new patient link, shown once: its QR code, the address to copy, and whatever else the caller adds. */
export function ShownLink({ link, inputId, children }: { link: ShownLinkData & { url: string }; inputId: string; children?: React.ReactNode }) {
  return (
    <div className="grid gap-3 rounded-lg border p-4 sm:grid-cols-[auto_1fr] sm:items-start">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by the action */}
      <img src={link.qr} alt="QR code of the patient's link" width={200} height={200} className="rounded-md bg-white p-1" />
      <div className="grid min-w-0 gap-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          The patient&apos;s link (valid until {link.until})
        </label>
        <input id={inputId} readOnly value={link.url} className="w-full min-w-0 rounded-md border bg-muted/40 px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" size="sm" onClick={() => void navigator.clipboard?.writeText(link.url)}>
            Copy link
          </Button>
          {children}
        </div>
      </div>
    </div>
  );
}
