// Accessibility on every screen, in both languages: no axe-core violation, 44 px tap targets,
// no sideways scrolling at 320 px or with text at 200 %, and the whole ask-and-respond path
// by keyboard alone with visible focus. Saves each screen's phone-size screenshot for the docs.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { BoardScreen, NewPostScreen, PostScreen, becomeAnotherDevice } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { seedNeighbourly, NEIGHBOURLY } = require("../pages/seed");
const { smallTargets, overflowsSideways } = require("../support/targets");

/** Every screen, reached the way a person would, with something on it. */
async function screens(page, lang) {
  const w = words[lang];
  const board = new BoardScreen(page, lang);
  await board.open();
  await seedNeighbourly(page, lang);
  const title = NEIGHBOURLY[lang][0].title;
  return [
    ["board", async () => board.open()],
    [
      "board-filtered",
      async () => {
        await board.open();
        await board.filter(w.category, w.categoryRides);
      },
    ],
    ["new-ask", async () => board.open("new/ask")],
    [
      "new-ask-problems",
      async () => {
        await board.open("new/ask");
        await new NewPostScreen(page, lang).submit("ask");
        await expect(page.getByRole("alert")).toContainText(w.fixProblems);
      },
    ],
    ["new-offer", async () => board.open("new/offer")],
    [
      "post",
      async () => {
        await board.open();
        await board.card(title).getByRole("link").click();
        await expect(board.heading).toHaveText(title);
      },
    ],
    ["mine", async () => board.open("mine")],
    ["settings", async () => board.open("settings")],
    ["share", async () => board.open("share")],
    [
      "post-not-found",
      async () => {
        await board.open("post/00000000000000ff");
        await expect(board.heading).toHaveText(w.notFound);
      },
    ],
    [
      "page-not-found",
      async () => {
        await board.open("no/such/page");
        await expect(board.heading).toHaveText(w.pageNotFound);
      },
    ],
  ];
}

/** Screens whose screenshots are not in the docs (the share screen's own spec takes its own). */
const UNPICTURED = new Set(["share", "post-not-found", "page-not-found"]);

for (const lang of LANGS) {
  test.describe(`accessibility (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("every screen passes axe, has 44 px targets, and gets its screenshot", async ({ page }) => {
      test.setTimeout(90_000);
      for (const [name, reach] of await screens(page, lang)) {
        await reach();
        await expectNoAxeViolations(page, `${name} (${lang})`);
        expect(await smallTargets(page), `tap targets on ${name}`).toEqual([]);
        if (!UNPICTURED.has(name)) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await saveScreenshot(page, `${name}-${lang}`);
        }
      }
    });

    test("usable at 320 px wide and with text at 200 %", async ({ page }) => {
      test.setTimeout(90_000);
      const list = await screens(page, lang);
      await page.setViewportSize({ width: 320, height: 640 });
      for (const [name, reach] of list) {
        await reach();
        expect(await overflowsSideways(page), `${name} at 320 px`).toBe(false);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [name, reach] of list) {
        await reach();
        await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%"));
        expect(await overflowsSideways(page), `${name} at 200 % text`).toBe(false);
        await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
      }
    });

    test("the layout mirrors for a right-to-left language", async ({ page }) => {
      const list = await screens(page, lang);
      for (const [name, reach] of list) {
        await reach();
        await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
        // The heading's text starts at the right-hand edge, inside the same 16 px margin. A
        // post's title is the author's text and keeps its own direction (dir="auto").
        const rightMargin = await page.evaluate(() => {
          const heading = document.querySelector("h1:not([dir])");
          if (!heading) return 0;
          const range = document.createRange();
          range.selectNodeContents(heading);
          return document.documentElement.clientWidth - range.getBoundingClientRect().right;
        });
        expect(Math.round(rightMargin), `${name} right margin`).toBeLessThanOrEqual(17);
        expect(await overflowsSideways(page), `${name} right to left`).toBe(false);
      }
    });

    test("ask and respond with the keyboard alone, focus always visible", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();

      /** Presses Tab until the focused element has this accessible text; checks its focus ring. */
      async function tabTo(name) {
        for (let step = 0; step < 40; step += 1) {
          await page.keyboard.press("Tab");
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            const label = element.labels && element.labels[0] ? element.labels[0].textContent : "";
            const style = getComputedStyle(element);
            return {
              text: `${element.textContent} ${label} ${element.getAttribute("aria-label") || ""}`.trim(),
              outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
            };
          });
          if (focused.text.includes(name)) {
            expect(focused.outline, `visible focus on "${name}"`).toBe(true);
            return;
          }
        }
        throw new Error(`Tab never reached "${name}"`);
      }

      await tabTo(w.nav.newAsk);
      await page.keyboard.press("Enter");
      await expect(board.heading).toHaveText(w.nav.newAsk);
      await tabTo(w.whatAsk);
      await page.keyboard.type("Bread and milk");
      await tabTo(w.category);
      await page.keyboard.press("ArrowDown");
      await tabTo(w.area);
      await page.keyboard.type("Hillcrest");
      await tabTo(w.method);
      await page.keyboard.press("ArrowDown");
      await tabTo(w.contact);
      await page.keyboard.type("+1 555 010 0100");
      await tabTo(w.public);
      await page.keyboard.press("Space");
      await tabTo(w.handle);
      await page.keyboard.type("Rosa");
      await tabTo(w.submitAsk);
      await page.keyboard.press("Enter");
      await expect(board.heading).toHaveText("Bread and milk");

      await becomeAnotherDevice(page);
      const post = new PostScreen(page, lang);
      await tabTo(w.handle);
      await page.keyboard.type("Ana");
      await tabTo(w.message);
      await page.keyboard.type("After work");
      await tabTo(w.iCanHelp);
      await page.keyboard.press("Enter");
      await expect(post.notice).toContainText(w.responseSaved);
      await expect(page.getByRole("region", { name: w.offers })).toContainText(w.canHelp("Ana"));
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
    });
  });
}
