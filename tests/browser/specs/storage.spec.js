// Saved data survives a full storage quota and a damaged save: the board is never half-written,
// the person is told in their language, and the last good copy comes back. Chromium only (its
// localStorage quota is what is filled here).
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { BoardScreen, reload } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { ShareScreen, postThroughForm, postInApp, AREAS, boardTitles, quiet, watchRequests } = require("../pages/share");
const { seedBoard } = require("../pages/seed");

async function post(page, lang, title) {
  await postThroughForm(page, lang, "ask", { title, area: AREAS[lang][0], contact: "+1 555 010 0100", handle: "Rosa" });
}

test.beforeEach(({ page }) => watchRequests(page));

for (const lang of LANGS) {
  test.describe(`storage (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a full storage quota leaves the saved board whole and says so", async ({ page }) => {
      const s = words[lang].share;
      await post(page, lang, "Soup for Friday");
      const saved = await page.evaluate(() => localStorage.getItem("circle.board"));

      // Another app on the same host filled the quota: junk, halving the chunk until even one
      // more character does not fit.
      const junk = await page.evaluate(() => {
        let size = 1 << 20;
        let n = 0;
        while (size >= 1) {
          try {
            localStorage.setItem(`other-app.junk.${n}`, "x".repeat(size));
            n += 1;
          } catch {
            size = Math.floor(size / 2);
          }
        }
        return n;
      });
      expect(junk).toBeGreaterThan(0);

      await post(page, lang, "Blankets for the shelter");
      await expect(new BoardScreen(page, lang).notice).toContainText(s.storageFull);
      expect(await page.evaluate(() => localStorage.getItem("circle.board"))).toBe(saved);

      await quiet(page);
      await reload(page);
      expect(await boardTitles(page, lang)).toEqual(["Soup for Friday"]);
      await page.evaluate(() => {
        for (const key of Object.keys(localStorage)) if (key.startsWith("other-app.")) localStorage.removeItem(key);
      });
    });

    test("a browser that refuses storage (a private window) is named on screen, and the app still works", async ({ page }) => {
      const s = words[lang].share;
      await page.addInitScript(() => {
        Object.defineProperty(window, "localStorage", {
          get() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      });
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(board.notice).toContainText(s.storageUnavailable);
      await postInApp(page, lang, "Soup for Friday");
      await board.navLink(words[lang].nav.board).click();
      await expect(board.card("Soup for Friday")).toBeVisible();
      await expect(board.notice).toContainText(s.storageUnavailable);
    });

    test("a damaged save is replaced by the last good copy, with a notice", async ({ page }) => {
      const s = words[lang].share;
      await post(page, lang, "Soup for Friday");
      await post(page, lang, "Blankets for the shelter");
      await page.evaluate(() => {
        const saved = localStorage.getItem("circle.board");
        localStorage.setItem("circle.board", saved.slice(0, saved.length - 12));
      });
      await quiet(page);
      await reload(page);
      const board = new BoardScreen(page, lang);
      await expect(board.notice).toContainText(s.storageCorrupt);
      expect(await boardTitles(page, lang)).toEqual(["Soup for Friday"]);
    });

    test("when both copies are damaged, they can be downloaded, then replaced", async ({ page }) => {
      const s = words[lang].share;
      await post(page, lang, "Soup for Friday");
      const cut = await page.evaluate(() => {
        const saved = localStorage.getItem("circle.board");
        const cut = saved.slice(0, saved.length - 12);
        localStorage.setItem("circle.board", cut);
        localStorage.setItem("circle.board.backup", cut);
        return cut;
      });
      await quiet(page);
      await reload(page);
      const board = new BoardScreen(page, lang);
      await expect(board.notice).toContainText(s.storageDamaged);
      await expectNoAxeViolations(page, `damaged save (${lang})`);
      await saveScreenshot(page, `damaged-save-${lang}`);

      // Nothing replaces the damaged copies until the person says so.
      await post(page, lang, "Rice for Tuesday");
      expect(await page.evaluate(() => localStorage.getItem("circle.board"))).toBe(cut);

      const share = new ShareScreen(page, lang);
      const file = await share.download(page.getByRole("button", { name: s.damagedDownload }));
      expect(file.name).toBe("circle-damaged-save.json");
      expect(JSON.parse(file.text)).toEqual({ save: cut, backup: cut });

      await page.getByRole("button", { name: s.damagedReplace }).click();
      await expect(page.getByRole("button", { name: s.damagedReplace })).toHaveCount(0);
      await quiet(page);
      await reload(page);
      await expect(page.getByText(s.storageDamaged)).toHaveCount(0);
      expect(await boardTitles(page, lang)).toEqual(["Rice for Tuesday"]);
    });
  });
}

test("a 10,000-post board fits in local storage and round-trips through a save", async ({ page }) => {
  test.setTimeout(120_000);
  const w = words.en;
  const board = new BoardScreen(page, "en");
  await board.open();
  await seedBoard(page, "en", 10_000);
  await post(page, "en", "One more ask on a busy board");

  // A fresh page load reads the board back from storage.
  await board.open();
  await expect(page.getByText(w.shown(30, "10,001"))).toBeVisible({ timeout: 30_000 });
  await board.search.fill("One more ask on a busy board");
  await expect(board.cards).toHaveCount(1);

  // Chromium allows about 5,000,000 UTF-16 units a site; the save and its backup share them.
  const units = await page.evaluate(() =>
    ["circle.board", "circle.board.backup"].map((key) => (localStorage.getItem(key) || "").length),
  );
  test.info().annotations.push({ type: "saved UTF-16 units (save, backup)", description: units.join(", ") });
  expect(units[0] + units[1]).toBeLessThan(5_000_000);
  expect(units[0]).toBeGreaterThan(0);
});

test("after the first post the app asks the browser to keep its storage, once", async ({ page }) => {
  await page.addInitScript(() => {
    window.circleAskedToPersist = 0;
    navigator.storage.persisted = async () => false;
    navigator.storage.persist = async () => {
      window.circleAskedToPersist += 1;
      return true;
    };
  });
  const asked = () => page.evaluate(() => window.circleAskedToPersist);
  const board = new BoardScreen(page, "en");
  await board.open();
  expect(await asked()).toBe(0);
  await postInApp(page, "en", "Soup for Friday");
  await expect.poll(asked).toBe(1);
  await postInApp(page, "en", "Blankets for the shelter");
  await page.waitForTimeout(200);
  expect(await asked()).toBe(1);
});
