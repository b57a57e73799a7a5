import { describe, expect, it } from "vitest";
import { patientFormSchema, patientListParamsSchema } from "@/lib/patients/schemas";
import { parsePatientSearch, escapeLike } from "@/lib/patients/search";

const valid = {
  firstName: " Maya ",
  lastName: "Okafor",
  dateOfBirth: "1975-03-14",
  sex: "female",
  phone: "",
  email: "",
  notes: "",
  weight: "",
  weightUnit: "kg",
  weightDate: "",
};

const fieldErrors = (input: Record<string, string>) => {
  const r = patientFormSchema.safeParse(input);
  if (r.success) return {};
  // The first message per field is the one the form shows.
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("patient form schema", () => {
  it("trims names and turns blanks into nulls", () => {
    const r = patientFormSchema.parse(valid);
    expect(r.firstName).toBe("Maya");
    expect(r.phone).toBeNull();
    expect(r.weight).toBeNull();
  });

  it("converts pounds to kilograms with the exact factor", () => {
    const r = patientFormSchema.parse({ ...valid, weight: "150", weightUnit: "lb", weightDate: "2026-01-10" });
    expect(r.weight).toEqual({ kg: 68, measuredOn: "2026-01-10" });
  });

  it("refuses missing and impossible values with messages per field", () => {
    expect(fieldErrors({ ...valid, firstName: "", dateOfBirth: "", sex: "" })).toEqual({
      firstName: "Enter a first name",
      dateOfBirth: "Enter the date of birth as a date",
      sex: "Choose a sex",
    });
    expect(fieldErrors({ ...valid, dateOfBirth: "2999-01-01" }).dateOfBirth).toBe("Date of birth cannot be in the future");
    expect(fieldErrors({ ...valid, dateOfBirth: "2021-02-30" }).dateOfBirth).toBe("Enter the date of birth as a real date");
    expect(fieldErrors({ ...valid, email: "not-an-email" }).email).toBe("Enter a valid email address");
  });

  it("needs a date for a weight, not before birth; a date alone is ignored", () => {
    expect(fieldErrors({ ...valid, weight: "70" }).weightDate).toBe("Enter the date the weight was measured");
    // The form offers today's date for a weighing; with no weight typed it is simply ignored.
    expect(patientFormSchema.parse({ ...valid, weightDate: "2026-01-01" }).weight).toBeNull();
    expect(fieldErrors({ ...valid, weight: "70", weightDate: "1970-01-01" }).weightDate).toBe("The weighing date cannot be before the date of birth");
    expect(fieldErrors({ ...valid, weight: "900", weightDate: "2026-01-01" }).weight).toBe("Enter a body weight between 2 and 350 kg (770 lb)");
  });

  it("falls back to safe list parameters for anything malformed", () => {
    expect(patientListParamsSchema.parse({ page: "-3", status: "deleted", q: ["a", "b"], after: "not-a-uuid", before: "1; drop" })).toEqual({
      q: "",
      status: "active",
      after: null,
      before: null,
      last: false,
    });
  });
  it("reads one keyset direction at a time: the last page, then before, then after", () => {
    const id = "6f1b7a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    const other = "0e2c8b41-7d6e-4f5a-9b8c-1d2e3f4a5b6c";
    expect(patientListParamsSchema.parse({ page: "last", after: id })).toMatchObject({ last: true, after: null, before: null });
    expect(patientListParamsSchema.parse({ before: id, after: other })).toMatchObject({ last: false, before: id, after: null });
    expect(patientListParamsSchema.parse({ after: other })).toMatchObject({ last: false, before: null, after: other });
  });
});

describe("patient search parsing", () => {
  it("reads ISO and UK dates as a date of birth", () => {
    expect(parsePatientSearch("1975-03-14")).toEqual({ kind: "dob", date: "1975-03-14" });
    expect(parsePatientSearch("14/03/1975")).toEqual({ kind: "dob", date: "1975-03-14" });
  });
  it("reads anything else as name prefixes", () => {
    expect(parsePatientSearch("  Maya  OK ")).toEqual({ kind: "name", words: ["maya", "ok"] });
    expect(parsePatientSearch("")).toEqual({ kind: "none" });
  });
  it("escapes LIKE wildcards", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
