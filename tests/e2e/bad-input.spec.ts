import { expect, test } from "./fixtures";
import fc from "fast-check";
import { storageFor } from "./helpers";

// Arbitrary text as a browser or a script could send it in a query string.
const hostile = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\u0007", "\t", "\n", "\uD800", "%", "%00", "'", "x".repeat(500), "0000-01-01", "9999-12-31"),
  fc.string({ unit: "binary", maxLength: 60 }),
);
const tally = { requests: 0, serverErrors: 0 };

/** Percent-encodes like a browser; a lone surrogate (which no browser sends) goes as the raw bytes a crafted client could. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encode = (value: string) => encodeURIComponent(value.replace(LONE, "\u0001LONE\u0001")).replaceAll("%01LONE%01", "%ED%A0%80");

test.describe("bad input: search and lookup routes, oversized actions", () => {
  test.use({ storageState: storageFor("ava@northside.test") });
  test.afterAll(() => console.log(`Route fuzz: ${tally.requests} requests, ${tally.serverErrors} answered 5xx.`));

  test("the patient lookup answers 200 or 400 with a message, never 5xx", async ({ request }) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (q) => {
        tally.requests++;
        const res = await request.get(`/api/patients/lookup?q=${encode(q)}`);
        if (res.status() >= 500) tally.serverErrors++;
        expect([200, 400]).toContain(res.status());
        const body = await res.json();
        if (res.status() === 400) expect(body.error).toMatch(/Search/);
        else expect(Array.isArray(body.patients)).toBe(true);
      }),
      { numRuns: 120 },
    );
    const nul = await request.get(`/api/patients/lookup?q=${encode("ma\u0000")}`);
    expect(nul.status()).toBe(400);
    expect(await nul.json()).toEqual({ error: expect.stringContaining("control character") });
  });

  test("search pages and the CSV route never answer 5xx for arbitrary parameters", async ({ request }) => {
    const paths = (v: string) => [`/patients?q=${v}`, `/exercises?q=${v}`, `/settings/audit?patient=${v}&from=${v}`, `/api/patients/${v}/series/${v}?range=${v}`];
    await fc.assert(
      fc.asyncProperty(hostile, fc.nat({ max: 3 }), async (value, which) => {
        tally.requests++;
        const res = await request.get(paths(encode(value))[which] ?? "/", { maxRedirects: 0 });
        if (res.status() >= 500) tally.serverErrors++;
        expect(res.status()).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });

  test("a server-action body over 1 MB answers 413 with a message", async ({ request }) => {
    const res = await request.post("/patients/new", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "x".repeat(1024 * 1024 + 10),
    });
    expect(res.status()).toBe(413);
    expect(await res.text()).toContain("This form is too large to send");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});
