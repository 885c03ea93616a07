// The emergency fund in the group's workspace: a coordinator records a request, a pledge and a
// payout towards the request; the totals, the balance after each entry and the month's totals
// add up; an amount that cannot be read is refused with a message; the ledger saves as CSV
// without the private notes. English and Spanish, at phone size, axe on the screen.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { smallTargets } = require("../support/targets");
const { WorkspaceScreen, ReportScreen } = require("../pages/workspace");

const RENT = "Rent for flat 4";

for (const lang of LANGS) {
  test.describe(`fund (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("requests, pledges and payouts add up to the balance, and the ledger saves as CSV", async ({ page }) => {
      const screen = new WorkspaceScreen(page, lang);
      const f = words[lang].workspace.fund;
      const money = f.money;
      await screen.open();
      await screen.navLink(f.nav).click();
      await expect(screen.heading).toHaveText(f.title);
      await expect(page.getByRole("main")).toContainText(f.empty);
      const form = page.locator("form.entry-form");
      const record = async ({ kind, amount, purpose, towards }) => {
        await form.getByRole("radio", { name: kind, exact: true }).check();
        await form.getByRole("textbox", { name: f.amount }).fill(amount);
        if (purpose) await form.getByRole("textbox", { name: f.purpose }).fill(purpose);
        if (towards) await form.getByRole("combobox", { name: f.towards }).selectOption({ label: towards });
        await form.getByRole("textbox", { name: words[lang].workspace.handle }).fill("Dolores");
        await form.getByRole("textbox", { name: f.note }).fill("Account 12345 of Mrs. Lee");
        await form.getByRole("button", { name: f.submit }).click();
      };

      await record({ kind: f.request, amount: "600", purpose: RENT });
      await expect(screen.notice).toContainText(f.saved(f.request, money("600.00")));
      // An amount that could mean two things is refused, and nothing is recorded.
      await record({ kind: f.pledge, amount: "1,234.5" });
      await expect(form.getByRole("textbox", { name: f.amount })).toBeFocused();
      await expect(form).toContainText(f.errAmount);
      await form.getByRole("textbox", { name: f.amount }).fill(f.typed);
      await form.getByRole("button", { name: f.submit }).click();
      await expect(screen.notice).toContainText(f.saved(f.pledge, money("250.50")));
      await record({ kind: f.payout, amount: "400", towards: RENT });
      await expect(screen.notice).toContainText(f.saved(f.payout, money("400.00")));

      const report = new ReportScreen(page, lang);
      await expect(report.total(f.totals.requested)).toHaveText(money("600.00"));
      await expect(report.total(f.totals.pledged)).toHaveText(money("250.50"));
      await expect(report.total(f.totals.paidOut)).toHaveText(money("400.00"));
      await expect(report.total(f.totals.balance)).toHaveText(money("-149.50"));
      await expect(report.total(f.totals.outstanding)).toHaveText(money("200.00"));
      // Newest first, each with the balance after it.
      const ledger = await report.table(f.ledger);
      expect(ledger.slice(1).map((row) => [row[1], row[2], row[5]])).toEqual([
        [f.payout, money("-400.00"), money("-149.50")],
        [f.pledge, money("250.50"), money("250.50")],
        [f.request, money("600.00"), money("0.00")],
      ]);
      expect(ledger[1][3]).toContain(RENT);
      const months = await report.table(f.months);
      expect(months.slice(1).map((row) => row.slice(1))).toEqual([[money("600.00"), money("250.50"), money("400.00")]]);
      await expectNoAxeViolations(page, `the fund (${lang})`);
      expect(await smallTargets(page), `the fund (${lang})`).toEqual([]);
      await saveScreenshot(page, `workspace-fund-${lang}`);

      const button = page.getByRole("button", { name: f.saveCsv });
      const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
      expect(download.suggestedFilename()).toMatch(/^circle-fund-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = require("node:fs").readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe(f.csvHeader);
      expect(lines[3]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2},${f.payout},400\\.00,,${RENT},Dolores,-149\\.50$`));
      expect(csv).not.toContain("12345");
    });
  });
}
