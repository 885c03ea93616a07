// The board: newest and most urgent first, filters, search, counts, empty states, and a board
// of 10,000 posts that renders a page at a time. In English and Spanish.
const { test, expect } = require("../support/fixtures");
const { BoardScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { seedBoard, seedNeighbourly, NEIGHBOURLY } = require("../pages/seed");

for (const lang of LANGS) {
  test.describe(`board (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("most urgent first, then newest; filters, search and counts", async ({ page }) => {
      const w = words[lang];
      const titles = NEIGHBOURLY[lang].map((post) => post.title);
      const board = new BoardScreen(page, lang);
      await board.open();
      await seedNeighbourly(page, lang);

      // Two "today" posts first (newer first), then 1–2 days, this week, anytime.
      const order = [titles[3], titles[5], titles[0], titles[1], titles[2], titles[4]];
      await expect(board.cards.getByRole("heading")).toHaveText(order);
      await expect(page.getByText(w.openAsks(4), { exact: false })).toBeVisible();
      await expect(page.getByText(w.shown(6, 6))).toBeVisible();

      await board.kind.selectOption({ label: w.kindOffer });
      await expect(board.cards).toHaveCount(2);
      await board.kind.selectOption({ index: 0 });

      await board.filter(w.category, w.categoryRides);
      await expect(board.cards.getByRole("heading")).toHaveText([titles[1]]);
      await board.page.getByRole("button", { name: w.clearFilters }).click();
      await expect(board.cards).toHaveCount(6);

      await board.filter(w.area, "riverside-south");
      await expect(board.cards).toHaveCount(2);
      await board.filter(w.urgency, w.today);
      await expect(board.cards.getByRole("heading")).toHaveText([titles[5]]);
      await board.page.getByRole("button", { name: w.clearFilters }).click();

      // Search ignores case and accents.
      await board.search.fill(lang === "en" ? "CLINIC" : "clinica");
      await expect(board.cards.getByRole("heading")).toHaveText([titles[1]]);
      // Category and area names in either of the group's languages, and plural forms.
      await board.search.fill("comida");
      await expect(board.cards.getByRole("heading")).toHaveText([titles[0], titles[2]]);
      await board.search.fill("food");
      await expect(board.cards.getByRole("heading")).toHaveText([titles[0]]);
      await board.search.fill(lang === "en" ? "rides" : "traslados");
      await expect(board.cards.getByRole("heading")).toHaveText([titles[1]]);
      await board.search.fill("mercado viejo");
      await expect(board.cards.getByRole("heading")).toHaveText([titles[2]]);
      await board.search.fill("zzzz nothing");
      await expect(page.getByText(w.noMatch)).toBeVisible();
      await board.search.fill("");
      await expect(board.cards).toHaveCount(6);
    });

    test("status filter: fulfilled posts leave the default view", async ({ page }) => {
      const w = words[lang];
      const posts = NEIGHBOURLY[lang];
      const done = posts[1].title;
      const board = new BoardScreen(page, lang);
      await board.open();
      // The ride to the clinic was given: it is fulfilled, the other five still need doing.
      await seedBoard(page, lang, posts.length, (i) => ({ ...posts[i], status: i === 1 ? "fulfilled" : "open" }));

      // The default view is what still needs doing.
      await expect(board.cards).toHaveCount(5);
      await expect(board.card(done)).toHaveCount(0);
      await expect(page.getByText(w.shown(5, 5))).toBeVisible();

      // Asking for fulfilled posts shows it, and only it.
      await board.filter(w.status, w.statusFulfilled);
      await expect(board.cards.getByRole("heading")).toHaveText([done]);
      await expect(board.card(done)).toContainText(w.statusFulfilled);

      // Any status brings it back beside the others; back to what is still needed (the
      // default), it leaves again.
      await board.filter(w.status, w.anyStatus);
      await expect(board.cards).toHaveCount(6);
      await expect(board.card(done)).toBeVisible();
      await board.filter(w.status, w.stillNeeded);
      await expect(board.cards).toHaveCount(5);
      await expect(board.card(done)).toHaveCount(0);
    });

    test("10,000 posts: a page at a time, and search finds one", async ({ page }) => {
      test.setTimeout(120_000);
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await seedBoard(page, lang, 10_000);
      const total = new Intl.NumberFormat(w.locale).format(10_000);
      await expect(page.getByText(w.shown(30, total))).toBeVisible();
      await expect(board.cards).toHaveCount(30);
      expect(await page.locator("article").count()).toBe(30);

      await page.getByRole("button", { name: w.showMore }).click();
      await expect(board.cards).toHaveCount(60);

      // How fast is for the page benchmark (tests/browser/bench); this checks that it works.
      await board.search.fill("number 9999");
      await expect(board.cards).toHaveCount(1);
    });
  });
}
