// The NDI as the forms show it: labels, versions, items. No zod here, so the
// assessment form in the browser can read it; ndi.ts validates and scores.
import type { InstrumentDescriptor } from "./types";

// Section topics as published by Vernon & Mior 1991; clinical-reference.md lists none [U]
export const NDI_SECTIONS = [
  { id: "painIntensity", label: "Pain intensity" },
  { id: "personalCare", label: "Personal care" },
  { id: "lifting", label: "Lifting" },
  { id: "reading", label: "Reading" },
  { id: "headaches", label: "Headaches" },
  { id: "concentration", label: "Concentration" },
  { id: "work", label: "Work" },
  { id: "driving", label: "Driving" },
  { id: "sleeping", label: "Sleeping" },
  { id: "recreation", label: "Recreation" },
] as const;

export type NdiSectionId = (typeof NDI_SECTIONS)[number]["id"];

export const NDI_VERSION = "1991";

// Vernon's rule fills missing items; more than 2 missing is refused: chosen default, no source [U]
export const NDI_MAX_MISSING = 2;

export const NDI_DESCRIPTOR: InstrumentDescriptor = {
  id: "ndi",
  label: "Neck Disability Index",
  region: "cervical",
  loinc: "82237-9", // LOINC 82237-9, seen in HL7 guides [S]
  unit: "points",
  itemMin: 0,
  itemMax: 5,
  defaultVersion: NDI_VERSION,
  versions: [
    {
      id: NDI_VERSION,
      label: "NDI (Vernon & Mior)",
      direction: "higher-is-worse",
      scaleMin: 0,
      scaleMax: 50,
      items: NDI_SECTIONS.map((s) => ({ ...s, min: 0, max: 5, kind: "integer" as const })),
    },
  ],
  source: "Vernon [V]",
};
