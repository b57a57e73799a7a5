import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { toDatabaseQueryError } from "@/db/query-errors";
import { isDatabaseUnavailable, isUniqueViolation } from "@/lib/db-errors";
import { isFreshSave, makeSavedMarker } from "@/lib/outage/messages";
import { respondBadAddress, respondBodyTooLarge, respondDatabaseDown } from "@/lib/outage/responses";

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

describe("the plain pages the proxy answers with", () => {
  it("carry the request's CSP nonce on their one style element, and no script", async () => {
    for (const page of [
      respondDatabaseDown(new URL("http://x/patients"), { json: false, nonce: "abc123==" }),
      respondBadAddress({ json: false, nonce: "abc123==" }),
      respondBodyTooLarge({ json: false, nonce: "abc123==" }),
    ]) {
      const html = await page.text();
      expect(html).toContain('<style nonce="abc123==">');
      expect(html.match(/<style/g)).toHaveLength(1);
      expect(html).not.toContain("<script");
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    }
    expect(respondBodyTooLarge({ json: false }).status).toBe(413);
    expect(respondBadAddress({ json: true }).status).toBe(400);
  });
});

describe("database error kinds", () => {
  it("still tells an outage after the database layer has scrubbed the error (db/query-errors.ts)", () => {
    const scrub = (cause: object) => toDatabaseQueryError(new DrizzleQueryError("select 1 from patient where id = $1", ["Maya"], Object.assign(new Error("x"), cause)));
    expect(isDatabaseUnavailable(scrub({ code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isDatabaseUnavailable(scrub({ code: "57014" }))).toBe(true);
    expect(isDatabaseUnavailable(scrub({ code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(scrub({ code: "22021" }))).toBe(false);
    expect(isUniqueViolation(scrub({ code: "23505", constraint_name: "decompression_course_one_active_idx" }), "decompression_course_one_active_idx")).toBe(true);
  });

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
