import { NDI_DESCRIPTOR } from "./ndi-descriptor";
import { NPRS_DESCRIPTOR } from "./nprs-descriptor";
import { ODI_DESCRIPTOR } from "./odi-descriptor";
import { PSFS_DESCRIPTOR } from "./psfs-descriptor";
import { RMDQ_DESCRIPTOR } from "./rmdq-descriptor";
import type { InstrumentDescriptor, InstrumentId } from "./types";

/**
 * What a form needs of the instruments (labels, versions, items, limits),
 * without their zod input schemas: client components import from here, so
 * the browser never loads zod to draw a questionnaire. Scoring stays in
 * index.ts and the per-instrument modules.
 */
export { NDI_DESCRIPTOR, NDI_MAX_MISSING, NDI_SECTIONS } from "./ndi-descriptor";
export { NPRS_DESCRIPTOR } from "./nprs-descriptor";
export { ODI_DESCRIPTOR, ODI_MAX_MISSING, ODI_SECTIONS, ODI_VERSIONS } from "./odi-descriptor";
export { PSFS_DESCRIPTOR, PSFS_VERSIONS } from "./psfs-descriptor";
export { RMDQ_DESCRIPTOR, RMDQ_ITEM_COUNTS } from "./rmdq-descriptor";

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
