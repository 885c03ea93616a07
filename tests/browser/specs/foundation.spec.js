// The vertical slice: the board lists posts, "New ask" and "New offer" add one, and it is still
// there after a reload, including a reload on the post's own deep link. Runs at the site root
// and under /circle/, in English and Spanish.
const { test, expect } = require("../support/fixtures");
const { BoardScreen, NewPostScreen, reload } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`foundation (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("an ask and an offer are posted, listed and kept after reloads", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(board.heading).toHaveText(w.boardTitle);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByText(w.boardEmpty)).toBeVisible();

      await board.navLink(w.nav.newAsk).click();
      const form = new NewPostScreen(page, lang);
      await form.fillRequired(form.plain("Groceries for two"));
      await form.submit("ask");
      await expect(form.heading).toHaveText("Groceries for two");
      await expect(form.notice).toContainText(w.postedAsk);
      const askPath = new URL(page.url()).pathname;
      expect(askPath).toMatch(/\/post\/[0-9a-f]{16}$/);

      await reload(page);
      await expect(form.heading).toHaveText("Groceries for two");

      await form.post("offer", {
        title: "Rides to the clinic",
        category: w.categoryRides,
        area: "Hillcrest",
        method: w.methodText,
        contact: "+1 555 0199",
        visibility: w.public,
      });

      await board.navLink(w.nav.board).click();
      await expect(board.cards).toHaveCount(2);
      await expect(board.card("Groceries for two")).toBeVisible();
      await expect(board.card("Rides to the clinic")).toBeVisible();
      await reload(page);
      await expect(board.cards).toHaveCount(2);

      await board.card("Groceries for two").getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`${askPath}$`));
      await expect(board.heading).toHaveText("Groceries for two");
    });

    test("every screen has its own address", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      for (const [path, title] of [
        ["new/ask", words[lang].nav.newAsk],
        ["new/offer", words[lang].nav.newOffer],
        ["mine", w.mineTitle],
        ["settings", w.settingsTitle],
        ["share", w.shareTitle],
        ["post/00000000000000ff", w.notFound],
      ]) {
        await board.open(path);
        await expect(board.heading).toHaveText(title);
      }
    });
  });
}
