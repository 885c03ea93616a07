// My posts and settings: handle, language switch (lang and dir follow), what to keep on this
// device, and wiping it all. In English and Spanish.
const { test, expect } = require("../support/fixtures");
const { NewPostScreen, SettingsScreen, BoardScreen, becomeAnotherDevice, reload, visit } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  const other = lang === "en" ? "es" : "en";
  test.describe(`my posts and settings (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("my posts lists only what this device's key signed", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("mine");
      await expect(page.getByText(w.mineEmpty)).toBeVisible();
      await form.post("offer", form.plain("Spare blankets"));
      await form.navLink(w.nav.mine).click();
      await expect(form.heading).toHaveText(w.mineTitle);
      await expect(page.getByRole("link", { name: "Spare blankets" })).toBeVisible();
      await becomeAnotherDevice(page);
      await expect(page.getByText(w.mineEmpty)).toBeVisible();
    });

    test("handle and language are kept; the page language follows", async ({ page }) => {
      const w = words[lang];
      const settings = new SettingsScreen(page, lang);
      await settings.open("settings");
      await settings.handle.fill("Marisol");
      await settings.handle.blur();
      await settings.language.selectOption({ label: other === "es" ? "Español" : "English" });
      await expect(page.locator("html")).toHaveAttribute("lang", other);
      await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
      await expect(settings.heading).toHaveText(words[other].settingsTitle);
      await reload(page);
      await expect(settings.heading).toHaveText(words[other].settingsTitle);
      const otherSettings = new SettingsScreen(page, other);
      await expect(otherSettings.handle).toHaveValue("Marisol");
      await visit(page, "new/ask");
      await expect(page.getByRole("textbox", { name: new RegExp(`^${words[other].handle}`) })).toHaveValue("Marisol");
    });

    test("with nothing kept, the board is gone after a reload; wiping forgets everything", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.post("ask", form.plain("Keep me"));
      const settings = new SettingsScreen(page, lang);
      await settings.navLink(w.nav.settings).click();
      // The author key a coordinator gives the group: 64 hex digits, and a new one after a wipe,
      // so nothing links later posts to the wiped ones.
      const key = page.getByRole("region", { name: w.authorKey }).locator("code");
      await expect(key).toHaveText(/^[0-9a-f]{64}$/);
      const before = await key.textContent();
      await page.getByRole("button", { name: w.wipe }).click();
      await page.getByRole("button", { name: w.wipeConfirm }).click();
      await expect(settings.notice).toContainText(w.wiped);
      await expect(settings.handle).toHaveValue("");
      await expect(key).toHaveText(/^[0-9a-f]{64}$/);
      expect(await key.textContent()).not.toEqual(before);
      const board = new BoardScreen(page, lang);
      await board.navLink(w.nav.board).click();
      await expect(page.getByText(w.boardEmpty)).toBeVisible();

      await form.post("ask", form.plain("Forget me"));
      await settings.open("settings");
      await page.getByRole("checkbox", { name: w.keepBoard }).uncheck();
      await page.getByRole("checkbox", { name: w.keepDrafts }).uncheck();
      await visit(page, "");
      await expect(page.getByText(w.boardEmpty)).toBeVisible();
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("circle.")));
      expect(stored).not.toContain("circle.board");
    });
  });
}
