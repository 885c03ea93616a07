// The group's workspace, the second entry page: reached from the board page's Settings by a
// plain link and back, at a deep link (a reload on a workspace screen), sharing the board this
// phone saved. Matching: the asks waiting, most urgent first, with suggestions and their
// reasons; a coordinator makes a match and the board shows the ask matched; anyone else is told
// why they cannot. The needs report: totals, a chart and table per grouping, what stays unmet,
// and the CSV. English and Spanish, at phone size (and at desktop size, the desktop project),
// axe on every screen.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { smallTargets } = require("../support/targets");
const { BoardScreen, visit } = require("../pages/circle");
const { seedBoard } = require("../pages/seed");
const { WorkspaceScreen, MatchingScreen, ReportScreen, becomeCoordinator } = require("../pages/workspace");

/** A small board: four asks (two fulfilled) and two offers. */
const POSTS = [
  { title: "Groceries for my grandmother", category: "food", area: "riverside-north", urgency: "days", kind: "ask" },
  { title: "Ride to the clinic", category: "rides", area: "riverside-south", urgency: "week", kind: "ask", status: "fulfilled" },
  { title: "Fans for the heat wave", category: "supplies", area: "riverside-south", urgency: "today", kind: "ask" },
  { title: "Soup for a sick neighbour", category: "food", area: "hillcrest", urgency: "days", kind: "ask", status: "fulfilled" },
  { title: "Bags of groceries on Fridays", category: "food", area: "old-market", urgency: "anytime", kind: "offer" },
  { title: "I can babysit after school", category: "childcare", area: "riverside-north", urgency: "anytime", kind: "offer" },
];
const GROCERIES = POSTS[0].title;
const FANS = POSTS[2].title;
const FRIDAYS = POSTS[4].title;
const BABYSIT = POSTS[5].title;

async function seed(page, lang) {
  await visit(page, "");
  await seedBoard(page, lang, POSTS.length, (i) => POSTS[i]);
}

