import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

/**
 * The per-address limits of the public pages. Each test uses up this
 * address's budget for the window (15 minutes), after which every patient
 * link or enquiry from 127.0.0.1 answers 429; so this file is its own
 * Playwright project, run after all the others (playwright.config.ts).
 */
test.describe("per-address limits of the public pages", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("guessing patient-link tokens is rate-limited per address", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api.get(`/p/${randomBytes(32).toString("base64url")}`)).status());
    expect(statuses[0]).toBe(404);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    await api.dispose();
  });

  test("past the per-address limit of enquiries, a plain 429 page", async ({ request }) => {
    let last = 0;
    for (let i = 0; i < 8 && last !== 429; i++) {
      const res = await request.post("/enquire/harbour", { form: { name: "x", phone: "1" } });
      last = res.status();
      if (last === 429) {
        expect(res.headers()["retry-after"]).toBe("900");
        expect(await res.text()).toContain("Too many enquiries");
      }
    }
    expect(last).toBe(429);
  });
});
