// Offline, as in a storm: after one visit the service worker serves the app with no network,
// a post made offline is saved, and it is still there when the network comes back; a new
// release is offered, not forced. In English and Spanish, at the site root and under /circle/.
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies, publishRelease, installNextRelease, shells } = require("../support/site");
const { BoardScreen, NewPostScreen } = require("../pages/circle");
const { WorkspaceScreen } = require("../pages/workspace");
const { AREAS } = require("../pages/share");
const { words, LANGS } = require("../pages/words");
const GROUP_NAME = require("../../../public/config.json").name;

// The group's own config (with its demo board) as published: the service worker, not the test,
// decides where it comes from.
test.use({ serviceWorkers: "allow", demoBoard: true });

/**
 * Waits for the demo board's posts. Their signatures are checked in a worker after the demo's
 * file arrived, so the network can fall quiet before the worker's script is asked for; going
 * offline or reloading then would cut that request off.
 */
async function waitForDemoPosts(page) {
  await expect(page.getByRole("list", { name: /^(Posts|Publicaciones)$/ }).getByRole("listitem").first()).toBeVisible();
}

/** Waits until the service worker has precached this release and controls the page. */
async function waitForOfflineReady(page) {
  // The first visit reads the group's files and its demo board; a reload before that is done
  // would cut those requests off.
  await page.waitForLoadState("networkidle");
  await waitForDemoPosts(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // Let the app finish reading the group's files, so going offline interrupts nothing.
  await page.waitForLoadState("networkidle");
}

/** The paths the service worker keeps in this release's shell (the only one), for offline. */
async function shellFiles(page) {
  return Object.values(await shells(page)).flat();
}

for (const lang of LANGS) {
  test.describe(`offline (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a neighbour's phone keeps the board for offline, and never downloads the workspace, the reader or the signature worker", async ({ page, context }) => {
      const asked = [];
      context.on("request", (request) => asked.push(request));
      const board = new BoardScreen(page, lang);
      await board.open();
      await waitForOfflineReady(page);
      // The service worker's own requests are seen here too: it fetched the board's shell.
      const byWorker = asked.filter((request) => request.serviceWorker()).map((request) => new URL(request.url()).pathname);
      expect(byWorker.some((path) => /\/circle-[^/]*_bg\.wasm$/.test(path)), "the service worker kept the board's app").toBe(true);
      const paths = asked.map((request) => new URL(request.url()).pathname);
      const kept = await shellFiles(page);
      expect(paths.filter((path) => path.includes("/group/")), "nothing of the coordinators' workspace").toEqual([]);
      expect(kept, "the shell kept for offline").not.toContainEqual(expect.stringContaining("/group/"));
      // Nor the reader worker (sheets, the members' board, group links): this group publishes
      // none of those, and nobody sent this phone a group link.
      expect(paths.filter((path) => /\/reader[._]/.test(path)), "nothing of the reader worker").toEqual([]);
      expect(kept, "the shell kept for offline").not.toContainEqual(expect.stringMatching(/\/reader[._]/));
      // Nor the signature worker: the demo board's few signatures are checked on the page.
      expect(paths.filter((path) => /\/verifier[._]/.test(path)), "nothing of the signature worker").toEqual([]);
      expect(kept, "the shell kept for offline").not.toContainEqual(expect.stringMatching(/\/verifier[._]/));
    });

    test("the group's workspace, once opened, opens offline too, at a deep link, on the same board", async ({ page, context }) => {
      const w = words[lang].workspace;
      const board = new BoardScreen(page, lang);
      await board.open();
      await waitForOfflineReady(page);
      const asks = await page.getByRole("list", { name: /^(Posts|Publicaciones)$/ }).getByRole("listitem").count();
      expect(asks).toBeGreaterThan(0);
      // A coordinator opens the workspace once, online.
      const workspace = new WorkspaceScreen(page, lang);
      await workspace.open();
      await expect(workspace.navLink(w.report)).toBeVisible();
      await page.waitForLoadState("networkidle");

      // The service worker kept the workspace as it arrived: no network, and a screen never
      // visited before opens at its own address.
      await context.setOffline(true);
      await page.goto("group/report");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.report);
      await expect(page).toHaveURL(/\/group\/report$/);
      await page.getByRole("navigation", { name: w.nav }).getByRole("link", { name: w.matching, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.matching);
      await expect(page.getByRole("list", { name: w.unmatched }).getByRole("listitem").first()).toBeVisible();
      await expectNoAxeViolations(page, `the workspace offline (${lang})`);
      await context.setOffline(false);
    });

    test("the app opens, posts and keeps the post with the network gone", async ({ page, context }) => {
      const w = words[lang];
      const title = lang === "en" ? "Candles and batteries" : "Velas y pilas";
      const board = new BoardScreen(page, lang);
      await board.open();
      await waitForOfflineReady(page);

      await context.setOffline(true);
      await page.reload();
      await expect(board.heading).toHaveText(w.boardTitle);
      // The group's settings came from the saved copy, and the page says so.
      await expect(board.notice).toContainText(w.configFromCopy);

      const form = new NewPostScreen(page, lang);
      await form.post("ask", {
        title,
        category: w.categoryFood,
        area: AREAS[lang][2],
        method: w.methodCall,
        contact: "+1 555 010 0150",
        visibility: w.public,
        handle: "Sol",
      });
      await board.open();
      await expect(board.card(title)).toBeVisible();

      await context.setOffline(false);
      await page.reload();
      await expect(board.card(title)).toBeVisible();
    });

    test("after only the first visit, offline reads the group's settings as online", async ({ page, context }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      const brand = page.getByRole("banner").getByRole("link", { name: GROUP_NAME });
      await expect(brand).toBeVisible();
      // No second visit: the service worker only installed, while the page had asked for the
      // group's settings before it existed.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForLoadState("networkidle");
      await waitForDemoPosts(page);

      await context.setOffline(true);
      await page.reload();
      await expect(board.heading).toHaveText(w.boardTitle);
      await expect(brand).toBeVisible();
      // Areas by their labels on the cards, never by their keys.
      await expect(board.cards.first()).toBeVisible();
      await expect(board.cards.filter({ hasText: AREAS[lang][0] }).first()).toBeVisible();
      await expect(page.getByText("riverside-north")).toHaveCount(0);

      await page.getByRole("navigation", { name: w.mainNav }).getByRole("link", { name: w.nav.newAsk, exact: true }).click();
      const area = page.getByRole("combobox", { name: new RegExp(`^${w.area}`) });
      await expect(area).toBeVisible();
      await expect(area).toHaveAccessibleName(new RegExp(w.requiredMark));
      await expect(area.getByRole("option", { name: AREAS[lang][1] })).toHaveCount(1);
      await expectNoAxeViolations(page, `the new-ask form offline after one visit (${lang})`);
    });

    test("a new release is offered, and the page switches only when asked", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const prefix = new URL(baseURL).pathname;
      // A copy of the build on a host of its own: the release published into it stays published,
      // as a host keeps it (the page's next visit checks the service worker again), and no other
      // test's files change.
      const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "allow" });
      try {
        const page = await context.newPage();
        const problems = watchProblems(page, site.origin);
        const board = new BoardScreen(page, lang);
        await page.goto(`${site.origin}${prefix}`);
        await expect(board.heading).toHaveText(w.boardTitle);
        await waitForOfflineReady(page);

        // The host publishes a new release, with a build name of its own.
        const next = `next-release-${Date.now()}`;
        publishRelease(site.apps[0].dir, next);
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));

        const banner = page.getByRole("status").filter({ hasText: w.updateReady });
        await expect(banner).toBeVisible();
        await expectNoAxeViolations(page, `the new-release banner (${lang})`);
        const oldController = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
        expect(oldController).toContain("sw.js");
        await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: w.updateReload }).click()]);
        await expect(board.heading).toHaveText(w.boardTitle);
        await expect(page.locator('meta[name="circle-release"]')).toHaveAttribute("content", next);
        await expect(banner).toHaveCount(0);
        const caches = await page.evaluate(() => caches.keys());
        // Cache names carry the path the app is published under.
        const shells = `circle:${prefix}:shell:`;
        expect(caches).toContain(`${shells}${next}`);
        expect(caches.filter((name) => name.startsWith(shells))).toHaveLength(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await site.close();
      }
    });
  });
}

test("a deep link opens offline too", async ({ page, context }) => {
  const board = new BoardScreen(page, "en");
  await board.open();
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto("settings");
  await expect(board.heading).toHaveText(words.en.settingsTitle);
});

/**
 * Opens the board on a host of its own (a copy of the build, so a release published into it
 * changes no other test's files) and waits until it works offline. `hostOptions` are the
 * static server's.
 */
async function openOnOwnHost({ browser, baseURL, distDir }, hostOptions) {
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }], hostOptions);
  const context = await browser.newContext({ ...PHONE, locale: "en-US", serviceWorkers: "allow" });
  const page = await context.newPage();
  const problems = watchProblems(page, site.origin);
  await page.goto(`${site.origin}${prefix}`);
  await expect(new BoardScreen(page, "en").heading).toHaveText(words.en.boardTitle);
  await waitForOfflineReady(page);
  const close = async () => {
    await context.close();
    await site.close();
  };
  return { prefix, site, page, problems, close };
}

test("a new release replaces the shell even while the browser's HTTP cache holds the old one", async ({ browser, baseURL, distDir }) => {
  // A host that lets browsers keep every file for an hour without asking again, as static hosts
  // do for minutes: the browser's HTTP cache now holds this release's index.html.
  const { prefix, site, page, problems, close } = await openOnOwnHost({ browser, baseURL, distDir }, { cacheControl: "max-age=3600" });
  try {
    const { next, shell } = await installNextRelease(page, site, prefix);
    const kept = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const [page, root] = await Promise.all([cache.match("index.html"), cache.match("./")]);
      return { page: page && (await page.text()), root: root && (await root.text()) };
    }, shell);
    // The new release's service worker keeps the new page, not the copy the HTTP cache held.
    expect(kept.page).toContain(`content="${next}"`);
    expect(kept.root).toContain(`content="${next}"`);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});

test("a new release keeps the workspace for offline on a phone that opened it", async ({ browser, baseURL, distDir }) => {
  const { prefix, site, page, problems, close } = await openOnOwnHost({ browser, baseURL, distDir });
  try {
    await page.goto(`${site.origin}${prefix}group/`);
    await expect(new WorkspaceScreen(page, "en").navLink(words.en.workspace.report)).toBeVisible();
    await page.waitForLoadState("networkidle");

    const { shell } = await installNextRelease(page, site, prefix);
    const kept = (await shells(page))[shell];
    // Every file of the workspace's page, its app among them, is in the new release's shell.
    expect(kept).toContain(`${prefix}group/index.html`);
    expect(kept).toContainEqual(expect.stringMatching(/\/group\/workspace-[0-9a-f]+_bg\.wasm$/));
    expect(kept).toContain(`${prefix}group/boot.js`);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
});
