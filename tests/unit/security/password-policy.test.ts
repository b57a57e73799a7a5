import { describe, expect, it } from "vitest";
import { explainWeakPassword } from "@/lib/auth/password-policy";

const ava = { name: "Ava Lindqvist", email: "ava@northside.test", clinicName: "Northside Spine & Posture" };

describe("staff password policy", () => {
  it("refuses a repeated character however long", () => {
    expect(explainWeakPassword("aaaaaaaaaaaa", ava)).toMatch(/too easy to guess/);
  });

  it("refuses fewer than 12 characters with the reason", () => {
    expect(explainWeakPassword("x7#Kq!2mZ", ava)).toBe("Use at least 12 characters");
  });

  it("refuses a common password padded to length", () => {
    expect(explainWeakPassword("password1234", ava)).toMatch(/too easy to guess/);
  });

  it("counts the user's name, email and clinic name against the password", () => {
    expect(explainWeakPassword("northsidespine", ava)).toMatch(/name, email address or clinic name/);
    expect(explainWeakPassword("lindqvistava1", ava)).toMatch(/name, email address or clinic name/);
  });

  it("the same words are fine for someone they do not describe", () => {
    expect(explainWeakPassword("lindqvistava1", { name: "Ben Okoro", email: "ben@harbour.test", clinicName: "Harbour Physiotherapy" })).toBeNull();
  });

  it("accepts a long passphrase of unrelated words", () => {
    expect(explainWeakPassword("copper lantern drifts sideways", ava)).toBeNull();
  });
});
