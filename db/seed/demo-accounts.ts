import type { Role } from "../schema";

/** Demo only: every demo account shares this password (the README says so). */
export const DEMO_PASSWORD = "plumbline-demo";

export type DemoClinic = {
  key: "northside" | "harbour";
  name: string;
  timeZone: string;
  weightUnit: "kg" | "lb";
  staff: { email: string; name: string; role: Role }[];
};

export const DEMO_CLINICS: DemoClinic[] = [
  {
    key: "northside",
    name: "Northside Spine & Posture",
    timeZone: "Europe/London",
    weightUnit: "kg",
    staff: [
      { email: "admin@northside.test", name: "Nadia Okoro", role: "admin" },
      { email: "ava@northside.test", name: "Ava Lindgren", role: "practitioner" },
      { email: "ben@northside.test", name: "Ben Achterberg", role: "practitioner" },
    ],
  },
  {
    key: "harbour",
    name: "Harbour Physiotherapy",
    timeZone: "Europe/London",
    weightUnit: "kg",
    staff: [
      { email: "admin@harbour.test", name: "Hugo Marsh", role: "admin" },
      { email: "cara@harbour.test", name: "Cara Doyle", role: "practitioner" },
    ],
  },
];
