// Two tabs of the app on one phone (a link opened from a chat app opens a second one) share one
// save. A tab merges what the other stored before it saves, and an open tab shows what the other
// added without a reload, so neither tab saves over the other's posts.
const { test, expect, watchProblems } = require("../support/fixtures");
const { BoardScreen, SettingsScreen, reload, visit } = require("../pages/circle");
const { words } = require("../pages/words");
const { boardTitles, postInApp: post, quiet, watchRequests } = require("../pages/share");

const w = words.en;
const postInApp = (page, title) => post(page, "en", title);

/** Opens a second tab of the same phone, watched like the first, on the board. */
async function secondTab(context, baseURL) {
  const tab = await context.newPage();
  watchRequests(tab);
  const problems = watchProblems(tab, baseURL);
  await visit(tab, "");
  return { tab, problems };
}

test.beforeEach(({ page }) => watchRequests(page));

test("two tabs that post in turn keep every post, even when neither hears the other", async ({ page, context, baseURL }) => {
  // A tab that misses the other's storage events (a phone that froze it in the background)
  // must still merge what the other stored when it saves.
  await context.addInitScript(() => addEventListener("storage", (event) => event.stopImmediatePropagation(), true));
  await visit(page, "");
  const { tab, problems } = await secondTab(context, baseURL);

  await postInApp(page, "Soup for Friday");
  await postInApp(tab, "Blankets for the shelter");
  await postInApp(page, "Rice for Tuesday");
  await postInApp(tab, "A ride to the clinic");

  const all = ["A ride to the clinic", "Blankets for the shelter", "Rice for Tuesday", "Soup for Friday"];
  for (const each of [page, tab]) {
    await quiet(each);
    await reload(each);
    expect(await boardTitles(each, "en")).toEqual(all);
  }
  await quiet(tab);
  expect(problems).toEqual([]);
});

test("an open tab shows a post made in another tab, without a reload", async ({ page, context, baseURL }) => {
  const board = new BoardScreen(page, "en");
  await board.open();
  await expect(page.getByText(w.boardEmpty)).toBeVisible();
  const { tab, problems } = await secondTab(context, baseURL);

  await postInApp(tab, "Soup for Friday");
  await expect(board.card("Soup for Friday")).toBeVisible();

  // And what this tab then posts keeps the other tab's post, on both.
  await postInApp(page, "Blankets for the shelter");
  await new BoardScreen(tab, "en").navLink(w.nav.board).click();
  await expect(new BoardScreen(tab, "en").card("Blankets for the shelter")).toBeVisible();
  await quiet(tab);
  await reload(tab);
  expect(await boardTitles(tab, "en")).toEqual(["Blankets for the shelter", "Soup for Friday"]);
  await quiet(tab);
  expect(problems).toEqual([]);
});

for (const hears of [true, false]) {
  test(`a wipe in one tab is not undone by another tab ${hears ? "that hears it" : "that slept through it"}`, async ({ page, context, baseURL }) => {
    if (!hears) await context.addInitScript(() => addEventListener("storage", (event) => event.stopImmediatePropagation(), true));
    await visit(page, "");
    await postInApp(page, "Soup for Friday");
    const { tab, problems } = await secondTab(context, baseURL);
    await expect(new BoardScreen(tab, "en").card("Soup for Friday")).toBeVisible();

    const settings = new SettingsScreen(page, "en");
    await settings.navLink(w.nav.settings).click();
    await page.getByRole("button", { name: w.wipe }).click();
    await page.getByRole("button", { name: w.wipeConfirm }).click();
    await expect(settings.notice).toContainText(w.wiped);

    // The other tab forgets too, at once, or (frozen in the background) as soon as the phone
    // shows it again, and says why.
    if (!hears) await tab.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
    const other = new BoardScreen(tab, "en");
    await expect(other.notice).toContainText(w.wiped);
    await expect(other.card("Soup for Friday")).toHaveCount(0);
    for (const each of [page, tab]) {
      await quiet(each);
      await reload(each);
      expect(await boardTitles(each, "en")).not.toContain("Soup for Friday");
    }
    await quiet(tab);
    expect(problems).toEqual([]);
  });
}

test("a language chosen in one tab applies in another open tab", async ({ page, context, baseURL }) => {
  await visit(page, "");
  const { tab, problems } = await secondTab(context, baseURL);
  const settings = new SettingsScreen(page, "en");
  await settings.navLink(w.nav.settings).click();
  await settings.language.selectOption({ label: "Español" });
  await expect(new BoardScreen(tab, "es").navLink(words.es.nav.board)).toBeVisible();
  await expect(tab.locator("html")).toHaveAttribute("lang", "es");
  await quiet(tab);
  expect(problems).toEqual([]);
});
