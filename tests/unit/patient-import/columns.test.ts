import { describe, expect, it } from "vitest";
import { guessDateFormat, guessMapping, guessSourceSystem, normaliseHeader } from "@/lib/patient-import/columns";
import { CLINIKO_API_HEADERS, CLINIKO_HEADERS, JANE_HEADERS } from "../../helpers/import-samples";

const mapped = (headers: string[]) =>
  Object.fromEntries(Object.entries(guessMapping(headers)).map(([field, index]) => [field, headers[index as number]]));

describe("the column guesser", () => {
  it("maps a Cliniko export's columns", () => {
    expect(mapped(CLINIKO_HEADERS)).toEqual({
      externalId: "Patient ID",
      firstName: "First Name",
      lastName: "Last Name",
      dateOfBirth: "Date of Birth",
      sex: "Sex",
      phone: "Mobile",
      email: "Email",
      notes: "Notes",
    });
  });

  it("maps a Jane patient list's columns", () => {
    expect(mapped(JANE_HEADERS)).toEqual({
      externalId: "Patient Number",
      firstName: "First Name",
      lastName: "Last Name",
      dateOfBirth: "Birth Date",
      sex: "Gender",
      phone: "Mobile Phone",
      email: "Email Address",
    });
  });

  it("maps Cliniko's API field names", () => {
    expect(mapped(CLINIKO_API_HEADERS)).toMatchObject({ externalId: "id", firstName: "first_name", lastName: "last_name", dateOfBirth: "date_of_birth", sex: "gender" });
  });

  it("prefers the sex column over gender identity, and gives each column to one field only", () => {
    const m = guessMapping(["Gender Identity", "Sex", "Last", "Surname"]);
    expect(m.sex).toBe(1);
    expect(m.lastName).toBe(3);
    expect(new Set(Object.values(m)).size).toBe(Object.values(m).length);
  });

  it("leaves unknown columns unmapped", () => {
    expect(guessMapping(["Favourite colour", "Shoe size"])).toEqual({});
  });

  it("normalises case, spaces and punctuation", () => {
    expect(normaliseHeader(" Date of Birth ")).toBe(normaliseHeader("date_of_birth"));
  });
});

describe("the source system guess", () => {
  it("recognises Cliniko by its export's own columns", () => {
    expect(guessSourceSystem(CLINIKO_HEADERS)).toBe("cliniko");
  });
  it("recognises Jane by its health number column", () => {
    expect(guessSourceSystem(JANE_HEADERS)).toBe("jane");
  });
  it("falls back to another system", () => {
    expect(guessSourceSystem(["First Name", "Last Name"])).toBe("csv");
  });
});

describe("the date format guess", () => {
  it("reads ISO dates", () => {
    expect(guessDateFormat(["1985-03-15", "1990-01-02"])).toBe("ymd");
  });
  it("reads day first when a first part is above 12", () => {
    expect(guessDateFormat(["01/02/1980", "25/12/1970"])).toBe("dmy");
  });
  it("reads month first when a second part is above 12", () => {
    expect(guessDateFormat(["01/02/1980", "12/25/1970"])).toBe("mdy");
  });
  it("defaults to day first without evidence", () => {
    expect(guessDateFormat(["01/02/1980"])).toBe("dmy");
  });
});
