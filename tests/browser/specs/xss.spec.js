// User text is always text: markup typed into every field is shown as typed and never runs
// (the contact, which must be a phone number, refuses it).
const { test, expect } = require("../support/fixtures");
const { NewPostScreen, BoardScreen, becomeAnotherDevice } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(2)</script>";

for (const lang of LANGS) {
  test.describe(`user text stays text (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("markup in every field is shown, not run", async ({ page }) => {
      const w = words[lang];
      const dialogs = [];
      page.on("dialog", async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      await form.fillRequired({
        title: `${IMG} ${SCRIPT}`,
        category: w.categoryFood,
        area: "Hillcrest",
        method: w.methodCall,
        contact: `${SCRIPT}555 0100`,
        visibility: w.public,
        handle: SCRIPT,
      });
      await form.openMore();
      await page.getByLabel(w.details).fill(`${SCRIPT}\n${IMG}`);
      await page.getByLabel(w.languages).fill(IMG.slice(0, 14));
      await page.getByLabel(w.privateNote).fill(IMG);
      // A contact with markup is no phone number: refused, with the message shown as text.
      await form.submit("ask");
      await expect(page.getByText(w.phoneExtraText, { exact: true })).toBeVisible();
      await expect(page.locator('main img[src="x"], main script, [onerror]')).toHaveCount(0);
      await form.fillRequired({ contact: "+1 555 010 0100" });
      await form.submit("ask");
      await expect(form.heading).toHaveText(`${IMG} ${SCRIPT}`);
      await expect(page.getByText(`${SCRIPT}\n${IMG}`)).toBeVisible();
      await expect(page.getByText(IMG, { exact: true }).first()).toBeVisible();
      await expect(page.locator('main img[src="x"], main script, [onerror]')).toHaveCount(0);

      await becomeAnotherDevice(page);
      await expect(page.locator('main img[src="x"], main script, [onerror]')).toHaveCount(0);
      const board = new BoardScreen(page, lang);
      await board.navLink(w.nav.board).click();
      await expect(board.cards.getByRole("link", { name: `${IMG} ${SCRIPT}` })).toBeVisible();
      await expect(page.locator('main img[src="x"], main script, [onerror]')).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });
  });
}
