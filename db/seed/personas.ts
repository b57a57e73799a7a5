import type { Sex } from "../schema";

/**
 * Named demo patients with fixed stories, so demos and browser tests can
 * point at a known case. The rest of each clinic's list is generated.
 * Story keys are read by the clinical seed steps (assessments, programmes,
 * decompression) to shape each persona's history.
 */
export type PersonaStory =
  | "improving-lower-crossed" // steady improvement; tight hip flexors / weak glutes
  | "not-improving" // plateau after 8+ weeks: shows on the dashboard
  | "worsening" // deteriorates
  | "pregnancy" // contraindication: decompression course blocked
  | "fusion-override" // instrumented fusion; an admin override with a reason
  | "osteoporosis" // contraindication recorded
  | "red-flag" // cauda equina red flag: urgent-referral banner
  | "upper-crossed-cervical"; // cervical patient, NDI, scapular / chest pattern

export type Persona = { key: PersonaStory; firstName: string; lastName: string; sex: Exclude<Sex, "unknown">; age: number; weightKg: number; practitioner: "first" | "second" };

export const PERSONAS: Record<"northside" | "harbour", Persona[]> = {
  northside: [
    { key: "improving-lower-crossed", firstName: "Maya", lastName: "Okafor", sex: "female", age: 38, weightKg: 68.4, practitioner: "first" },
    { key: "not-improving", firstName: "Gareth", lastName: "Whitfield", sex: "male", age: 54, weightKg: 91.2, practitioner: "first" },
    { key: "pregnancy", firstName: "Priya", lastName: "Chatterjee", sex: "female", age: 31, weightKg: 66.0, practitioner: "first" },
    { key: "fusion-override", firstName: "Tomasz", lastName: "Kowalski", sex: "male", age: 61, weightKg: 84.5, practitioner: "second" },
    { key: "osteoporosis", firstName: "Rosa", lastName: "Santos", sex: "female", age: 72, weightKg: 58.3, practitioner: "second" },
    { key: "red-flag", firstName: "Declan", lastName: "Murphy", sex: "male", age: 47, weightKg: 88.0, practitioner: "first" },
    { key: "worsening", firstName: "Ingrid", lastName: "Lindqvist", sex: "female", age: 59, weightKg: 72.1, practitioner: "second" },
    { key: "upper-crossed-cervical", firstName: "Wei", lastName: "Nakamura", sex: "male", age: 34, weightKg: 70.6, practitioner: "first" },
  ],
  harbour: [
    { key: "improving-lower-crossed", firstName: "Niamh", lastName: "Gallagher", sex: "female", age: 44, weightKg: 64.2, practitioner: "first" },
    { key: "not-improving", firstName: "Kwame", lastName: "Adeyemi", sex: "male", age: 50, weightKg: 95.4, practitioner: "first" },
  ],
};
