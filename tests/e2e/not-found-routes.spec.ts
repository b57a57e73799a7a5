import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { storageFor } from "./helpers";
import { fillPattern, listAppRoutes, patternToRegex, type AppRoute } from "./route-list";

/**
 * Generated from the route list under app/: every dynamic page and route
 * answers a real 404 (the not-found page for pages) for another clinic's ids
 * and for missing ids, as an admin and as a practitioner. Concrete ids come
 * from crawling each demo clinic's own pages, so a new route is covered as
 * soon as some page links to it; one nobody links to fails here by name.
 */

// Auth.js's catch-all is not a record route: it has no ids to find. Patient links (/p/<token>)
// are opened by token, not by record id: tests/e2e/patient-links.spec.ts and tests/db/patient-reports.test.ts cover their 404s. Nor is
// the calendar feed: its segment is a token, and any unknown token is a 404 (tests/e2e/calendar.spec.ts).
// A clinic's public enquiry page (/enquire/<slug>) is named by its slug: tests/e2e/enquiries.spec.ts covers its 404.
const NOT_RECORD_ROUTES = new Set(["/api/auth/[...nextauth]", "/p/[token]", "/p/[token]/sessions", "/p/[token]/answers", "/p/[token]/reminders", "/p/[token]/media/[mediaId]", "/api/calendar-feed/[token]", "/reminders/opt-out/[token]", "/enquire/[slug]", "/enquire/[slug]/embed"]);
const dynamicRoutes = listAppRoutes().filter((r) => r.params.length > 0 && !NOT_RECORD_ROUTES.has(r.pattern));

const CLINICS = {
  northside: { crawler: "admin@northside.test", members: ["admin@northside.test", "ava@northside.test"] },
  harbour: { crawler: "admin@harbour.test", members: ["admin@harbour.test", "cara@harbour.test"] },
} as const;
type ClinicKey = keyof typeof CLINICS;

type Examples = Map<string, Record<string, string>>;

async function openAs(email: string, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: storageFor(email) });
}

const allMatchers = listAppRoutes().map((r) => ({ route: r, regex: patternToRegex(r.pattern) }));

