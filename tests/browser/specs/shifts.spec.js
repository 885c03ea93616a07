// Shifts in the group's workspace: a coordinator adds a shift (the form says what is missing),
// the shift shows how many people it still needs, a volunteer signs up and backs out, and the
// shift sheet prints. English and Spanish, at phone size, axe on each screen.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { smallTargets } = require("../support/targets");
const { WorkspaceScreen } = require("../pages/workspace");

const TASK = "Restock the fridge";

/** Tomorrow on the device's calendar, as a date field takes it. */
function tomorrow() {
  const day = new Date(Date.now() + 24 * 3_600_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

for (const lang of LANGS) {
  test.describe(`shifts (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a shift shows its gap, and a volunteer signs up and backs out", async ({ page }) => {
      const screen = new WorkspaceScreen(page, lang);
      const s = words[lang].workspace.shifts;
      await screen.open();
      await screen.navLink(s.nav).click();
      await expect(screen.heading).toHaveText(s.title);
      await expect(page.getByRole("main")).toContainText(s.empty);

      const form = page.locator("form.shift-form");
      await form.getByRole("textbox", { name: s.task }).fill(TASK);
      await form.getByRole("button", { name: s.submit }).click();
      await expect(form.getByLabel(s.day)).toBeFocused();
      await expect(form).toContainText(s.errDate);
      await form.getByLabel(s.day).fill(tomorrow());
      await form.getByLabel(s.time).fill("09:30");
      await form.getByRole("button", { name: s.submit }).click();
      await expect(screen.notice).toContainText(s.added(TASK));

      const card = page.getByRole("list", { name: s.list }).getByRole("listitem");
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(s.gap(2));
      await expect(card).toContainText(s.nobody);
      await page.getByRole("textbox", { name: words[lang].workspace.handle }).fill("Ana");
      await page.getByRole("button", { name: s.signUp(TASK) }).click();
      await expect(screen.notice).toContainText(s.signedUpSaved(TASK));
      await expect(card).toContainText(s.gap(1));
      await expect(card).toContainText(s.signedUp("Ana"));
      await expectNoAxeViolations(page, `shifts (${lang})`);
      expect(await smallTargets(page), `shifts (${lang})`).toEqual([]);
      await saveScreenshot(page, `workspace-shifts-${lang}`);

      await page.getByRole("button", { name: s.backOut(TASK) }).click();
      await expect(screen.notice).toContainText(s.backedOut(TASK));
      await expect(card).toContainText(s.gap(2));

      // The sheet for a notice board: the shift, and lines to write names on.
      await page.getByRole("link", { name: s.print }).click();
      await expect(screen.heading).toHaveText(s.sheet);
      await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
      await expect(page.getByRole("table")).toContainText(TASK);
      await expectNoAxeViolations(page, `the shift sheet (${lang})`);
      expect(await smallTargets(page), `the shift sheet (${lang})`).toEqual([]);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      const pdf = await page.pdf({ format: "A4" });
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length).toBe(1);
    });
  });
}
