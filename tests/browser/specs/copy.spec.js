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
      const asks = NEIGHBOURLY[lang].filter((post) => post.kind === "ask").map((post) => post.title);
      expect(lines.slice(2)).toHaveLength(4);
      expect(lines[2]).toMatch(/^• /);
      for (const title of asks) expect(text).toContain(`• ${title} (`);
      // Offers are not asks.
      expect(text).not.toContain(NEIGHBOURLY[lang][2].title);
      expect(text).not.toMatch(/[<>]/);
    });
  });
}
