import { describe, expect, it } from "vitest";
import { nextPathSchema, totpCodeSchema } from "@/lib/mfa/schemas";
import { digestCode } from "@/lib/mfa/secret-box";
import { passwordKeys, secondFactorKeys } from "@/lib/auth/throttle";

describe("mfa: input rules", () => {
  it("keeps only same-origin paths for where to go after the second step", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/a\\b", undefined]) {
      expect(nextPathSchema.parse(bad)).toBe("/");
    }
    expect(nextPathSchema.parse("/patients?q=a")).toBe("/patients?q=a");
  });

  it("accepts a 6-digit code typed with spaces, and nothing else", () => {
    expect(totpCodeSchema.parse({ code: "123 456" }).code).toBe("123456");
    expect(totpCodeSchema.safeParse({ code: "12345" }).success).toBe(false);
    expect(totpCodeSchema.safeParse({ code: "12345a" }).success).toBe(false);
  });

  it("compares recovery codes without case, spaces or dashes", () => {
    expect(digestCode("ABCDE-FGHJK")).toBe(digestCode("abcde fghjk"));
    expect(digestCode("abcde-fghjk")).not.toBe(digestCode("abcde-fghjm"));
  });

  it("throttles per account-and-address and per address, with no shared address budget when the address is unknown", () => {
    expect(passwordKeys("a@b.test", "192.0.2.1")).toEqual({ account: "pw:a@b.test|192.0.2.1", address: "ip:192.0.2.1" });
    expect(passwordKeys("a@b.test", null).address).toBeNull();
    expect(secondFactorKeys("u1", "192.0.2.1").address).toBe("ip:192.0.2.1");
  });
});
