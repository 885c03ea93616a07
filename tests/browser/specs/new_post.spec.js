// New ask / new offer: only the needed questions are required, problems show inline and get
// focus, a half-written draft survives a reload, and a first-timer posts well within a minute.
// In English and Spanish.
const { test, expect } = require("../support/fixtures");
const { BoardScreen, NewPostScreen, escape, reload } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`new post (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("an empty form names every missing answer inline and focuses the first", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      await form.submit("ask");
      await expect(page.getByRole("alert")).toContainText(w.fixProblems);
      const title = page.getByRole("textbox", { name: new RegExp(`^${w.whatAsk.replace("?", "\\?")}`) });
      await expect(title).toBeFocused();
      await expect(title).toHaveAttribute("aria-invalid", "true");
      // The problem first, then how much of the title's limit is used.
      await expect(title).toHaveAccessibleDescription(`${w.required} ${w.charsCount(0)}`);
      // What, category, method, contact, visibility and name are required, and the area too
      // when the group lists its areas.
      const areaIsListed = await page.getByLabel(new RegExp(`^${w.area}`)).evaluate((control) => control.tagName === "SELECT");
      const missing = areaIsListed ? 7 : 6;
      await expect(page.getByText(w.required, { exact: true })).toHaveCount(missing);

      // Fixing a field clears its message as the person types.
      await title.fill("Soup");
      await expect(page.getByText(w.required, { exact: true })).toHaveCount(missing - 1);
      await expect(title).not.toHaveAttribute("aria-invalid", "true");
    });

    test("a half-written draft survives a reload", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/offer");
      await form.fillRequired({ title: "Half a thought", category: w.categoryRides, visibility: w.private });
      await form.openMore();
      await page.getByLabel(w.details).fill("Line one\nline two");
      await reload(page);
      await expect(page.getByRole("textbox", { name: new RegExp(`^${w.whatOffer.replace("?", "\\?")}`) })).toHaveValue("Half a thought");
      await expect(page.getByRole("combobox", { name: new RegExp(`^${w.category}`) })).toHaveValue("rides");
      await expect(page.getByRole("radio", { name: w.private })).toBeChecked();
      await expect(page.getByLabel(w.details)).toHaveValue("Line one\nline two");

      // Starting over forgets it.
      await page.getByRole("button", { name: w.startOver }).click();
      await reload(page);
      await expect(page.getByRole("textbox", { name: new RegExp(`^${w.whatOffer.replace("?", "\\?")}`) })).toHaveValue("");
    });

    test("a phone number must be one number, and the post dials exactly it", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      const contact = page.getByRole("textbox", { name: new RegExp(`^${w.contact}`) });
      await expect(page.getByText(w.contactNotes, { exact: true })).toBeVisible();
      await form.fillRequired({ ...form.plain("Bread for Sunday"), contact: "555 0100 after 6pm" });
      await form.submit("ask");
      await expect(contact).toBeFocused();
      await expect(contact).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(w.phoneExtraText, { exact: true })).toBeVisible();
      await expect(contact).toHaveAccessibleDescription(new RegExp(`${escape(w.contactNotes)}.*${escape(w.phoneExtraText)}`));

      // The message follows what is wrong as the person types.
      await contact.fill("555 010 0199");
      await expect(page.getByText(w.phoneNoCountryCode, { exact: true })).toBeVisible();
      await contact.fill("+1 555 010 0199");
      await expect(contact).not.toHaveAttribute("aria-invalid", "true");
      await form.submit("ask");
      await expect(form.heading).toHaveText("Bread for Sunday");
      const call = page.getByRole("region", { name: w.respond }).getByRole("link", { name: new RegExp(w.methodCall) });
      await expect(call).toHaveAttribute("href", "tel:+15550100199");
    });

    test("a first-timer posts an ask with the optional details in well under a minute", async ({ page }) => {
      // The limit is the product's promise, measured on the whole scripted flow: from opening
      // the link to seeing the post. The test's own timeout is above it, so a flow slower than a
      // minute fails on this limit, not on the test's timeout.
      const LIMIT_MS = 60_000;
      test.setTimeout(LIMIT_MS + 30_000);
      const w = words[lang];
      const board = new BoardScreen(page, lang);
      const form = new NewPostScreen(page, lang);
      const started = Date.now();
      await board.open();
      await board.navLink(w.nav.newAsk).click();
      await form.fillRequired({
        title: "Diapers, size 4",
        category: w.categoryFood,
        area: "Hillcrest",
        method: w.methodCall,
        contact: "+1 555 010 0123",
        visibility: w.public,
        handle: "Lucía",
      });
      await form.openMore();
      await page.getByLabel(w.quantity).fill("two");
      await form.submit("ask");
      await expect(page.getByLabel(w.quantity)).toBeFocused();
      await page.getByLabel(w.quantity).fill("2");
      await page.getByLabel(w.languages).fill("Español, English");
      await form.submit("ask");
      await expect(form.heading).toHaveText("Diapers, size 4");
      await expect(form.notice).toContainText(w.postedAsk);
      await expect(page.getByRole("definition").filter({ hasText: "Español, English" })).toBeVisible();
      const took = Date.now() - started;
      expect(took, `posting took ${took} ms`).toBeLessThan(LIMIT_MS);
    });
  });
}
