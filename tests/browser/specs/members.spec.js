// The members' board: a group publishes its board for members encrypted with a passphrase
// (`publish` with CIRCLE_GROUP_PASSPHRASE writes api/v1/board.enc.json; the fixture is one it
// wrote). Until a member types the passphrase the sync line says the board is locked and
// nothing of it shows; a wrong passphrase is refused and changes nothing; the right one brings
// its posts, with the contact details members share with the group, and, when the member asks,
// is remembered across a reload. A file damaged on its way is refused the same way. English
// and Spanish, axe on each state.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { BoardScreen } = require("../pages/circle");
const { membersSite, FIXTURE, PASSPHRASE, SOURCE, GROUP_POST, GROUP_CONTACT, MEMBERS_POSTS } = require("../pages/members");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`the members' board (${lang})`, () => {
    test("locked until the group's passphrase opens it; a wrong one changes nothing; remembered when asked", async ({ browser, baseURL, distDir }) => {
      test.setTimeout(90_000);
      const w = words[lang];
      const m = w.members;
      const { site, url, dir } = await membersSite(distDir, baseURL);
      const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const problems = watchProblems(page, site.origin);
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        const lines = board.groupBoard.getByRole("listitem");
        await expect(lines.filter({ hasText: m.locked(SOURCE) })).toHaveCount(1);
        await expect(board.cards).toHaveCount(0);
        await expectNoAxeViolations(page, `the members' board, locked (${lang})`);

        await board.navLink(w.nav.settings).click();
        const passphrase = page.getByLabel(m.passphrase);
        const open = page.getByRole("button", { name: m.open, exact: true });
        await open.click();
        await expect(page.getByText(m.empty)).toBeVisible();
        await expect(passphrase).toBeFocused();
        await passphrase.fill("river mint 43");
        await open.click();
        await expect(page.getByRole("alert").filter({ hasText: m.wrong })).toBeVisible();
        await expectNoAxeViolations(page, `a wrong passphrase (${lang})`);
        await board.navLink(w.nav.board).click();
        await expect(board.cards).toHaveCount(0);

        // The right one, remembered: the posts arrive, and members see group contacts.
        await board.navLink(w.nav.settings).click();
        await passphrase.fill(PASSPHRASE);
        await page.getByRole("checkbox", { name: m.remember }).check();
        await open.click();
        await expect(page.getByText(m.opened)).toBeVisible();
        await expect(page.getByText(m.isOpen)).toBeVisible();
        await expect(passphrase).toHaveValue("");
        expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(PASSPHRASE);
        await board.navLink(w.nav.board).click();
        await expect(lines.filter({ hasText: w.syncRead(SOURCE, MEMBERS_POSTS, 0) })).toHaveCount(1);
        await board.card(GROUP_POST).getByRole("link").first().click();
        await expect(page.getByRole("main")).toContainText(GROUP_CONTACT);
        await expectNoAxeViolations(page, `a post with a group contact (${lang})`);

        // After a reload the phone still holds the key: the next sync opens the board again.
        await page.goto(url);
        await expect(lines.filter({ hasText: w.syncRead(SOURCE, 0, 0) })).toHaveCount(1);

        // A file damaged on its way is refused by name; the board keeps what it had.
        const damaged = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
        const first = damaged.ciphertext[0];
        damaged.ciphertext = (first === "A" ? "B" : "A") + damaged.ciphertext.slice(1);
        fs.writeFileSync(path.join(dir, "api/v1/board.enc.json"), JSON.stringify(damaged));
        const cards = await board.cards.count();
        await board.syncNow.click();
        await expect(lines.filter({ hasText: SOURCE })).toContainText(w.members.damaged);
        await expect(board.cards).toHaveCount(cards);

        // Forgotten: locked again at the next sync.
        await board.navLink(w.nav.settings).click();
        await page.getByRole("button", { name: m.forget }).click();
        await expect(page.getByText(m.isOpen)).toHaveCount(0);
        fs.copyFileSync(FIXTURE, path.join(dir, "api/v1/board.enc.json"));
        await board.navLink(w.nav.board).click();
        await board.syncNow.click();
        await expect(lines.filter({ hasText: m.locked(SOURCE) })).toHaveCount(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await site.close();
      }
    });
  });
}
