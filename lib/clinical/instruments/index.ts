import { NDI_DESCRIPTOR } from "./ndi";
import { NPRS_DESCRIPTOR } from "./nprs";
import { ODI_DESCRIPTOR } from "./odi";
import { PSFS_DESCRIPTOR } from "./psfs";
import { RMDQ_DESCRIPTOR } from "./rmdq";
import type { InstrumentDescriptor, InstrumentId } from "./types";

export * from "./types";
export { ndiInputSchema, scoreNdi, NDI_DESCRIPTOR, NDI_SECTIONS, type NdiInput } from "./ndi";
export { nprsInputSchema, scoreNprs, NPRS_DESCRIPTOR, type NprsInput } from "./nprs";
export { odiInputSchema, scoreOdi, ODI_DESCRIPTOR, ODI_SECTIONS, ODI_VERSIONS, type OdiInput } from "./odi";
export { describeUnratedPsfs, psfsInputSchema, scorePsfs, PSFS_DESCRIPTOR, PSFS_VERSIONS, type PsfsInput } from "./psfs";
export { rmdqInputSchema, scoreRmdq, RMDQ_DESCRIPTOR, RMDQ_ITEM_COUNTS, type RmdqInput } from "./rmdq";
export { instrumentInputSchema, scoreInstrument, type InstrumentInput } from "./score-instrument";

export const INSTRUMENTS: Record<InstrumentId, InstrumentDescriptor> = {
  nprs: NPRS_DESCRIPTOR,
  odi: ODI_DESCRIPTOR,
  rmdq: RMDQ_DESCRIPTOR,
  psfs: PSFS_DESCRIPTOR,
  ndi: NDI_DESCRIPTOR,
};

/** Looks up the descriptor (labels, versions, items, LOINC) of an instrument. */
export function getInstrument(id: InstrumentId): InstrumentDescriptor {
  return INSTRUMENTS[id];
}
