/**
 * Header rows as the import expects them from other systems' patient exports
 * (sources and [U] marks in lib/patient-import/columns.ts).
 */
// Cliniko's data export of patients: title-case columns, "Unapplied Account Credit" among them.
export const CLINIKO_HEADERS = [
  "Patient ID", "Title", "First Name", "Preferred First Name", "Last Name", "Date of Birth", "Sex", "Gender Identity",
  "Email", "Mobile", "Home Phone", "Address 1", "City", "Post Code", "Medicare", "Notes", "Unapplied Account Credit",
];
// Jane's patient list: first and last name, phone numbers, email, health number, date of birth.
export const JANE_HEADERS = ["Patient Number", "First Name", "Last Name", "Birth Date", "Gender", "Email Address", "Mobile Phone", "Home Phone", "Health Number"];
// Cliniko's API field names, as a file built from the API carries them.
export const CLINIKO_API_HEADERS = ["id", "first_name", "last_name", "date_of_birth", "gender", "email", "notes"];

/** A Cliniko-shaped file row with the given values in the mapped columns. */
export function clinikoRow(values: { id?: string; first?: string; last?: string; dob?: string; sex?: string; email?: string; mobile?: string; notes?: string }): string[] {
  const row = CLINIKO_HEADERS.map(() => "");
  const set = (header: string, value: string | undefined) => {
    if (value !== undefined) row[CLINIKO_HEADERS.indexOf(header)] = value;
  };
  set("Patient ID", values.id);
  set("First Name", values.first);
  set("Last Name", values.last);
  set("Date of Birth", values.dob);
  set("Sex", values.sex);
  set("Email", values.email);
  set("Mobile", values.mobile);
  set("Notes", values.notes);
  return row;
}
