import { describe, expect, it } from "vitest";
import { readSafeNextPath, toPathOfThisSite } from "@/lib/auth/safe-next";

describe("sign-in next parameter", () => {
  it.each(["/patients", "/patients/1?tab=notes", "/settings/audit#top"])("keeps the same-site path %s", (path) => {
    expect(readSafeNextPath(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "",
    "patients",
  ])("refuses %j", (value) => {
    expect(readSafeNextPath(value)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(readSafeNextPath(undefined)).toBe("/");
    expect(readSafeNextPath(["/patients"])).toBe("/");
  });

  it("takes the path of Auth.js's absolute callback URL", () => {
    expect(toPathOfThisSite("http://127.0.0.1:3000/patients/abc?x=1")).toBe("/patients/abc?x=1");
    expect(toPathOfThisSite("javascript:alert(1)")).toBe("/");
    expect(readSafeNextPath(toPathOfThisSite("http://127.0.0.1:3000//evil.example"))).toBe("/");
  });
});
