import { z } from "zod";
import { getMeasure } from "@/lib/clinical/measures";
import { INSTRUMENT_IDS, type InstrumentId } from "@/lib/clinical/instruments/types";

/**
 * A chart's id, used in URLs (CSV download) and as its anchor: "pain" (NPRS),
 * a questionnaire id, or a measure code from the catalogue.
 */
export type SeriesId =
  | { kind: "pain" }
  | { kind: "instrument"; instrument: Exclude<InstrumentId, "nprs"> }
  | { kind: "measure"; code: string };

const QUESTIONNAIRES = INSTRUMENT_IDS.filter((i): i is Exclude<InstrumentId, "nprs"> => i !== "nprs");

export const seriesIdSchema = z.string().transform((value, ctx): SeriesId => {
  if (value === "pain" || value === "nprs") return { kind: "pain" };
  const instrument = QUESTIONNAIRES.find((i) => i === value);
  if (instrument) return { kind: "instrument", instrument };
  if (getMeasure(value)) return { kind: "measure", code: value };
  ctx.addIssue({ code: "custom", message: "Unknown chart" });
  return z.NEVER;
});

export function formatSeriesId(id: SeriesId): string {
  if (id.kind === "pain") return "pain";
  if (id.kind === "instrument") return id.instrument;
  return id.code;
}
