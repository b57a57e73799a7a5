import { expect, test as setup } from "./fixtures";
import { postSignIn, storageFor } from "./helpers";

// Sign each demo user in once; specs reuse the stored sessions.
for (const email of ["ava@northside.test", "admin@northside.test", "cara@harbour.test", "admin@harbour.test"]) {
  setup(`sign in ${email}`, async ({ page }) => {
    await postSignIn(page.request, email);
    await page.goto("/");
    await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();
    await page.context().storageState({ path: storageFor(email) });
  });
}
