import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formToObject, readFormValues, toFieldErrors } from "@/lib/actions/form-data";
import { isAdmin } from "@/lib/auth/scope-types";
import { isUuid } from "@/lib/errors";

describe("form data helpers", () => {
  const fd = new FormData();
  fd.append("name", "Ava");
  fd.append("tag", "a");
  fd.append("tag", "b");
  fd.append("password", "secret");
  fd.append("$ACTION_ID_123", "");

  it("keeps repeated names as lists and drops Next's action fields", () => {
    expect(formToObject(fd)).toEqual({ name: "Ava", tag: ["a", "b"], password: "secret" });
  });

  it("never echoes a password back to the form", () => {
    expect(readFormValues(fd)).toEqual({ name: "Ava", tag: "a,b" });
  });

  it("keys zod messages by dotted path", () => {
    const r = z.object({ items: z.array(z.object({ reps: z.number().max(100, "too many") })) }).safeParse({ items: [{ reps: 1 }, { reps: 200 }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldErrors(r.error)).toEqual({ "items.1.reps": ["too many"] });
  });
});

describe("scope helpers", () => {
  it("tells admins from practitioners", () => {
    expect(isAdmin({ clinicId: "c", userId: "u", role: "admin", email: "a@b.c" })).toBe(true);
    expect(isAdmin({ clinicId: "c", userId: "u", role: "practitioner", email: "a@b.c" })).toBe(false);
  });
  it("accepts only well-formed ids, so a malformed one is simply not found", () => {
    expect(isUuid("5f0c7a0e-3b1d-4c2a-9f4e-1a2b3c4d5e6f")).toBe(true);
    expect(isUuid("5f0c7a0e")).toBe(false);
    expect(isUuid("' or 1=1 --")).toBe(false);
  });
});
