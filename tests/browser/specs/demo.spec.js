// A newcomer's first visit: the group's demo board is there, so Circle looks like a living
// board and not an empty form. It is merged in once, saved, and not fetched again. Every
// invented card says so; "Remove the demo posts" (on the board or in Settings) removes exactly
// those, for good, and never the person's own; a wipe does not bring the demo back unasked.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { BoardScreen, NewPostScreen, SettingsScreen, reload } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

test.use({ demoBoard: true });

/** The note on the board while demo posts are on it, found by its name. */
function demoNotice(page, w) {
  return page.getByRole("region", { name: w.demoRegion });
}

for (const lang of LANGS) {
  test.describe(`demo board (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("the first visit shows the demo board, once, every card labelled", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(demoNotice(page, w)).toBeVisible();
      await expect(page.getByText(w.shown(30, 33))).toBeVisible();
      await expect(board.cards).toHaveCount(30);
      // Each invented card carries the label in words, read with the card.
      await expect(board.cards.filter({ hasText: w.demoBadge })).toHaveCount(30);
      await expectNoAxeViolations(page, `the demo board (${lang})`);

      const demoFetches = [];
      page.on("request", (request) => request.url().endsWith("demo-board.json") && demoFetches.push(request.url()));
      await reload(page);
      await expect(page.getByText(w.shown(30, 33))).toBeVisible();
      expect(demoFetches, "the demo is fetched on the first run only").toEqual([]);

      // An invented post says so on its own screen too.
      await board.cards.first().getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("main").getByText(w.demoBadge, { exact: true })).toBeVisible();
    });

    test("removing the demo keeps the person's own post, and stays removed after a reload", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(demoNotice(page, w)).toBeVisible();
      const form = new NewPostScreen(page, lang);
      const title = lang === "en" ? "Soup for two" : "Sopa para dos";
      await form.post("ask", form.plain(title));
      await board.open();
      // The person's own post is not labelled, and the notice stays after posting.
      await expect(board.card(title)).not.toContainText(w.demoBadge);
      await demoNotice(page, w).getByRole("button", { name: w.removeDemo }).click();

      await expect(board.notice).toContainText(w.demoRemoved);
      await expect(board.cards).toHaveCount(1);
      await expect(board.card(title)).toBeVisible();
      await expect(demoNotice(page, w)).toHaveCount(0);
      await expectNoAxeViolations(page, `the board after removing the demo (${lang})`);

      await reload(page);
      await expect(board.cards).toHaveCount(1);
      await expect(board.card(title)).toBeVisible();
      await expect(page.getByText(w.demoBadge, { exact: true })).toHaveCount(0);
    });

    test("Settings removes the demo, and after a wipe it comes back only when asked", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(demoNotice(page, w)).toBeVisible();
      const settings = new SettingsScreen(page, lang);
      await settings.open("settings");
      await page.getByRole("button", { name: w.removeDemo }).click();
      await expect(page.getByRole("button", { name: w.restoreDemo })).toBeVisible();
      await expectNoAxeViolations(page, `settings with the demo removed (${lang})`);
      await board.open();
      await expect(page.getByText(w.boardEmpty)).toBeVisible();

      // Asked for again, then wiped: the wipe leaves the board empty, also after a reload.
      await settings.open("settings");
      await page.getByRole("button", { name: w.restoreDemo }).click();
      await expect(page.getByRole("button", { name: w.removeDemo })).toBeVisible();
      await page.getByRole("button", { name: w.wipe }).click();
      await page.getByRole("button", { name: w.wipeConfirm }).click();
      await expect(board.notice).toContainText(w.wiped);
      await board.open();
      await expect(page.getByText(w.boardEmpty)).toBeVisible();
      await reload(page);
      await expect(page.getByText(w.boardEmpty)).toBeVisible();
      await expect(demoNotice(page, w)).toHaveCount(0);

      await settings.open("settings");
      await page.getByRole("button", { name: w.restoreDemo }).click();
      await expect(page.getByRole("button", { name: w.removeDemo })).toBeVisible();
      await board.open();
      await expect(page.getByText(w.shown(30, 33))).toBeVisible();
    });

    test("the demo arriving after the first paint moves nothing already on screen", async ({ page }) => {
      const w = words[lang];
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(demoNotice(page, w)).toBeVisible();
      const shift = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
      expect(shift, "cumulative layout shift of the first visit").toBeLessThan(0.05);
    });
  });
}
