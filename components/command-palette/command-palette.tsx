"use client";

import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { Search } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";

const loadDialog = () => import("./patient-search-dialog");
// cmdk and the dialog (about 20 kB gzip) load on first use, not with every page of the shell.
const PatientSearchDialog = dynamic(() => loadDialog().then((m) => m.PatientSearchDialog), { ssr: false });

/**
 * "Search patients" in the top bar, and Ctrl-K / Cmd-K from anywhere. The
 * button and the shortcut are all a page carries; the palette
 * (patient-search-dialog.tsx) loads when first asked for, and starts loading
 * as soon as the pointer or focus reaches the button.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);

  const show = (next: boolean) => {
    if (next) setWanted(true);
    setOpen(next);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        setWanted(true);
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <Button
        variant="outline"
        className="w-full max-w-72 justify-start text-muted-foreground"
        onClick={() => show(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
      >
        <Search aria-hidden />
        <span className="flex-1 text-left">Search patients…</span>
        <kbd aria-hidden className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] sm:inline">
          Ctrl K
        </kbd>
      </Button>
      {wanted && <PatientSearchDialog open={open} onOpenChange={show} />}
    </>
  );
}
