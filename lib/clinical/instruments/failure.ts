import type { z } from "zod";
import type { InstrumentId, ScoreFailure } from "./types";

/** Turns the first validation issue into a refusal a clinician can read. */
export function refuseInvalidInput(
  instrument: InstrumentId,
  version: string,
  error: z.ZodError,
): ScoreFailure {
  const first = error.issues[0];
  return { ok: false, instrument, version, reason: first?.message ?? "Invalid answers" };
}
