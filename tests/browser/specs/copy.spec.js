// "Copy open asks as text": a tidy plain-text list for a group chat, most urgent first, with
// the group's name, the count and the date. In English and Spanish.
const { test, expect } = require("../support/fixtures");
const { BoardScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { seedNeighbourly, NEIGHBOURLY } = require("../pages/seed");

for (const lang of LANGS) {
  test.describe(`copy open asks (${lang})`, () => {
    test.use({ locale: words[lang].locale, permissions: ["clipboard-read", "clipboard-write"] });

    test("the open asks land on the clipboard as plain text", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await seedNeighbourly(page, lang);
      await page.getByRole("button", { name: w.copyAsks }).click();
      await expect(board.notice).toContainText(lang === "en" ? "Copied 4 open asks." : "Se copiaron 4 pedidos abiertos.");
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const lines = text.trim().split("\n");
      expect(lines[0]).toContain(w.openAsks(4));
      expect(lines[1]).toBe("");
      // The four asks, most urgent first and the newer of two equally urgent first: the
      // insulin (today), the fans (today, posted earlier), the groceries (in a day or two),
      // the ride (this week).
      const posts = NEIGHBOURLY[lang];
      const order = [posts[3], posts[5], posts[0], posts[1]].map((post) => post.title);
      const listed = lines.slice(2).map((line) => line.match(/^• (.*) \(.*\)$/)?.[1]);
      expect(listed).toEqual(order);
      // Offers are not asks.
      expect(text).not.toContain(NEIGHBOURLY[lang][2].title);
      expect(text).not.toMatch(/[<>]/);
    });
  });
}