/** The route a path is served by: as in Next, a fixed segment beats a parameter (`/patients/new` is not an id). */
function matchRoute(pathname: string) {
  const hits = allMatchers.filter((m) => m.regex.test(pathname));
  return hits.sort((a, b) => a.route.params.length - b.route.params.length)[0];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const countIds = (values: Record<string, string>) => Object.values(values).filter((v) => UUID.test(v)).length;

/** Walks a clinic's own pages from the menus, keeping the first concrete URL of each dynamic route. */
async function crawlExamples(api: APIRequestContext, routes: AppRoute[]): Promise<Examples> {
  const wanted = new Set(routes.map((r) => r.pattern));
  const examples: Examples = new Map();
  const visitsPerRoute = new Map<string, number>();
  const queue = ["/", "/patients", "/exercises", "/settings"];
  const seen = new Set(queue);
  let fetched = 0;
  while (queue.length > 0 && examples.size < wanted.size && fetched < 200) {
    const url = queue.shift()!;
    const res = await api.get(url);
    fetched++;
    if (!res.ok() || !(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const [, href] of (await res.text()).matchAll(/href="(\/[^"#]*)"/g)) {
      const pathname = href!.replace(/&amp;/g, "&").split("?")[0]!;
      if (pathname.startsWith("/_next") || seen.has(pathname)) continue;
      seen.add(pathname);
      const hit = matchRoute(pathname);
      if (!hit) continue;
      if (wanted.has(hit.route.pattern)) {
        // Prefer the URL with the most record ids: a built-in exercise's slug is shared by every clinic.
        const values = { ...hit.regex.exec(pathname)!.groups };
        const known = examples.get(hit.route.pattern);
        if (!known || countIds(values) > countIds(known)) examples.set(hit.route.pattern, values);
      }
      // A few pages of each route and shape (a built-in exercise or our own) find the links it offers.
      const shape = `${hit.route.pattern} ${Object.values(hit.regex.exec(pathname)!.groups ?? {}).map((v) => UUID.test(v)).join()}`;
      const visits = visitsPerRoute.get(shape) ?? 0;
      if (hit.route.kind === "page" && visits < 5) {
        visitsPerRoute.set(shape, visits + 1);
        queue.push(pathname);
      }
    }
  }
  // A page nothing links to (a list reached by typing its address) borrows the ids of a page that has them all.
  for (const route of routes) {
    if (examples.has(route.pattern)) continue;
    const donors = [...examples.values()].filter((v) => route.params.every((p) => p in v)).sort((a, b) => countIds(b) - countIds(a));
    if (donors[0]) examples.set(route.pattern, Object.fromEntries(route.params.map((p) => [p, donors[0]![p]!])));
  }
  return examples;
}

/** The same URL with one id replaced by one that exists nowhere. */
function withMissing(route: AppRoute, values: Record<string, string>, param: string): string {
  return fillPattern(route.pattern, { ...values, [param]: param === "key" ? `no-such-exercise-${Date.now()}` : randomUUID() });
}

test.describe("real 404s on every dynamic route", () => {
  test.describe.configure({ timeout: 300_000 });
  const examples: Record<ClinicKey, Examples> = { northside: new Map(), harbour: new Map() };

  test.beforeAll(async ({ baseURL, browser }) => {
    test.setTimeout(240_000);
    // Each clinic gets an exercise of its own, so /exercises/[key]/edit has ids to test (the demo has none).
    for (const clinic of Object.keys(CLINICS) as ClinicKey[]) {
      const context = await browser.newContext({ storageState: storageFor(CLINICS[clinic].crawler) });
      const page = await context.newPage();
      // Copied from an upper-body exercise, away from the hip pattern whose suggestions programmes.spec checks.
      await page.goto("/exercises/new?copy=band-pull-apart");
      await page.getByLabel("Name").fill(`${clinic} bridge ${Date.now()}`);
      await page.getByRole("button", { name: "Save exercise" }).click();
      await expect(page.getByText(/Our clinic, copied from/)).toBeVisible();
      await context.close();
    }
    for (const clinic of Object.keys(CLINICS) as ClinicKey[]) {
      const api = await openAs(CLINICS[clinic].crawler, baseURL!);
      examples[clinic] = await crawlExamples(api, dynamicRoutes);
      await api.dispose();
    }
  });

  test("the route list is what the app serves", () => {
    expect(dynamicRoutes.length).toBeGreaterThanOrEqual(14);
    test.info().annotations.push({ type: "routes covered", description: `${dynamicRoutes.length}: ${dynamicRoutes.map((r) => r.pattern).join(", ")}` });
  });

  test("another clinic's and missing ids answer 404 on each of them", async ({ baseURL }) => {
    for (const route of dynamicRoutes) {
      await test.step(route.pattern, async () => {
        const found = (Object.keys(CLINICS) as ClinicKey[]).filter((c) => examples[c].has(route.pattern));
        expect.soft(found, `no page links to ${route.pattern} in either demo clinic: give the crawl a way to reach it`).not.toEqual([]);
        for (const home of Object.keys(CLINICS) as ClinicKey[]) {
          const other: ClinicKey = home === "northside" ? "harbour" : "northside";
          for (const email of CLINICS[home].members) {
            const api = await openAs(email, baseURL!);
            const urls: string[] = [];
            const foreign = examples[other].get(route.pattern);
            // Only a URL naming one of the other clinic's records can be foreign (not a shared built-in).
            if (foreign && countIds(foreign) > 0) urls.push(fillPattern(route.pattern, foreign));
            const own = examples[home].get(route.pattern);
            if (own) {
              // The clinic's own page answers normally (so the 404s below mean something)...
              // (A draft's amend page sends you to its edit page: a redirect is an answer too.)
              const ok = await api.get(fillPattern(route.pattern, own), { maxRedirects: 0 });
              expect.soft(ok.status(), `${email} opening own ${fillPattern(route.pattern, own)}`).toBeLessThan(400);
              // ...and each of its ids, swapped for a missing one, is not found.
              for (const param of route.params) urls.push(withMissing(route, own, param));
            }
            for (const url of urls) {
              const res = await api.get(url, { maxRedirects: 0 });
              expect.soft(res.status(), `${email} GET ${url}`).toBe(404);
              if (route.kind === "page") expect.soft(await res.text(), `not-found page for ${url}`).toContain("Not found");
            }
            await api.dispose();
          }
        }
      });
    }
  });
});
