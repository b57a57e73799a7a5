import { describe, expect, it } from "vitest";
import { guessMapping } from "@/lib/patient-import/columns";
import { validateImportRow } from "@/lib/patient-import/rows";
import { toIsoDate, toSex } from "@/lib/patient-import/values";
import { CLINIKO_HEADERS, JANE_HEADERS, clinikoRow } from "../../helpers/import-samples";

const cliniko = guessMapping(CLINIKO_HEADERS);

describe("an import row", () => {
  it("passes the patient registry's rules and comes out as a patient", () => {
    const verdict = validateImportRow(clinikoRow({ id: "1001", first: " Maya ", last: "Okafor", dob: "14/03/1975", sex: "Female", email: "maya@example.test", mobile: "0412 345 678" }), cliniko, "dmy");
    expect(verdict).toEqual({
      ok: true,
      patient: { externalId: "1001", firstName: "Maya", lastName: "Okafor", dateOfBirth: "1975-03-14", sex: "female", phone: "0412 345 678", email: "maya@example.test", notes: null },
    });
  });

  it("is refused with the patient form's own message for a missing last name", () => {
    expect(validateImportRow(clinikoRow({ first: "Maya", dob: "14/03/1975" }), cliniko, "dmy")).toEqual({ ok: false, reasons: ["Enter a last name"] });
  });

  it("is refused for a date of birth in the future", () => {
    const verdict = validateImportRow(clinikoRow({ first: "Maya", last: "Okafor", dob: "01/01/2999" }), cliniko, "dmy");
    expect(verdict).toEqual({ ok: false, reasons: ["Date of birth cannot be in the future"] });
  });

  it("is refused for a date that does not exist, read in the chosen format", () => {
    const verdict = validateImportRow(clinikoRow({ first: "Maya", last: "Okafor", dob: "03/14/1975" }), cliniko, "dmy");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.reasons).toEqual(["Enter the date of birth as a real date"]);
  });

  it("gives every reason of a row with several problems", () => {
    const verdict = validateImportRow(clinikoRow({ first: "", last: "Okafor", dob: "1975-03-14", email: "not-an-email" }), cliniko, "dmy");
    expect(verdict.ok ? [] : verdict.reasons).toEqual(["Enter a first name", "Enter a valid email address"]);
  });

  it("refuses a name with hidden text-direction characters, as the form does", () => {
    const verdict = validateImportRow(clinikoRow({ first: "Ma\u202Eya", last: "Okafor", dob: "1975-03-14" }), cliniko, "ymd");
    expect(verdict.ok).toBe(false);
  });

  it("reads a Jane row through its own mapping", () => {
    const jane = guessMapping(JANE_HEADERS);
    const verdict = validateImportRow(["J-77", "Oscar", "Lindqvist", "1962-11-02", "male", "", "+1 604 555 0100", "", "9876543210"], jane, "ymd");
    expect(verdict).toMatchObject({ ok: true, patient: { externalId: "J-77", sex: "male", phone: "+1 604 555 0100", dateOfBirth: "1962-11-02" } });
  });
});

describe("value shapes", () => {
  it("converts dates by the chosen order and leaves other shapes to the schema", () => {
    expect(toIsoDate("5/3/1975", "dmy")).toBe("1975-03-05");
    expect(toIsoDate("5/3/1975", "mdy")).toBe("1975-05-03");
    expect(toIsoDate("1975-03-05T00:00:00Z", "dmy")).toBe("1975-03-05");
    expect(toIsoDate("March 5", "dmy")).toBe("March 5");
  });
  it("reads sex values into the registry's four", () => {
    expect(["F", "male", "", "Non-binary", "Prefer not to say"].map(toSex)).toEqual(["female", "male", "unknown", "other", "unknown"]);
  });
});
