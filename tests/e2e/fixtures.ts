import { expect, test as base, type BrowserContext } from "@playwright/test";

export { expect };
export type { Page } from "@playwright/test";

type CspViolation = { directive: string; blocked: string; sample: string; page: string };

/**
 * Every spec imports `test` from here: each browser context a test opens (its
 * own, and any it makes with browser.newContext) reports Content-Security-Policy
 * violations on every page it visits, and the test fails if there was one.
 */
export const test = base.extend<{ cspViolations: CspViolation[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: CspViolation[] = [];
      const watch = async (ctx: BrowserContext) => {
        await ctx.exposeBinding("__plumblineCspViolation", (_source, v: CspViolation) => {
          violations.push(v);
        });
        await ctx.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            const report = (window as unknown as { __plumblineCspViolation: (v: unknown) => void }).__plumblineCspViolation;
            report({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, page: location.pathname });
          });
        });
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const ctx = await newContext(options);
        await watch(ctx);
        return ctx;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
