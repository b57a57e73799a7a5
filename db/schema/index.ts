export * from "./clinics";
export * from "./patients";
export * from "./audit";
export * from "./auth";