for (const lang of LANGS) {
  test.describe(`workspace (${lang})`, () => {
    test.use({
      locale: words[lang].locale,
      // With no service worker yet, the host answers a workspace address with the board page,
      // which has begun to fetch its own files when it hands over to the workspace.
      expectedProblems: [/failed request: .*\/circle-[0-9a-f]+(_bg\.wasm|\.js) \(net::ERR_ABORTED\)/],
    });

    test("the board page and the workspace link to each other and share the board", async ({ page }) => {
      const w = words[lang].workspace;
      await seed(page, lang);
      await visit(page, "settings");
      await page.getByRole("link", { name: w.openWorkspace }).click();
      const workspace = new WorkspaceScreen(page, lang);
      await expect(workspace.heading).toHaveText(w.title);
      // The board this phone saved: two asks still wait (the other two were fulfilled).
      await expect(page.getByRole("main")).toContainText(w.waiting(2));
      await expectNoAxeViolations(page, `the workspace overview (${lang})`);
      expect(await smallTargets(page), `the workspace overview (${lang})`).toEqual([]);
      await saveScreenshot(page, `workspace-${lang}`);
      // The workspace is a page of its own: the board page's wasm is not what runs here.
      const scripts = await page.locator("#circle-boot").getAttribute("data-wasm");
      expect(scripts).toMatch(/\/group\/workspace-[0-9a-f]+_bg\.wasm$/);

      await workspace.boardLink.click();
      const board = new BoardScreen(page, lang);
      await expect(board.heading).toHaveText(words[lang].boardTitle);
      await expect(board.cards).toHaveCount(4);
    });

    test("the flyer carries the board's address and its QR code, on one printed page", async ({ page, baseURL }) => {
      const w = words[lang].workspace;
      const group = require("../../../public/config.json").name;
      const workspace = new WorkspaceScreen(page, lang);
      await workspace.open();
      await page.getByRole("link", { name: w.flyer, exact: true }).click();
      await expect(workspace.heading).toHaveText(w.flyerHeading(group));
      await expect(page.getByRole("img", { name: w.flyerAlt(baseURL) })).toBeVisible();
      await expect(page.getByRole("main")).toContainText(baseURL);
      await expectNoAxeViolations(page, `the flyer (${lang})`);
      expect(await smallTargets(page), `the flyer (${lang})`).toEqual([]);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length).toBe(1);
    });

    test("a deep link to a workspace screen opens it, and an unknown one says so", async ({ page }) => {
      const w = words[lang].workspace;
      await seed(page, lang);
      const matching = new MatchingScreen(page, lang);
      await matching.open("matching");
      await expect(matching.heading).toHaveText(w.matching);
      await expect(page).toHaveURL(/\/group\/matching$/);
      await expect(matching.navLink(w.matching)).toHaveAttribute("aria-current", "page");
      // The workspace reads the group's settings once it has started; leaving before that
      // would cut the request off.
      await page.waitForLoadState("networkidle");
      await matching.open("no-such-screen");
      await expect(matching.heading).toHaveText(w.notFound);
      await expectNoAxeViolations(page, `the workspace's not-found page (${lang})`);
      expect(await smallTargets(page), `the workspace's not-found page (${lang})`).toEqual([]);
    });

    test("matching lists the asks waiting, most urgent first, and a coordinator makes a match", async ({ page }) => {
      const w = words[lang].workspace;
      await seed(page, lang);
      await becomeCoordinator(page);
      const matching = new MatchingScreen(page, lang);
      await matching.open("matching");
      // Most urgent first: the fans are needed today, the groceries within days.
      await expect(matching.asks.getByRole("heading", { level: 2 })).toHaveText([FANS, GROCERIES]);
      await expect(matching.ask(FANS)).toContainText(w.noSuggestions);
      // The groceries: the offer in the same category first, then the one in the same area.
      const suggestions = matching.suggestions(GROCERIES);
      await expect(suggestions).toHaveCount(2);
      await expect(suggestions.nth(0)).toContainText(FRIDAYS);
      await expect(suggestions.nth(0)).toContainText(w.reasons.category);
      await expect(suggestions.nth(1)).toContainText(BABYSIT);
      await expect(suggestions.nth(1)).toContainText(w.reasons.area);
      await expect(suggestions.nth(1)).not.toContainText(w.reasons.category);
      await expectNoAxeViolations(page, `matching (${lang})`);
      expect(await smallTargets(page), `matching (${lang})`).toEqual([]);
      await saveScreenshot(page, `workspace-matching-${lang}`);

      // A match needs the name of who made it.
      await matching.handle.fill("");
      await matching.matchButton(GROCERIES, FRIDAYS).click();
      await expect(matching.notice).toContainText(w.required);
      await expect(matching.handle).toBeFocused();
      await expect(matching.asks).toHaveCount(2);

      await matching.handle.fill("Dolores");
      await matching.matchButton(GROCERIES, FRIDAYS).click();
      await expect(matching.notice).toContainText(w.matched(GROCERIES, FRIDAYS));
      await expect(matching.asks.getByRole("heading", { level: 2 })).toHaveText([FANS]);

      // The board page reads the same board: the ask is matched there too, after a reload.
      await matching.boardLink.click();
      const board = new BoardScreen(page, lang);
      await expect(board.card(GROCERIES)).toContainText(w.matchedStatus);
    });

    test("someone who is not a coordinator sees the suggestions and why they cannot match", async ({ page }) => {
      const w = words[lang].workspace;
      await seed(page, lang);
      const matching = new MatchingScreen(page, lang);
      await matching.open("matching");
      await expect(page.getByRole("main")).toContainText(w.notCoordinator);
      await expect(matching.suggestions(GROCERIES)).toHaveCount(2);
      await expect(page.getByRole("button", { name: w.matchWith(GROCERIES, FRIDAYS) })).toHaveCount(0);
    });

    test("the needs report counts asks by month, category and area, says what is unmet and saves as CSV", async ({ page }) => {
      const w = words[lang].workspace;
      await seed(page, lang);
      const report = new ReportScreen(page, lang);
      await report.open();
      await report.navLink(w.report).click();
      await expect(report.heading).toHaveText(w.report);
      await expect(report.total(w.totals.asks)).toHaveText("4");
      await expect(report.total(w.totals.fulfilled)).toHaveText("2");
      await expect(report.total(w.totals.share)).toHaveText(w.share);
      const byCategory = await report.table(w.byCategory);
      expect(byCategory).toEqual([
        [w.columns.category, w.columns.asks, w.columns.fulfilled],
        [w.food, "2", "1"],
        [w.rides, "1", "1"],
        [w.supplies, "1", "0"],
      ]);
      const byArea = await report.table(w.byArea);
      expect(byArea[1]).toEqual([w.riversideSouth, "2", "1"]);
      // The chart is for the eye; the table beside it is what a screen reader reads.
      await expect(report.section(w.byCategory).locator("svg")).toHaveAttribute("aria-hidden", "true");
      const unmet = await report.table(w.unmet);
      expect(unmet).toEqual([
        [w.columns.category, w.columns.open, w.columns.waiting],
        [w.food, "1", "0"],
        [w.supplies, "1", "0"],
      ]);
      await expectNoAxeViolations(page, `the needs report (${lang})`);
      expect(await smallTargets(page), `the needs report (${lang})`).toEqual([]);
      await saveScreenshot(page, `workspace-report-${lang}`);

      const csv = await report.download();
      expect(csv.name).toMatch(/^circle-needs-report-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toBe(w.csvHeader);
      expect(lines).toContain(`${w.columns.category},${w.food},2,1,1,0`);
      // Nothing personal: no title, author or contact of any post is in the file.
      for (const post of POSTS) expect(csv.text).not.toContain(post.title);
      expect(csv.text).not.toContain("Neighbour");
      expect(csv.text).not.toContain("555");
      await expect(report.notice).toContainText(w.saved(csv.name));
    });
  });
}
