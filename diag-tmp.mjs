import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3135";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ storageState: "tests/.cache/auth-3135/admin_northside_test.json" });
const page = await ctx.newPage();
// sign in fresh
const csrf = await (await page.request.get(base + "/api/auth/csrf")).json();
await page.request.post(base + "/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: "admin@northside.test", password: "plumbline-demo", callbackUrl: "/" } });
await page.goto(base + "/patients?q=okafor");
await page.getByRole("link", { name: "Okafor, Maya" }).first().click();
await page.waitForURL(/patients\/[0-9a-f-]{36}$/);
const maya = new URL(page.url()).pathname;
const hrefs = await page.locator("a[href]").evaluateAll((l) => l.map((a) => a.getAttribute("href")));
const course = hrefs.find((h) => new RegExp(`^${maya}/decompression/[0-9a-f-]{36}$`).test(h));
const programme = hrefs.find((h) => new RegExp(`^${maya}/programmes/[0-9a-f-]{36}$`).test(h));
const paths = process.argv.slice(2).map((p) => p.replace("MAYA", maya).replace("COURSE", course).replace("PROGRAMME", programme));
for (const width of [390, 768, 1440]) {
  await page.setViewportSize({ width, height: 900 });
  for (const p of paths) {
    await page.goto(base + p);
    await page.waitForLoadState("networkidle");
    const res = await page.evaluate((vw) => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0) {
          // only report elements whose parent is not also overflowing by the same amount
          const kids = [...el.children].map((c) => c.getBoundingClientRect().right);
          if (!kids.some((k) => k >= r.right - 1)) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} w=${Math.round(r.width)}`);
        }
      }
      return { sw: document.documentElement.scrollWidth, out: out.slice(0, 12) };
    }, width);
    console.log(`${p} @${width}: ${res.sw}`);
    if (res.sw > width) for (const o of res.out) console.log("   ", o);
  }
}
await browser.close();
