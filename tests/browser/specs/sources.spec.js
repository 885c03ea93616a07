// A group's shared board: the app reads the sources its config.json names (a board.json, a
// request form's responses published as CSV, a directory of places) from the group's own site,
// when it opens and on "Sync now", merges them, and says what each brought. A source that
// fails (not found, a server error, no answer, a body that is no board) leaves the board as it
// was, with a message naming the source. In English and Spanish.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies, installNextRelease, shells } = require("../support/site");
const { BoardScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { seedPosts } = require("../pages/seed");

const SHEETS = path.join(__dirname, "../../fixtures/sheets");
const SOURCES = [
  { kind: "json", url: "board.json", name: "board.json" },
  { kind: "csv", url: "requests.csv", name: "Request form" },
  { kind: "csv", url: "places.csv", holds: "resources", name: "Places" },
];
// From the sheet of asks (Google Forms responses) and from board.json (the build's demo board).
const SHEET_ASK = "Ride to the clinic on Friday morning";

/**
 * A copy of the build whose config.json names the three sources (asks stay open a year, so the
 * sheet's November asks do not expire under the test), published beside it: the
 * build's demo board as board.json, and two sheets as groups export them.
 */
async function groupSite(distDir, baseURL, sources = SOURCES) {
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
  const dir = site.apps[0].dir;
  nameSources(dir, sources);
  fs.copyFileSync(path.join(dir, "demo-board.json"), path.join(dir, "board.json"));
  fs.copyFileSync(path.join(SHEETS, "google-form-requests.csv"), path.join(dir, "requests.csv"));
  fs.copyFileSync(path.join(SHEETS, "resource-directory.csv"), path.join(dir, "places.csv"));
  return { site, url: `${site.origin}${prefix}`, dir };
}

/** Makes the site's config.json name `sources`. */
function nameSources(dir, sources) {
  const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
  fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ ...config, demo_board: null, ask_expiry_days: 365, sources }));
}

/** What board.json holds: its posts, and its records of every kind (what a merge counts). */
function boardJson(dir) {
  const board = JSON.parse(fs.readFileSync(path.join(dir, "board.json"), "utf8")).board;
  const count = (collection) => Object.keys(collection ?? {}).length;
  return { posts: count(board.posts), records: Object.values(board).reduce((sum, collection) => sum + count(collection), 0) };
}

