// Skills in the group's workspace: a coordinator lists what a neighbour can do, where and in
// which languages; matching then suggests them for an ask of that category, and stops calling
// them "in time" once they are marked away. On a childcare listing, neighbours record the swaps
// of minding each other's children and see whose hours are owed. English and Spanish, at phone
// size, with axe.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { smallTargets } = require("../support/targets");
const { visit } = require("../pages/circle");
const { seedBoard } = require("../pages/seed");
const { WorkspaceScreen, MatchingScreen, SkillsScreen } = require("../pages/workspace");

const ASK = "Someone to watch the twins on Saturday";

for (const lang of LANGS) {
  test.describe(`skills (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a listed skill is suggested for an ask of its category, and away is said", async ({ page }) => {
      const w = words[lang].workspace;
      const k = w.skills;
      await visit(page, "");
      await seedBoard(page, lang, 1, () => ({ title: ASK, kind: "ask", category: "childcare", area: "riverside-north", urgency: "week" }));
      const screen = new WorkspaceScreen(page, lang);
      await screen.open();
      await screen.navLink(k.nav).click();
      await expect(screen.heading).toHaveText(k.title);
      await expect(page.getByRole("main")).toContainText(k.empty);

      const form = page.locator("form.skill-form");
      await form.getByRole("textbox", { name: w.handle }).fill("Rosa");
      await form.getByRole("combobox", { name: k.skill }).selectOption({ label: k.childcare });
      await form.getByRole("combobox", { name: k.area }).selectOption({ label: k.riversideNorth });
      await form.getByRole("textbox", { name: k.languages }).fill("es, en");
      await form.getByRole("button", { name: k.submit }).click();
      await expect(screen.notice).toContainText(k.listed("Rosa", k.childcare));
      const card = page.getByRole("list", { name: k.list }).getByRole("listitem");
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(k.available);
      await expectNoAxeViolations(page, `skills (${lang})`);
      expect(await smallTargets(page), `skills (${lang})`).toEqual([]);

      const matching = new MatchingScreen(page, lang);
      await matching.navLink(w.matching).click();
      const suggestion = matching.suggestions(ASK).filter({ hasText: `Rosa: ${k.childcare}` });
      await expect(suggestion).toContainText(w.reasons.category);
      await expect(suggestion).toContainText(w.reasons.time);

      await screen.navLink(k.nav).click();
      await page.getByRole("button", { name: k.markAway("Rosa") }).click();
      await expect(card).toContainText(k.away);
      await matching.navLink(w.matching).click();
      await expect(suggestion).toContainText(w.reasons.category);
      await expect(suggestion).not.toContainText(w.reasons.time);
    });

    test.describe("childcare swaps", () => {
      // A reload at a workspace address goes through the board page's hand-over, which has
      // begun to fetch the board page's own files (see workspace.spec.js).
      test.use({ expectedProblems: [/failed request: .*\/circle-[0-9a-f]+(_bg\.wasm|\.js) \(net::ERR_ABORTED\)/] });

      test("a childcare swap is recorded, and each neighbour's hours given and received even out", async ({ page }) => {
        const screen = new SkillsScreen(page, lang);
        const k = screen.k;
        await screen.open("skills");
        await expect(screen.heading).toHaveText(k.title);
        await screen.list("Rosa", k.childcare);
        const swaps = screen.swaps("Rosa");
        await expect(swaps).toContainText(k.noSwaps);

        // The form says what is wrong, and where: the same neighbour twice, hours out of range.
        await screen.recordSwap("Rosa", { family: "rosa", hours: "30", by: "Rosa" });
        const form = page.locator("form.swap-form");
        await expect(form.getByRole("alert")).toHaveText(screen.w.rounds.fixProblems(2));
        await expect(form.getByRole("textbox", { name: k.family })).toBeFocused();
        await expect(form.getByRole("textbox", { name: k.family })).toHaveAccessibleDescription(k.sameNeighbour);
        await expect(form.getByRole("textbox", { name: k.hours })).toHaveAccessibleDescription(k.badHours);
        await expectNoAxeViolations(page, `a refused swap (${lang})`);

        // Rosa minded Ben's children for 3 hours; then Ben minded Rosa's for 2.
        await screen.recordSwap("Rosa", { family: "Ben", hours: "3" });
        await expect(screen.notice).toContainText(k.swapSaved("Rosa", "Ben"));
        await expect(form).toHaveCount(0);
        await screen.recordSwap("Rosa", { minder: "Ben", family: "Rosa", hours: "2", by: "Ben" });
        await expect(screen.notice).toContainText(k.swapSaved("Ben", "Rosa"));
        const balances = screen.balances("Rosa");
        await expect(balances).toHaveText([
          k.balance("Ben", k.hoursN(2), k.hoursN(3), k.owes(k.hoursN(1))),
          k.balance("Rosa", k.hoursN(3), k.hoursN(2), k.owed(k.hoursN(1))),
        ]);
        await expectNoAxeViolations(page, `childcare swaps (${lang})`);
        expect(await smallTargets(page), `childcare swaps (${lang})`).toEqual([]);

        // One more hour from Ben, and they are even; all of it is kept on this phone.
        await screen.recordSwap("Rosa", { minder: "Ben", family: "Rosa", hours: "1", by: "Ben" });
        await expect(screen.notice).toContainText(k.swapSaved("Ben", "Rosa"));
        await page.reload();
        await expect(balances).toHaveText([
          k.balance("Ben", k.hoursN(3), k.hoursN(3), k.even),
          k.balance("Rosa", k.hoursN(3), k.hoursN(3), k.even),
        ]);
      });
    });
  });
}
