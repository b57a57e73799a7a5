import type { InstrumentId } from "@/lib/clinical/instruments";
import type { MeasureGroup } from "@/lib/clinical/measures";

export const REGION_LABELS = { lumbar: "Lumbar", cervical: "Cervical", thoracic: "Thoracic", other: "Other" } as const;

export const MEASURE_GROUP_LABELS: Record<MeasureGroup, string> = {
  "muscle-length": "Muscle length",
  strength: "Strength (manual muscle tests)",
  posture: "Posture",
  mobility: "Mobility",
  endurance: "Trunk endurance",
};

export const SIDE_LABELS = { left: "Left", right: "Right", bilateral: "Both sides", na: "Value" } as const;

export const SHORT_INSTRUMENT_LABELS: Record<InstrumentId, string> = { nprs: "NPRS", odi: "ODI", rmdq: "RMDQ", psfs: "PSFS", ndi: "NDI" };

/** Questionnaires offered first for a region (issue 3: lumbar ODI + RMDQ, cervical NDI); others on demand. */
export function listDefaultQuestionnaires(region: string): InstrumentId[] {
  if (region === "lumbar") return ["odi", "rmdq"];
  if (region === "cervical") return ["ndi"];
  return [];
}
