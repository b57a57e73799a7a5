import { describe, expect, it } from "vitest";
import { turnOffZodJit } from "@/components/csp-nonce";

describe("turnOffZodJit (the root layout's zod setting, without importing zod)", () => {
  it("reaches zod's own configuration", async () => {
    turnOffZodJit();
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
  });
});
