// The vertical slice: the board lists posts, "New ask" and "New offer" add one, and it is still
// there after a reload, including a reload on the post's own deep link. Runs at the site root
// and under /circle/, in English and Spanish.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { BoardScreen, LoadingScreen, NewPostScreen, reload } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`foundation (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("an ask and an offer are posted, listed and kept after reloads", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(board.heading).toHaveText(w.boardTitle);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByText(w.boardEmpty)).toBeVisible();

      await board.navLink(w.nav.newAsk).click();
      const form = new NewPostScreen(page, lang);
      await form.fillRequired(form.plain("Groceries for two"));
      await form.submit("ask");
      await expect(form.heading).toHaveText("Groceries for two");
      await expect(form.notice).toContainText(w.postedAsk);
      const askPath = new URL(page.url()).pathname;
      expect(askPath).toMatch(/\/post\/[0-9a-f]{16}$/);

      await reload(page);
      await expect(form.heading).toHaveText("Groceries for two");

      await form.post("offer", {
        title: "Rides to the clinic",
        category: w.categoryRides,
        area: "Hillcrest",
        method: w.methodText,
        contact: "+1 555 010 0199",
        visibility: w.public,
      });

      await board.navLink(w.nav.board).click();
      await expect(board.cards).toHaveCount(2);
      await expect(board.card("Groceries for two")).toBeVisible();
      await expect(board.card("Rides to the clinic")).toBeVisible();
      await reload(page);
      await expect(board.cards).toHaveCount(2);

      await board.card("Groceries for two").getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`${askPath}$`));
      await expect(board.heading).toHaveText("Groceries for two");
    });

    test("every screen has its own address", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      for (const [path, title] of [
        ["new/ask", words[lang].nav.newAsk],
        ["new/offer", words[lang].nav.newOffer],
        ["mine", w.mineTitle],
        ["settings", w.settingsTitle],
        ["share", w.shareTitle],
        ["post/00000000000000ff", w.notFound],
      ]) {
        await board.open(path);
        await expect(board.heading).toHaveText(title);
      }
    });
  });
}

test.describe("before the app starts", () => {
  test("the page shows that Circle is loading, and the note goes once the board shows", async ({ page }) => {
    // Hold the app's download, as a slow network does, until the note has been seen.
    let release;
    const downloaded = new Promise((resolve) => (release = resolve));
    await page.route("**/*.wasm", async (route) => {
      await downloaded;
      await route.continue();
    });
    await page.goto("", { waitUntil: "commit" });
    const loading = new LoadingScreen(page);
    await expect(loading.note).toBeVisible();
    await expectNoAxeViolations(page, "the loading page");
    release();
    await expect(new BoardScreen(page, "en").heading).toHaveText(words.en.boardTitle);
    await expect(loading.note).toHaveCount(0);
  });

  test("the page is never blank between the loading note and the board", async ({ page }) => {
    // Notes every change to the page that leaves neither the loading note nor any of the app
    // on it, from the moment the note is first seen.
    await page.addInitScript(() => {
      window.__blank = [];
      let seen = false;
      new MutationObserver(() => {
        if (document.getElementById("circle-loading")) {
          seen = true;
          return;
        }
        const app = document.getElementById("circle-app");
        if (seen && !(app && !app.hidden && app.textContent.trim())) window.__blank.push(performance.now());
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto("");
    await expect(new BoardScreen(page, "en").heading).toHaveText(words.en.boardTitle);
    await expect(new LoadingScreen(page).note).toHaveCount(0);
    expect(await page.evaluate(() => window.__blank)).toEqual([]);
  });

  test.describe("with scripts switched off", () => {
    // Chromium refuses the preload of the app's script module, naming the policy.
    test.use({ javaScriptEnabled: false, expectedProblems: [/\.js \(csp\)$/] });

    test("the page says Circle needs them, and nothing claims to be loading", async ({ page }) => {
      await page.goto("");
      // Locators skip <noscript>, so the page is read as shown.
      await expect(page.locator("body")).toContainText("Circle needs JavaScript and WebAssembly to run.", {
        useInnerText: true,
      });
      await expect(new LoadingScreen(page).note).toBeHidden();
    });
  });

  test.describe("when the app cannot be downloaded", () => {
    // One pattern: Playwright would read a second array element as the option's settings.
    test.use({ expectedProblems: [/\.wasm|ERR_INTERNET_DISCONNECTED|Circle could not start/] });

    test("the page says so, in English and Spanish, instead of loading forever", async ({ page }) => {
      await page.route("**/*.wasm", (route) => route.abort("internetdisconnected"));
      await page.goto("", { waitUntil: "commit" });
      const loading = new LoadingScreen(page);
      await expect(loading.failure).toContainText("Circle could not start. Check the connection and reload the page.");
      await expect(loading.failure).toContainText("Circle no pudo arrancar. Revisa la conexión y vuelve a cargar la página.");
      await expect(loading.note).toBeHidden();
      await expectNoAxeViolations(page, "the page when the app cannot start");
    });
  });
});
