// The ODI as the forms show it: labels, versions, items. No zod here, so the
// assessment form in the browser can read it; odi.ts validates and scores.
import type { InstrumentDescriptor } from "./types";

// Section names only: the statement texts are licensed by their owner (reference §1)
export const ODI_SECTIONS = [
  { id: "painIntensity", label: "Pain intensity" },
  { id: "personalCare", label: "Personal care" },
  { id: "lifting", label: "Lifting" },
  { id: "walking", label: "Walking" },
  { id: "sitting", label: "Sitting" },
  { id: "standing", label: "Standing" },
  { id: "sleeping", label: "Sleeping" },
  { id: "sexLife", label: "Sex life" },
  { id: "socialLife", label: "Social life" },
  { id: "travelling", label: "Travelling" },
] as const;

export type OdiSectionId = (typeof ODI_SECTIONS)[number]["id"];

export const ODI_VERSIONS = ["1.0", "2.1a", "modified"] as const;

// More than 2 missing sections: refuse; a safe default, no verified source [U]
export const ODI_MAX_MISSING = 2;

export const ODI_ITEMS = ODI_SECTIONS.map((s) => ({ ...s, min: 0, max: 5, kind: "integer" as const }));

export const ODI_DESCRIPTOR: InstrumentDescriptor = {
  id: "odi",
  label: "Oswestry Disability Index",
  region: "lumbar",
  loinc: "97909-6", // LOINC 97909-6 score (panel 97908-8); its interpretation text holds NDI bands: not used
  unit: "percent",
  itemMin: 0,
  itemMax: 5,
  defaultVersion: "2.1a",
  // The modified ODI is often said to swap a section; the reference names one set of sections, used for all [U]
  versions: ODI_VERSIONS.map((id) => ({
    id,
    label: id === "modified" ? "Modified ODI" : `ODI ${id}`,
    direction: "higher-is-worse" as const,
    scaleMin: 0,
    scaleMax: 100,
    items: ODI_ITEMS,
  })),
  source: "Fairbank & Pynsent, Spine 2000 [V]",
};
