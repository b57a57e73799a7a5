export * from "./clinics";
export * from "./patients";
export * from "./audit";
export * from "./auth";
export * from "./safety";
export * from "./assessments";
export * from "./programmes";
export * from "./decompression";
