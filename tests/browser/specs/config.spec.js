// The group's config.json is edited by hand: a number out of its range (an ask expiry of zero
// days would close every ask) falls back to its default, the rest of the file still applies,
// and the board names the bad setting in the person's language.
const { test, expect } = require("../support/fixtures");
const { BoardScreen, NewPostScreen } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");
const { AREAS } = require("../pages/share");

for (const lang of LANGS) {
  test.describe(`config.json (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a setting out of range is named, and the rest of the settings apply", async ({ page }) => {
      const w = words[lang];
      await page.route("**/config.json", async (route) => {
        const response = await route.fetch();
        const config = { ...(await response.json()), demo_board: null, ask_expiry_days: 0, private_retention_days: "two weeks", phone_country_code: "Spain" };
        await route.fulfill({ response, json: config });
      });
      const board = new BoardScreen(page, lang);
      await board.open();
      await expect(board.notice).toContainText(w.configOutOfRange("ask_expiry_days", 1, 365, 30));
      await expect(board.notice).toContainText(w.configOutOfRange("private_retention_days", 1, 365, 14));
      await expect(board.notice).toContainText(w.configNotACountryCode);
      // The group's own areas still came through.
      await new NewPostScreen(page, lang).open("new/ask");
      await expect(page.getByRole("combobox", { name: new RegExp(`^${w.area}`) })).toContainText(AREAS[lang][0]);
    });
  });
}
