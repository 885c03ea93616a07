// The first screen on a phone (390×844) and the small things a newcomer trips over, in English
// and Spanish: one line says what Circle is, the first post shows without scrolling, the menu
// and the filters fit, counts agree, the title's limit shows while typing, "Start over" can be
// undone, languages read as names, radios sit on their labels' line, and a touch phone is not
// offered a drop zone it cannot use.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { BoardScreen, NewPostScreen, PostScreen } = require("../pages/circle");
const { ShareScreen } = require("../pages/share");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`first view (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test.describe("with the demo board", () => {
      test.use({ demoBoard: true });

      test("one line says what Circle is, and the first post shows without scrolling", async ({ page }) => {
        const w = words[lang];
        const board = new BoardScreen(page, lang);
        await board.open();
        await expect(page.getByText(w.intro)).toBeVisible();
        await expect(board.cards.first()).toBeVisible();
        const viewport = page.viewportSize();
        const card = await board.cards.first().boundingBox();
        expect(card.y + card.height, "the whole first card is on the first screen").toBeLessThanOrEqual(viewport.height);
        await expectNoAxeViolations(page, `the first screen (${lang})`);
      });

      test("the board counts one set of posts, and lists all of them", async ({ page }) => {
        const w = words[lang];
        const board = new BoardScreen(page, lang);
        await board.open();
        const line = page.getByText(w.shown(30, 33));
        await expect(line).toBeVisible();
        // No other total of posts on the screen to contradict it.
        await expect(page.getByText(w.totalPosts(34))).toHaveCount(0);
        await page.getByRole("button", { name: w.showMore }).click();
        await expect(board.cards).toHaveCount(33);
        await expect(page.getByText(w.shown(33, 33))).toBeVisible();
      });
    });

    test("the menu takes at most two lines and the status filter fits the screen", async ({ page }) => {
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      await board.open();
      const links = page.getByRole("navigation", { name: w.mainNav }).getByRole("link");
      const tops = new Set();
      for (const box of await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().top))) tops.add(Math.round(box));
      expect(tops.size, "lines the menu wraps to").toBeLessThanOrEqual(2);

      await board.openFilters();
      const status = page.getByLabel(w.status, { exact: true });
      const fits = await status.evaluate((select) => {
        const style = getComputedStyle(select);
        const context = document.createElement("canvas").getContext("2d");
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.options[select.selectedIndex].text;
        const room = select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 24;
        const box = select.getBoundingClientRect();
        return { text, textWidth: context.measureText(text).width, room, right: box.right, screen: window.innerWidth };
      });
      expect(fits.text).toBe(w.stillNeeded);
      expect(fits.right).toBeLessThanOrEqual(fits.screen);
      expect(fits.textWidth, `"${fits.text}" fits its drop-down`).toBeLessThanOrEqual(fits.room);
    });

    test("the title's limit shows while typing, before any submit", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      const title = page.getByRole("textbox", { name: new RegExp(`^${w.whatAsk.replace("?", "\\?")}`) });
      await expect(page.getByText(w.charsCount(0))).toBeVisible();
      await title.fill("Soup");
      await expect(page.getByText(w.charsCount(4))).toBeVisible();
      await expect(title).toHaveAccessibleDescription(new RegExp(w.charsCount(4)));
      await title.fill("x".repeat(110));
      // Near the limit a polite live region says how much is left; past it, how much too much.
      await expect(page.getByText(w.charsLeft(10))).toBeAttached();
      await title.fill("x".repeat(125));
      await expect(page.getByText(w.charsOver(5))).toBeAttached();
      await expect(page.getByText(w.charsCount(125))).toBeVisible();
      await expect(page.getByText(w.fixProblems)).toHaveCount(0);
      await expectNoAxeViolations(page, `the title counter (${lang})`);
    });

    test("Start over can be undone", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      await form.fillRequired({ title: "Bread", visibility: w.private });
      await page.getByRole("button", { name: w.startOver }).click();
      const title = page.getByRole("textbox", { name: new RegExp(`^${w.whatAsk.replace("?", "\\?")}`) });
      await expect(title).toHaveValue("");
      await expect(page.getByText(w.formCleared)).toBeVisible();
      await expectNoAxeViolations(page, `the cleared form (${lang})`);
      await page.getByRole("button", { name: w.undo }).click();
      await expect(title).toHaveValue("Bread");
      await expect(page.getByRole("radio", { name: w.private })).toBeChecked();
      await expect(page.getByRole("button", { name: w.undo })).toHaveCount(0);
    });

    test("radio buttons sit on the line of their labels", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      const radios = page.getByRole("radio");
      await expect(radios.first()).toBeVisible();
      for (const radio of await radios.all()) {
        const name = await radio.getAttribute("value");
        const offset = await radio.evaluate((radio) => {
          const label = radio.closest("label");
          const range = document.createRange();
          range.selectNodeContents(label);
          range.setStartAfter(radio);
          const text = range.getBoundingClientRect();
          const button = radio.getBoundingClientRect();
          return Math.abs(text.top + text.height / 2 - (button.top + button.height / 2));
        });
        expect(offset, `${name}: centre of the radio against the centre of its text`).toBeLessThanOrEqual(2);
      }
    });

    test("languages show as their names", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      await form.fillRequired(form.plain("Help with a letter"));
      await form.openMore();
      await page.getByLabel(w.languages).fill("en, ar, Tagalog");
      await form.submit("ask");
      await expect(form.heading).toHaveText("Help with a letter");
      const post = new PostScreen(page, lang);
      await expect(post.page.getByText("English, العربية, Tagalog")).toBeVisible();
    });

    test("a touch phone gets the file picker and no drop zone", async ({ page }) => {
      const w = words[lang];
      const share = new ShareScreen(page, lang);
      await share.open("share");
      await expect(page.getByLabel(w.share.chooseFile)).toBeVisible();
      await expect(page.getByText(w.share.dropFile)).toBeHidden();
    });
  });
}
