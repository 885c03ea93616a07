// Two Circles published under two paths of one origin (two repositories of one owner on static
// pages) share the browser's storage. Each keeps its own board, settings and device id, and
// wiping one leaves the other alone.
const { test, expect, watchProblems, withoutDemoBoard } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies } = require("../support/site");
const { BoardScreen, NewPostScreen, SettingsScreen, appStarted } = require("../pages/circle");
const { words } = require("../pages/words");
const { AREAS, quiet, watchRequests } = require("../pages/share");

const w = words.en;

/** Opens the Circle published at `url` and waits until it shows a screen and settles. */
async function open(page, url) {
  await quiet(page);
  await page.goto(url);
  await appStarted(page);
  await quiet(page);
}

async function titles(page, url) {
  await open(page, url);
  return (await new BoardScreen(page, "en").cards.getByRole("heading").allTextContents()).map((title) => title.trim()).sort();
}

async function post(page, url, title, handle) {
  await open(page, `${url}new/ask`);
  const form = new NewPostScreen(page, "en");
  await expect(page.getByRole("combobox", { name: new RegExp(`^${w.area}`) })).toBeVisible();
  await form.fillRequired({ ...form.plain(title), area: AREAS.en[0], handle });
  await form.submit("ask");
  await expect(form.heading).toHaveText(title);
}

/**
 * Serves copies of the /circle/ build under `prefixes` of one origin, runs `use(page, origin)`
 * in a fresh phone there, and checks the page met no problem.
 */
async function onOneOrigin(browser, prefixes, use) {
  const site = await serveCopies(prefixes.map((prefix) => ({ build: "target/dist-sub", builtFor: "/circle/", prefix })));
  const context = await browser.newContext({ ...PHONE, locale: "en-US", serviceWorkers: "block" });
  try {
    await withoutDemoBoard(context);
    const page = await context.newPage();
    watchRequests(page);
    const problems = watchProblems(page, site.origin);
    await use(page, site.origin);
    await quiet(page);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await site.close();
  }
}

test("two Circles under two paths of one origin keep their own boards, settings and device ids", async ({ browser }) => {
  await onOneOrigin(browser, ["/circle/", "/other/"], async (page, origin) => {
    const eastside = `${origin}/circle/`;
    const riverside = `${origin}/other/`;

    await post(page, eastside, "Soup for Friday", "Rosa");
    expect(await titles(page, riverside)).toEqual([]);
    await post(page, riverside, "Blankets for the shelter", "Ben");
    expect(await titles(page, eastside)).toEqual(["Soup for Friday"]);
    expect(await titles(page, riverside)).toEqual(["Blankets for the shelter"]);

    // Each remembers its own handle, and each is its own device.
    const settings = new SettingsScreen(page, "en");
    await open(page, `${eastside}settings`);
    await expect(settings.handle).toHaveValue("Rosa");
    await open(page, `${riverside}settings`);
    await expect(settings.handle).toHaveValue("Ben");
    const devices = await page.evaluate(() => [localStorage.getItem("circle@/circle#device"), localStorage.getItem("circle@/other#device")]);
    expect(devices[0]).toMatch(/^\d+$/);
    expect(devices[1]).toMatch(/^\d+$/);
    expect(devices[0]).not.toBe(devices[1]);

    // Wiping one forgets only its own.
    await page.getByRole("button", { name: w.wipe }).click();
    await page.getByRole("button", { name: w.wipeConfirm }).click();
    await expect(settings.notice).toContainText(w.wiped);
    expect(await titles(page, riverside)).toEqual([]);
    expect(await titles(page, eastside)).toEqual(["Soup for Friday"]);
    await open(page, `${eastside}settings`);
    await expect(settings.handle).toHaveValue("Rosa");
  });
});

test("a Circle under a path takes over the board it saved before keys carried the path", async ({ browser }) => {
  await onOneOrigin(browser, ["/circle/"], async (page, origin) => {
    const url = `${origin}/circle/`;
    await post(page, url, "Soup for Friday", "Rosa");
    // As an older Circle left it: the same save and device id under the unscoped keys.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith("circle@/circle#")) continue;
        localStorage.setItem(`circle.${key.slice("circle@/circle#".length)}`, localStorage.getItem(key));
        localStorage.removeItem(key);
      }
    });
    const device = await page.evaluate(() => localStorage.getItem("circle.device"));
    expect(await titles(page, url)).toEqual(["Soup for Friday"]);
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys.filter((key) => key.startsWith("circle."))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("circle@/circle#device"))).toBe(device);
  });
});