for (const lang of LANGS) {
  test.describe(`the group's sources (${lang})`, () => {
    test("board.json, a sheet of asks and a directory of places load, merge and say what they brought", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url, dir } = await groupSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const problems = watchProblems(page, site.origin);
        const board = new BoardScreen(page, lang);
        // The directory of places, read last, comes only when the test lets it.
        let letPlacesCome;
        const placesHeld = new Promise((resolve) => (letPlacesCome = resolve));
        await page.route("**/places.csv", async (route) => {
          await placesHeld;
          await route.continue();
        });
        await page.goto(url);
        await expect(board.heading).toHaveText(w.boardTitle);

        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("board.json", boardJson(dir).records, 0) })).toHaveCount(1);
        // The sheet of asks: 5 rows read, 5 left out, each listed with its row number.
        const requests = lines.filter({ hasText: w.syncRead("Request form", 5, 0) });
        await expect(requests).toHaveCount(1);
        await requests.getByText(w.syncSkipped(5)).click();
        await expect(requests.getByRole("listitem")).toHaveCount(5);
        await expect(requests.getByRole("listitem").first()).toContainText(w.row(5));
        // The rows opened stay open while the next source comes in.
        letPlacesCome();
        await expect(lines.filter({ hasText: w.syncRead("Places", 4, 0) })).toHaveCount(1);
        await expect(board.groupBoard.getByText(w.syncing)).toHaveCount(0);
        await expect(requests.getByRole("listitem")).toHaveCount(5);
        await page.unroute("**/places.csv");

        // The sheet's asks are on the board beside board.json's posts.
        await board.search.fill("clinic Friday");
        await expect(board.card(SHEET_ASK)).toBeVisible();
        await board.search.fill("");
        await expectNoAxeViolations(page, `the group's board after a sync (${lang})`);

        // Reading the same sources again changes nothing and duplicates nothing.
        const cards = await board.cards.count();
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncRead("Request form", 0, 0) })).toHaveCount(1);
        await expect(lines.filter({ hasText: w.syncRead("board.json", 0, 0) })).toHaveCount(1);
        await expect(board.cards).toHaveCount(cards);

        // Share & sync shows the same lines.
        await board.navLink(w.nav.share).click();
        await expect(lines.filter({ hasText: w.syncRead("Request form", 0, 0) })).toHaveCount(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("a source that fails leaves the board as it was, and says which source and why", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url, dir } = await groupSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        await page.clock.install();
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("Request form", 5, 0) })).toHaveCount(1);
        const cards = await board.cards.count();

        // The host now fails each source its own way.
        fs.rmSync(path.join(dir, "requests.csv"));
        fs.writeFileSync(path.join(dir, "board.json"), "<html><body>Site under maintenance</body></html>");
        await page.route("**/places.csv", () => {
          // Never answered: the app gives up after its timeout.
        });
        const placesAsked = page.waitForRequest(/places\.csv$/);
        await board.syncNow.click();
        // The app's timeout starts when it asks for the file: only then can the clock run past it.
        await placesAsked;
        await page.clock.runFor(21_000);

        await expect(lines.filter({ hasText: w.syncFailed("Request form", w.syncNotFound) })).toHaveCount(1);
        await expect(lines.filter({ hasText: w.syncFailed("Places", w.syncTimeout) })).toHaveCount(1);
        const garbage = lines.filter({ hasText: w.syncCouldNotRead("board.json") });
        await expect(garbage).toContainText(w.syncNotABoardData);
        await expect(board.cards).toHaveCount(cards);
        await board.search.fill("clinic Friday");
        await expect(board.card(SHEET_ASK)).toBeVisible();
        await board.search.fill("");
        await expectNoAxeViolations(page, `the group's board after failed sources (${lang})`);

        // A server error is named by its status.
        await page.unroute("**/places.csv");
        await page.route("**/places.csv", (route) => route.fulfill({ status: 500, body: "Internal Server Error" }));
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncFailed("Places", w.syncStatus(500)) })).toHaveCount(1);
        await expect(board.cards).toHaveCount(cards);
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("only a group with a sheet fetches the reader; a reader that never comes leaves the board as it was", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url, dir } = await groupSite(distDir, baseURL, [SOURCES[0]]);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const asked = [];
        page.on("request", (request) => asked.push(new URL(request.url()).pathname));
        await page.clock.install();
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("board.json", boardJson(dir).records, 0) })).toHaveCount(1);
        expect(asked.filter((file) => /reader/.test(file)), "a board.json alone needs no reader").toEqual([]);

        // The group adds its request form, and this phone's reader never arrives.
        nameSources(dir, SOURCES.slice(0, 2));
        await page.route("**/reader_bg.wasm", () => {});
        const readerAsked = page.waitForRequest(/reader_bg\.wasm$/);
        await page.reload();
        await readerAsked;
        const cards = await board.cards.count();
        // The reader's own wait starts when it is asked for: only then can the clock run past it.
        await page.clock.runFor(21_000);
        await expect(lines.filter({ hasText: w.syncFailed("Request form", w.syncNoReader) })).toHaveCount(1);
        await expect(board.cards).toHaveCount(cards);

        // Once the reader comes, the sheet is read.
        await page.unroute("**/reader_bg.wasm");
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncRead("Request form", 5, 0) })).toHaveCount(1);
        await board.search.fill("clinic Friday");
        await expect(board.card(SHEET_ASK)).toBeVisible();
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("a board.json too big to check at once shows its first page first, then every post", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url, dir } = await groupSite(distDir, baseURL, [SOURCES[0]]);
      // 600 posts (400 asks), more than the app checks in one go: it takes in the page the
      // board lists first, then the rest.
      fs.writeFileSync(path.join(dir, "board.json"), JSON.stringify({ schema: 2, board: { posts: seedPosts(600) } }));
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const problems = watchProblems(page, site.origin);
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("board.json", 600, 0) })).toHaveCount(1);
        await expect(page.getByText(w.openAsks(400), { exact: false })).toBeVisible();
        // The newest of the posts needed today leads the list.
        await expect(board.cards.first()).toContainText("Post number 0");
        await expect(board.cards).toHaveCount(30);

        // Read again, nothing is new, and nothing is counted twice.
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncRead("board.json", 0, 0) })).toHaveCount(1);
        await expect(page.getByText(w.openAsks(400), { exact: false })).toBeVisible();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("offline, the board keeps what the last sync brought and says when that was", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url } = await groupSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("Request form", 5, 0) })).toHaveCount(1);

        await context.setOffline(true);
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncOffline("Request form") })).toHaveCount(1);
        await board.search.fill("clinic Friday");
        await expect(board.card(SHEET_ASK)).toBeVisible();
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("a phone keeps the reader for offline from the first sheet it reads, and in the next release", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const prefix = new URL(baseURL).pathname;
      const { site, url } = await groupSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "allow" });
      const reader = ["reader_loader.js", "reader.js", "reader_bg.wasm"].map((file) => `${prefix}${file}`);
      try {
        // The service worker is held back until the first sheet has been read, as on a slow
        // phone: the reader's requests then pass it by, and only the page can tell it that
        // the reader was used.
        let sheetRead;
        const registered = new Promise((resolve) => (sheetRead = resolve));
        await context.route("**/sw.js", async (route) => {
          await registered;
          await route.continue();
        });
        const page = await context.newPage();
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        await expect(board.groupBoard.getByRole("listitem").filter({ hasText: w.syncRead("Request form", 5, 0) })).toHaveCount(1);
        expect(await page.evaluate(() => navigator.serviceWorker.controller), "the page read the sheet on its own").toBeNull();
        sheetRead();
        await expect.poll(async () => Object.values(await shells(page)).flat()).toEqual(expect.arrayContaining(reader));
        await context.unroute("**/sw.js");

        const { shell } = await installNextRelease(page, site, prefix);
        const kept = (await shells(page))[shell];
        expect(kept, "the next release keeps the reader too").toEqual(expect.arrayContaining(reader));
      } finally {
        await context.close();
        await site.close();
      }
    });

    test("offline with the service worker, a source beside the app is read from its saved copy", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const { site, url } = await groupSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "allow" });
      try {
        const page = await context.newPage();
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: w.syncRead("Request form", 5, 0) })).toHaveCount(1);
        // Once the service worker controls the page, a sync goes through it and it keeps a copy.
        await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncRead("Request form", 0, 0) })).toHaveCount(1);

        await context.setOffline(true);
        await board.syncNow.click();
        await expect(lines.filter({ hasText: w.syncFromCopy("Request form") })).toHaveCount(1);
        await expect(lines.filter({ hasText: w.syncFromCopy("board.json") })).toHaveCount(1);
      } finally {
        await context.close();
        await site.close();
      }
    });
  });
}
