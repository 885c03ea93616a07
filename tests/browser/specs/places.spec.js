// Places: the community fridge, the pantry and the cooling room of the group's demo board, with
// their hours, what they take and need, and their last condition report; filtered by kind and
// by "open now" (read from the hours as written); and a neighbour's report on how the fridge is
// now. At phone size, in English and Spanish, with axe on each screen.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { visit } = require("../pages/circle");

test.use({ demoBoard: true, timezoneId: "UTC" });

const FRIDGE = "Old Market community fridge";
const PANTRY = "Station Road food pantry";
const COOLING = "Hillcrest library cooling room";

/** The coming Saturday at 11:00 UTC: the pantry (Saturdays 10:00–13:00) is open, the cooling
 * room (every day 12:00–20:00) is not yet, and the fridge is always open. Within a week of
 * today, so the demo board, dated from the build day, is not in the page's future. */
function nextSaturdayEleven() {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7 || 7));
  day.setUTCHours(11, 0, 0, 0);
  return day;
}

for (const lang of LANGS) {
  test.describe(`places (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("the group's places show their hours and last report, by kind and open now", async ({ page }) => {
      const w = words[lang].places;
      await page.clock.install({ time: nextSaturdayEleven() });
      await visit(page, "");
      await page.getByRole("banner").getByRole("link", { name: w.nav, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.title);
      const list = page.getByRole("list", { name: w.list });
      const cards = list.getByRole("listitem");
      await expect(cards).toHaveCount(3);
      const fridge = cards.filter({ has: page.getByRole("link", { name: FRIDGE }) });
      await expect(fridge).toContainText(w.fridge);
      await expect(fridge).toContainText(w.openNow);
      await expect(fridge).toContainText(`${w.lastReport} ${w.fridgeReport}`);
      await expect(cards.filter({ has: page.getByRole("link", { name: COOLING }) })).toContainText(w.closedNow);
      await expectNoAxeViolations(page, `the places (${lang})`);
      await saveScreenshot(page, `places-${lang}`);

      await page.getByLabel(w.kind).selectOption({ label: w.pantry });
      await expect(cards).toHaveCount(1);
      await expect(cards.first()).toContainText(PANTRY);
      await page.getByLabel(w.kind).selectOption({ label: w.anyKind });
      await page.getByRole("checkbox", { name: w.openNowFilter }).check();
      await expect(cards).toHaveCount(2);
      await expect(cards.filter({ hasText: COOLING })).toHaveCount(0);
    });

    test("a neighbour reports how the fridge is now", async ({ page }) => {
      const w = words[lang].places;
      await visit(page, "places");
      await page.getByRole("link", { name: FRIDGE }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(FRIDGE);
      const form = page.getByRole("region", { name: w.reportHeading });

      // A report that says nothing is refused, and says why, at the first question.
      await form.getByLabel(words[lang].handle).fill("Noor");
      await form.getByRole("button", { name: w.submit }).click();
      await expect(form.getByRole("group", { name: w.stock })).toBeFocused();
      await expect(form.getByRole("group", { name: w.stock })).toHaveAccessibleDescription(w.empty);

      await form.getByRole("group", { name: w.stock }).getByLabel(w.stockEmpty, { exact: true }).check();
      await form.getByRole("group", { name: w.condition }).getByLabel(w.conditionGood, { exact: true }).check();
      await form.getByLabel(w.note).fill("Taken clean by noon");
      await form.getByRole("button", { name: w.submit }).click();
      await expect(page.getByRole("status")).toContainText(w.saved(FRIDGE));
      await expect(page.getByRole("article")).toContainText(`${w.lastReport} ${w.stockEmpty} · ${w.conditionGood} — Taken clean by noon`);
      await expect(page.getByRole("article")).toContainText("Noor");
      await expectNoAxeViolations(page, `a place and its report form (${lang})`);

      // The report is kept: it is still the last one after a reload.
      await page.reload();
      await expect(page.getByRole("article")).toContainText(`${w.stockEmpty} · ${w.conditionGood}`);
    });
  });
}
