import type { Role } from "../schema";

/** Demo only: every demo account shares this password (the README says so). */
export const DEMO_PASSWORD = "plumbline-demo";
/** Demo only: dana@northside.test's authenticator key (base32, printed in the README). */
export const DEMO_TOTP_SECRET = "DANADEMOKEYPLUMBLINENORTHSIDE234";

/**
 * Patient-link tokens of the demo, fixed so the start banner and the README
 * can print Maya's link on every demo install. Demo only, like the password:
 * anyone can read them here, so a real installation never loads the demo.
 * Same shape as a real token (43 base64url characters).
 */
export const DEMO_LINK_TOKENS = {
  maya: "DemoOnly-Maya-Okafor-programme-link-0000001",
  gareth: "DemoOnly-Gareth-Whitfield-expired-link-0002",
} as const;

export type DemoClinic = {
  key: "northside" | "harbour";
  name: string;
  /** The public enquiry page: /enquire/<slug> (issue 13). */
  slug: string;
  timeZone: string;
  weightUnit: "kg" | "lb";
  staff: { email: string; name: string; role: Role; totpSecret?: string }[];
};

export const DEMO_CLINICS: DemoClinic[] = [
  {
    key: "northside",
    name: "Northside Spine & Posture",
    slug: "northside",
    timeZone: "Europe/London",
    weightUnit: "kg",
    staff: [
      { email: "admin@northside.test", name: "Nadia Okoro", role: "admin" },
      { email: "ava@northside.test", name: "Ava Lindgren", role: "practitioner" },
      { email: "ben@northside.test", name: "Ben Achterberg", role: "practitioner" },
      { email: "dana@northside.test", name: "Dana Whitlock", role: "practitioner", totpSecret: DEMO_TOTP_SECRET },
    ],
  },
  {
    key: "harbour",
    name: "Harbour Physiotherapy",
    slug: "harbour",
    timeZone: "Europe/London",
    weightUnit: "kg",
    staff: [
      { email: "admin@harbour.test", name: "Hugo Marsh", role: "admin" },
      { email: "cara@harbour.test", name: "Cara Doyle", role: "practitioner" },
    ],
  },
];
