import { z } from "zod";
import { ndiInputSchema, scoreNdi } from "./ndi";
import { nprsInputSchema, scoreNprs } from "./nprs";
import { odiInputSchema, scoreOdi } from "./odi";
import { psfsInputSchema, scorePsfs } from "./psfs";
import { rmdqInputSchema, scoreRmdq } from "./rmdq";
import type { ScoreResult } from "./types";

export const instrumentInputSchema = z.discriminatedUnion("instrument", [
  nprsInputSchema,
  odiInputSchema,
  rmdqInputSchema,
  psfsInputSchema,
  ndiInputSchema,
]);

export type InstrumentInput = z.input<typeof instrumentInputSchema>;

/** Scores any supported instrument; each scorer validates its own answers. */
export function scoreInstrument(input: InstrumentInput): ScoreResult {
  switch (input.instrument) {
    case "nprs":
      return scoreNprs(input);
    case "odi":
      return scoreOdi(input);
    case "rmdq":
      return scoreRmdq(input);
    case "psfs":
      return scorePsfs(input);
    case "ndi":
      return scoreNdi(input);
  }
}
