// The round trip of a group's published board: `publish`, run as the deploy workflow runs it
// (scripts/publish-site.sh), turns the group's sheets into its static JSON API and plain HTML
// board beside the app. The app, reading the published api/v1/board.json as its source, shows
// every open post that posts.json lists, and board.html lists them with JavaScript switched off.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies, setSources, publishSite } = require("../support/site");
const { BoardScreen } = require("../pages/circle");
const { words } = require("../pages/words");

const REPO = path.join(__dirname, "../../..");
const SHEETS = path.join(REPO, "tests/fixtures/sheets");

test("a board published from sheets reads the same in the app and as plain HTML", async ({ browser, baseURL, distDir }) => {
  // `publish` is built by the native tests; the deploy workflow uses its optimised build.
  test.setTimeout(180_000);
  const w = words.en;
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
  const dir = site.apps[0].dir;
  const appUrl = `${site.origin}${prefix}`;
  try {
    fs.copyFileSync(path.join(SHEETS, "google-form-requests.csv"), path.join(dir, "requests.csv"));
    fs.copyFileSync(path.join(SHEETS, "resource-directory.csv"), path.join(dir, "places.csv"));
    setSources(dir, [
      { kind: "csv", url: "requests.csv" },
      { kind: "csv", url: "places.csv", holds: "resources" },
    ]);
    publishSite(dir, appUrl);
    const published = JSON.parse(fs.readFileSync(path.join(dir, "api/v1/posts.json"), "utf8"));
    const titles = published.posts.map((post) => post.title);
    expect(titles.length).toBeGreaterThan(0);

    // The app reads the published board as the group's source.
    setSources(dir, [{ kind: "json", url: "api/v1/board.json", name: "Published board" }]);
    const context = await browser.newContext({ ...PHONE, locale: w.locale });
    const page = await context.newPage();
    const problems = watchProblems(page, site.origin);
    const board = new BoardScreen(page, "en");
    await page.goto(appUrl);
    await expect(board.groupBoard.getByRole("listitem")).toHaveText(/^Published board: \d+ new, 0 updated, read /);
    for (const title of titles) {
      await expect(board.card(title), title).toBeVisible();
    }
    await expectNoAxeViolations(page, "the board read from a published API");
    expect(problems).toEqual([]);
    await context.close();

    // The plain HTML board, as an old phone or a data-saver browser gets it.
    const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const html = await plain.newPage();
    await html.goto(`${appUrl}board.html`);
    for (const title of titles) {
      await expect(html.getByRole("heading", { name: title }).or(html.getByText(title, { exact: true })).first(), title).toBeVisible();
    }
    await plain.close();
    // axe runs as a script, so it checks the same page in a browser that runs scripts.
    const check = await browser.newContext({ ...PHONE });
    const copy = await check.newPage();
    await copy.goto(`${appUrl}board.html`);
    await expectNoAxeViolations(copy, "the plain HTML board");
    await check.close();
  } finally {
    await site.close();
  }
});
