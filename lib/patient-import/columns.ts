import type { ImportMapping } from "@/db/schema/patient-imports";

/**
 * The column-mapping step's knowledge of other systems' patient exports: pure,
 * no zod, so the browser runs it too. Header names are compared after
 * lower-casing and dropping everything but letters and digits, so
 * "Date of Birth", "date_of_birth" and "DateOfBirth" are one name.
 *
 * Sources, per name below:
 * - [Cliniko API] Cliniko's patient resource (docs.api.cliniko.com/openapi/reference/tag/Patient):
 *   id, first_name, last_name, date_of_birth, gender / gender_identity, email, notes, label.
 * - [Cliniko export] Cliniko's own help (help.cliniko.com, "see which patients have account
 *   credit"): Settings > Data exports > patients gives Patients-Cliniko-<date>.csv with
 *   title-case columns such as "Unapplied Account Credit". The export's other column titles
 *   are not listed there: the title-case forms of the API names are assumed [U].
 * - [Jane] Jane's guide (jane.app/guide, chart transfers) names the demographics a patient
 *   list carries: first and last name, phone numbers, email address, health number, date of
 *   birth. No published list of the Patient List export's column titles was found [U].
 */

export const IMPORT_FIELDS = ["externalId", "firstName", "lastName", "dateOfBirth", "sex", "phone", "email", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: "Id in the other system",
  firstName: "First name",
  lastName: "Last name",
  dateOfBirth: "Date of birth",
  sex: "Sex",
  phone: "Phone",
  email: "Email",
  notes: "Notes",
};

export const REQUIRED_FIELDS: readonly ImportField[] = ["firstName", "lastName", "dateOfBirth"];

export const SOURCE_SYSTEMS = ["cliniko", "jane", "csv"] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];
export const SOURCE_LABELS: Record<SourceSystem, string> = { cliniko: "Cliniko", jane: "Jane", csv: "Another system" };

export const DATE_FORMATS = ["ymd", "dmy", "mdy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = { ymd: "YYYY-MM-DD", dmy: "DD/MM/YYYY", mdy: "MM/DD/YYYY" };

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Names per field, best first: an earlier name wins when a file has several candidates. */
const FIELD_NAMES: Record<ImportField, string[]> = {
  // "id" [Cliniko API]; "patient id" [U: Cliniko export and Jane]; the rest [U: common spellings]
  externalId: ["patientid", "id", "patientnumber", "clientid", "chartnumber", "externalid"],
  // first_name, last_name [Cliniko API]; first and last name [Jane]; given/family/surname [U]
  firstName: ["firstname", "givenname", "forename", "first"],
  lastName: ["lastname", "surname", "familyname", "last"],
  // date_of_birth [Cliniko API]; date of birth [Jane]; dob, birth date, birthdate [U]
  dateOfBirth: ["dateofbirth", "birthdate", "dob", "birthday"],
  // sex [U: Cliniko export]; gender [Cliniko API, deprecated there]; gender_identity [Cliniko API]
  sex: ["sex", "gender", "genderidentity"],
  // phone numbers [Jane]; Cliniko keeps numbers in patient_phone_numbers [Cliniko API];
  // the column titles "mobile", "mobile phone", "home phone" are [U]
  phone: ["mobile", "mobilephone", "mobilenumber", "cellphone", "phone", "phonenumber", "homephone", "workphone"],
  // email [Cliniko API]; email address [Jane]
  email: ["email", "emailaddress"],
  // notes [Cliniko API]; "patient notes" [U]
  notes: ["notes", "patientnotes", "note", "comments"],
};

/**
 * Guesses which column holds which field. Each column feeds at most one field;
 * a field without a recognised column stays unmapped for the user to choose.
 */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const names = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    for (const candidate of FIELD_NAMES[field]) {
      const index = names.findIndex((n, i) => n === candidate && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

// "Unapplied Account Credit" [Cliniko export]; medicare, dva card number [Cliniko API].
const CLINIKO_MARKERS = ["unappliedaccountcredit", "medicare", "medicarereferencenumber", "dvacardnumber"];
// "health number" [Jane].
const JANE_MARKERS = ["healthnumber", "janeid"];

export function guessSourceSystem(headers: readonly string[]): SourceSystem {
  const names = new Set(headers.map(normaliseHeader));
  if (CLINIKO_MARKERS.some((m) => names.has(m))) return "cliniko";
  if (JANE_MARKERS.some((m) => names.has(m))) return "jane";
  return "csv";
}

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Reads the date format off the sample values: ISO dates are unambiguous; in a
 * slashed date, a first part above 12 means day first, a second part above 12
 * month first. With no evidence, day first [U: house default; the user confirms it].
 */
export function guessDateFormat(values: readonly string[]): DateFormat {
  let iso = 0;
  let slashed = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (/^\d{4}-\d{2}-\d{2}/.test(v)) iso += 1;
    const m = SLASHED.exec(v);
    if (!m) continue;
    slashed += 1;
    if (Number(m[1]) > 12) return "dmy";
    if (Number(m[2]) > 12) return "mdy";
  }
  return iso > slashed ? "ymd" : "dmy";
}
