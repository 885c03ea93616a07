// A newcomer's first visit: the group's demo board is there, so Circle looks like a living
// board and not an empty form. It is merged in once, saved, and not fetched again.
const { test, expect } = require("../support/fixtures");
const { BoardScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

test.use({ demoBoard: true });

for (const lang of LANGS) {
  test.describe(`demo board (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("the first visit shows the demo board, once", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(board.notice).toContainText(w.demoLoaded);
      await expect(page.getByText(w.totalPosts(34))).toBeVisible();
      await expect(board.cards.first()).toBeVisible();

      const demoFetches = [];
      page.on("request", (request) => request.url().endsWith("demo-board.json") && demoFetches.push(request.url()));
      await page.reload();
      await expect(page.getByText(w.totalPosts(34))).toBeVisible();
      expect(demoFetches, "the demo is fetched on the first run only").toEqual([]);
    });
  });
}
