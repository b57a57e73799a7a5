"use client";

import { useCallback, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { User } from "@/components/ui/icons";
import { SafetyMarker } from "@/components/patient-flags/safety-marker";
import { Badge } from "@/components/ui/badge";
import type { SafetyMarker as SafetyMarkerData } from "@/lib/clinical/safety";
import { CommandDialog, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { formatDate } from "@/lib/format";

type Match = { id: string; name: string; dateOfBirth: string; archived: boolean; marker: SafetyMarkerData | null };
type Status = "idle" | "loading" | "done" | "error";

// Wait for a pause in typing before asking the server.
const DEBOUNCE_MS = 150;

/**
 * The palette itself (cmdk in a Radix dialog): type the start of a name (or
 * a date of birth), pick a patient, open their page. The server answers with
 * the clinic's own patients only. Loaded on first use by command-palette.tsx.
 */
export function PatientSearchDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Match[]>([]);
  const [status, setStatus] = useState<Status>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  const search = useCallback((term: string) => {
    const request = ++latest.current;
    fetch(`/api/patients/lookup?q=${encodeURIComponent(term)}`, { headers: { accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((body: { patients: Match[] }) => {
        if (request !== latest.current) return;
        setMatches(body.patients);
        setStatus("done");
      })
      .catch(() => {
        if (request === latest.current) setStatus("error");
      });
  }, []);

  const onQueryChange = (value: string) => {
    setQuery(value);
    if (timer.current) clearTimeout(timer.current);
    if (!value.trim()) {
      latest.current++;
      setMatches([]);
      setStatus("idle");
      return;
    }
    setStatus("loading");
    timer.current = setTimeout(() => search(value), DEBOUNCE_MS);
  };

  const changeOpen = (next: boolean) => {
    onOpenChange(next);
    if (!next) onQueryChange("");
  };

  const go = (id: string) => {
    changeOpen(false);
    router.push(`/patients/${id}`);
  };

  return (
    <CommandDialog
      open={open}
      onOpenChange={changeOpen}
      title="Find a patient"
      description="Type the start of a first or last name, or a date of birth, then choose a patient."
      commandProps={{ shouldFilter: false }}
    >
      <CommandInput placeholder="Patient name or date of birth…" value={query} onValueChange={onQueryChange} />
      {/* Messages sit outside the listbox: a listbox may hold only options (axe aria-required-children) */}
      <div role="status" aria-live="polite" className="empty:hidden">
        {status === "idle" && <p className="py-6 text-center text-sm text-muted-foreground">Start typing a patient&apos;s name.</p>}
        {status === "loading" && matches.length === 0 && <p className="py-6 text-center text-sm text-muted-foreground">Searching…</p>}
        {status === "error" && <p className="py-6 text-center text-sm text-destructive">The search failed. Try again.</p>}
        {status === "done" && matches.length === 0 && <p className="py-6 text-center text-sm">No patient matches “{query.trim()}”.</p>}
      </div>
      <CommandList aria-label="Patients found">
        {matches.length > 0 && (
          <CommandGroup heading="Patients">
            {matches.map((m) => (
              <CommandItem key={m.id} value={m.id} onSelect={() => go(m.id)}>
                <User aria-hidden />
                <span className="flex flex-1 flex-wrap items-center gap-1.5">
                  {m.name}
                  <SafetyMarker marker={m.marker} />
                </span>
                <span className="text-xs text-muted-foreground">born {formatDate(m.dateOfBirth)}</span>
                {m.archived && <Badge variant="secondary">Archived</Badge>}
              </CommandItem>
            ))}
          </CommandGroup>
        )}
      </CommandList>
    </CommandDialog>
  );
}
