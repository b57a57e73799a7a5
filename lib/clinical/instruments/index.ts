export * from "./types";
export { ndiInputSchema, scoreNdi, NDI_DESCRIPTOR, NDI_SECTIONS, type NdiInput } from "./ndi";
export { nprsInputSchema, scoreNprs, NPRS_DESCRIPTOR, type NprsInput } from "./nprs";
export { odiInputSchema, scoreOdi, ODI_DESCRIPTOR, ODI_SECTIONS, ODI_VERSIONS, type OdiInput } from "./odi";
export { describeUnratedPsfs, psfsInputSchema, scorePsfs, PSFS_DESCRIPTOR, PSFS_VERSIONS, type PsfsInput } from "./psfs";
export { rmdqInputSchema, scoreRmdq, RMDQ_DESCRIPTOR, RMDQ_ITEM_COUNTS, type RmdqInput } from "./rmdq";
export { instrumentInputSchema, scoreInstrument, type InstrumentInput } from "./score-instrument";

export { INSTRUMENTS, getInstrument } from "./descriptors";
