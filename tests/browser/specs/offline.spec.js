// Offline, as in a storm: after one visit the service worker serves the app with no network,
// a post made offline is saved, and it is still there when the network comes back. Runs at the
// site root and under /circle/.
const { test, expect } = require("../support/fixtures");
const { BoardScreen, NewPostScreen } = require("../pages/circle");
const { words } = require("../pages/words");

// The group's own config (with its demo board) as published: the service worker, not the test,
// decides where it comes from.
test.use({ serviceWorkers: "allow", demoBoard: true });

/** Waits until the service worker has precached this release and controls the page. */
async function waitForOfflineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

test("the app opens, posts and keeps the post with the network gone", async ({ page, context }) => {
  const w = words.en;
  const board = new BoardScreen(page, "en");
  await board.open();
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(board.heading).toHaveText(w.boardTitle);
  // The group's settings came from the saved copy, and the page says so.
  await expect(board.notice).toContainText(w.configFromCopy);

  const form = new NewPostScreen(page, "en");
  await form.post("ask", {
    title: "Candles and batteries",
    category: w.categoryFood,
    area: "Old Market",
    method: w.methodCall,
    contact: "+1 555 0150",
    visibility: w.public,
    handle: "Sol",
  });
  await board.open();
  await expect(board.card("Candles and batteries")).toBeVisible();

  await context.setOffline(false);
  await page.reload();
  await expect(board.card("Candles and batteries")).toBeVisible();
});

test("a deep link opens offline too", async ({ page, context }) => {
  const board = new BoardScreen(page, "en");
  await board.open();
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto("settings");
  await expect(board.heading).toHaveText(words.en.settingsTitle);
});
