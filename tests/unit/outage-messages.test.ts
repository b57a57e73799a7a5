import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "@/lib/db-errors";
import { isFreshSave, makeSavedMarker } from "@/lib/outage/messages";
import { respondDatabaseDown } from "@/lib/outage/responses";

describe("the saved marker after a committed write", () => {
  const now = Date.parse("2026-03-11T12:00:00Z");

  it("counts for two minutes after the save, never for a bookmark or a made-up value", () => {
    const marker = makeSavedMarker(now);
    expect(isFreshSave(marker, now + 1_000)).toBe(true);
    expect(isFreshSave(marker, now + 119_000)).toBe(true);
    expect(isFreshSave(marker, now + 121_000)).toBe(false);
    for (const bad of [null, "", "1", "yes", "-5", String(now)]) expect(isFreshSave(bad, now)).toBe(false);
  });

  it("turns the outage page's message into 'saved' only while fresh", async () => {
    const fresh = respondDatabaseDown(new URL(`http://x/patients?saved=${makeSavedMarker()}`), { json: false });
    expect(fresh.status).toBe(503);
    expect(await fresh.text()).toContain("Your change was saved.");
    const json = respondDatabaseDown(new URL("http://x/api/patients/lookup?saved=1"), { json: true });
    expect(await json.json()).toEqual({ error: "The database is not answering. Nothing was saved. Try again in a minute." });
  });
});

describe("database error kinds", () => {
  it("tells an unreachable database from a refused write, through drizzle's wrapping", () => {
    const wrap = (cause: object) => Object.assign(new Error("Failed query"), { cause });
    expect(isDatabaseUnavailable(wrap({ code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(wrap({ code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isDatabaseUnavailable(wrap({ code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(wrap({ code: "57014" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("PGlite is closed"))).toBe(true);
    expect(isDatabaseUnavailable(wrap({ code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(wrap({ code: "22021" }))).toBe(false);
    expect(isUniqueViolation(wrap({ code: "23505", constraint_name: "decompression_course_one_active_idx" }), "decompression_course_one_active_idx")).toBe(true);
  });
});
