"use client";

import { CircleCheck, X } from "@/components/ui/icons";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { FLASH_COOKIE, readFlashMessage } from "@/lib/actions/flash-messages";

// Long enough to read twice; a screen reader has it from the live region at once
const SHOW_MS = 8000;

function takeFlashCode(): string | undefined {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return undefined;
  document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`;
  return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1));
}

/**
 * The confirmation after a save that moved to another page ("Patient
 * created."). The polite live region stays mounted in the shell, so the text
 * is announced when it appears.
 */
export function FlashToast() {
  const pathname = usePathname();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const next = readFlashMessage(takeFlashCode());
    if (!next) return;
    // The cookie is only readable after the navigation it came with; state follows it
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMessage(next);
    const timer = setTimeout(() => setMessage(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [pathname]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6 sm:justify-end" data-print-hide>
      {message && (
        <div data-slot="toast" className="pointer-events-auto flex max-w-sm items-center gap-3 rounded-lg border bg-card px-4 py-3 text-sm text-card-foreground shadow-lg">
          <CircleCheck className="size-4 shrink-0 text-success" aria-hidden />
          <span className="flex-1">{message}</span>
          <button type="button" onClick={() => setMessage(null)} className="rounded p-1 text-muted-foreground hover:bg-accent" aria-label="Dismiss">
            <X className="size-4" aria-hidden />
          </button>
        </div>
      )}
    </div>
  );
}
