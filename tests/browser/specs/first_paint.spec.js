// The board's first view (issue #13): a group's deploy (`publish`) writes its open posts into the
// app's page, so a phone on a slow network paints the board before the app's WebAssembly has
// arrived. Here the wasm is held back to show that moment: the posts are there as content, with
// nothing that takes input; released, the app takes the same place without moving the first
// card (nor anything else: no layout shift at all, the group's sync lines included, which now
// sit below the list); and a post tapped before the app arrived opens once it has.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies, setSources, publishSite } = require("../support/site");
const { BoardScreen, PostScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

const SHEET = path.join(__dirname, "../../fixtures/sheets/google-form-requests.csv");
/** The app's own wasm (not the reader worker's). */
const APP_WASM = "**/circle-*_bg.wasm";

/** Holds every request for the app's wasm in `context` until `release()` is called. */
async function holdTheApp(context) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(APP_WASM, async (route) => {
    await released;
    // A page that navigated away meanwhile no longer wants it.
    await route.continue().catch(() => {});
  });
  return release;
}

/** Sums every layout shift the page makes (as Lighthouse's CLS counts them). */
async function watchLayoutShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
}

const layoutShift = (page) => page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where an element is on the screen, rounded to the pixel. */
async function box(locator) {
  const { x, y, width, height } = await locator.boundingBox();
  return [x, y, width, height].map(Math.round);
}

test.describe("the board's first view", () => {
  // Each test publishes a site of its own with `publish`, as the deploy workflow does.
  test.describe.configure({ timeout: 180_000 });
  let site;
  let appUrl;
  let titles;

  test.beforeAll(async ({ baseURL, distDir }) => {
    const prefix = new URL(baseURL).pathname;
    site = await serveCopies([{ build: distDir, builtFor: prefix }]);
    appUrl = `${site.origin}${prefix}`;
  });

  test.afterAll(async () => {
    await site?.close();
  });

  /** Publishes the fixture sheet with the group working in `languages`, and makes the
   * published board.json the app's source, as a group does. */
  function publishGroup(languages) {
    const dir = site.apps[0].dir;
    fs.copyFileSync(SHEET, path.join(dir, "requests.csv"));
    setSources(dir, [{ kind: "csv", url: "requests.csv" }], { languages });
    publishSite(dir, appUrl);
    titles = JSON.parse(fs.readFileSync(path.join(dir, "api/v1/posts.json"), "utf8")).posts.map((post) => post.title);
    setSources(dir, [{ kind: "json", url: "api/v1/board.json", name: "Published board" }], { languages });
  }

  for (const lang of LANGS) {
    test(`shows the open posts before the app, which takes their place without moving them (${lang})`, async ({ browser }) => {
      const w = words[lang];
      publishGroup(lang === "en" ? ["en", "es"] : ["es", "en"]);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, timezoneId: "UTC" });
      const release = await holdTheApp(context);
      await watchLayoutShifts(context);
      const page = await context.newPage();
      const problems = watchProblems(page, site.origin);
      const board = new BoardScreen(page, lang);
      await page.goto(appUrl);

      // Before the app: the board's title, its posts as links, and no control that takes input.
      await expect(board.heading).toHaveText(w.boardTitle);
      await expect(board.cards.first()).toBeVisible();
      const listed = await board.cards.getByRole("link").allTextContents();
      for (const title of titles) expect(listed, "every open post of the published board").toContain(title);
      const first = board.cards.first();
      // The search box and the kind hold their places, disabled (and inert), so nothing typed
      // or chosen before the app is lost.
      await expect(page.getByRole("searchbox")).toBeDisabled();
      await expect(page.getByRole("combobox")).toBeDisabled();
      await expect(page.getByRole("textbox")).toHaveCount(0);
      await expect(page.getByRole("button")).toHaveCount(0);
      await expectNoAxeViolations(page, `the board's first view (${lang})`);
      const before = { card: await box(first), list: await box(board.list) };

      // The app arrives and takes over: the same first post, in the same place.
      release();
      await expect(board.search).toBeEditable();
      await expect(board.groupBoard.getByRole("listitem")).toHaveText(/^Published board: /);
      // The same posts in the same order: the app lists what the first view listed.
      await expect(board.cards.getByRole("link")).toHaveText(listed);
      expect(await box(board.cards.first()), "the first card, before and after the app").toEqual(before.card);
      expect((await box(board.list)).slice(0, 3), "the list's place and width").toEqual(before.list.slice(0, 3));
      // The sync lines sit below the list, so their changes move no post.
      expect((await box(board.groupBoard))[1]).toBeGreaterThan(before.list[1]);
      expect(await layoutShift(page), "layout shift from the first paint to the app's board").toBe(0);
      await expectNoAxeViolations(page, `the board after the app took over (${lang})`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  test("the app's download begins only once the first view is on screen", async ({ browser }) => {
    publishGroup(["en", "es"]);
    const context = await browser.newContext({ ...PHONE, locale: words.en.locale, timezoneId: "UTC" });
    const page = await context.newPage();
    const board = new BoardScreen(page, "en");
    await page.goto(appUrl);
    await expect(board.search).toBeEditable();
    const { painted, asked } = await page.evaluate(() => ({
      painted: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      asked: performance.getEntriesByType("resource").find((entry) => /\/circle-[^/]*_bg\.wasm$/.test(entry.name))?.startTime,
    }));
    expect(painted, "the first view was painted").toBeGreaterThan(0);
    // A phone on a slow network reads the board while the app downloads, not after.
    expect(asked, "the app's wasm was asked for after the first paint").toBeGreaterThanOrEqual(painted);
    await context.close();
  });

  test("a post tapped before the app arrived opens when it does", async ({ browser }) => {
    const w = words.en;
    publishGroup(["en", "es"]);
    const context = await browser.newContext({ ...PHONE, locale: w.locale, timezoneId: "UTC" });
    const release = await holdTheApp(context);
    const page = await context.newPage();
    // The first page's wasm, still held when the tap leaves the page, is given up by the browser.
    const problems = watchProblems(page, site.origin, [/circle-[^ ]*_bg\.wasm \(net::ERR_ABORTED\)/]);
    const board = new BoardScreen(page, "en");
    await page.goto(appUrl);
    const link = board.cards.first().getByRole("link");
    const title = await link.textContent();
    await link.click();
    await expect(page).toHaveURL(/\/post\/[0-9a-f]+$/);
    release();
    // On its way, then there: never "not on the board" meanwhile.
    const post = new PostScreen(page, "en");
    await expect(post.heading).toHaveText(new RegExp(`^(${w.gettingBoard}|${escape(title)})$`));
    await expect(post.heading).toHaveText(title, { timeout: 20_000 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
