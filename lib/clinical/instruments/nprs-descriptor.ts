// The NPRS as the forms show it: labels, versions, items. No zod here, so the
// assessment form in the browser can read it; nprs.ts validates and scores.
import type { InstrumentDescriptor } from "./types";

export const NPRS_VERSION = "0-10";

export const NPRS_ITEMS = [
  { id: "current", label: "Pain now", min: 0, max: 10, kind: "integer" },
  { id: "best", label: "Least pain in the last 24 hours", min: 0, max: 10, kind: "integer" },
  { id: "worst24h", label: "Worst pain in the last 24 hours", min: 0, max: 10, kind: "integer" },
] as const;

export const NPRS_DESCRIPTOR: InstrumentDescriptor = {
  id: "nprs",
  label: "Numeric Pain Rating Scale",
  region: "any",
  loinc: "72514-3", // LOINC 72514-3, pain severity 0-10 verbal numeric rating
  unit: "points",
  itemMin: 0,
  itemMax: 10,
  defaultVersion: NPRS_VERSION,
  versions: [
    { id: NPRS_VERSION, label: "11-point (0-10)", direction: "higher-is-worse", scaleMin: 0, scaleMax: 10, items: NPRS_ITEMS },
  ],
  source: "Ostelo 2008 [S]; Childs 2005, PubMed 15928561 [V]",
};
