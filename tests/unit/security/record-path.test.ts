import { describe, expect, it } from "vitest";
import { readRecordPath } from "@/lib/routing/record-path";

describe("records named by a path", () => {
  it("reads nested ids outermost first", () => {
    expect(readRecordPath("/patients/p1/decompression/c1/sessions/s1").map((r) => [r.kind, r.value])).toEqual([
      ["patient", "p1"],
      ["course", "c1"],
      ["session", "s1"],
    ]);
  });

  it("fixed pages are not ids", () => {
    expect(readRecordPath("/patients/new")).toEqual([]);
    expect(readRecordPath("/patients/p1/programmes/new").map((r) => r.kind)).toEqual(["patient"]);
    expect(readRecordPath("/api/patients/lookup")).toEqual([]);
  });

  it("keeps what follows an id, for built-in exercises that have no edit page", () => {
    expect(readRecordPath("/exercises/dead-bug/edit")).toEqual([{ kind: "exercise", value: "dead-bug", then: "edit" }]);
  });

  it("the print page and the CSV route name their records too", () => {
    expect(readRecordPath("/print/programmes/g1").map((r) => r.kind)).toEqual(["programme"]);
    expect(readRecordPath("/api/patients/p1/series/nprs").map((r) => r.kind)).toEqual(["patient"]);
  });
});
