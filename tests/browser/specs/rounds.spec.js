// Check-in rounds in the group's workspace: a coordinator starts a list for a heat wave, adds
// the people who asked to be checked on (a form that says what is missing), and volunteers
// record how each check-in went. Two unanswered calls in a row, or someone who needs
// something, rise to the top with a clear flag. Someone who needs something gets an ask, written
// right there with the board's own form and saved with the check-in: their card follows it, and
// the post itself says nothing of them or their list. The round prints on one page for 20
// people. English and Spanish, phone and desktop, axe on each state.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { smallTargets } = require("../support/targets");
const { RoundsScreen } = require("../pages/workspace");
const { PostScreen, escape } = require("../pages/circle");
const { ShareScreen, secondPhone } = require("../pages/share");

const LIST = "Heat wave, north side";

/** The pages of a PDF, counted by its page objects. */
function pagesOf(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

for (const lang of LANGS) {
  test.describe(`check-in rounds (${lang})`, () => {
    test.use({
      locale: words[lang].locale,
      // A reload at a workspace address goes through the board page's hand-over, which has
      // begun to fetch the board page's own files (see workspace.spec.js).
      expectedProblems: [/failed request: .*\/circle-[0-9a-f]+(_bg\.wasm|\.js) \(net::ERR_ABORTED\)/],
    });

    test("a list, its people and their check-ins: the ones who need a coordinator come first", async ({ page }) => {
      const rounds = new RoundsScreen(page, lang);
      const r = rounds.r;
      await rounds.open();
      await rounds.navLink(r.nav).click();
      await expect(rounds.heading).toHaveText(r.title);
      await expect(page.getByRole("main")).toContainText(r.empty);
      await rounds.startList(LIST);

      // The form says what is missing, and where.
      await rounds.button(r.addPerson(LIST)).click();
      await page.getByRole("button", { name: r.addToList }).click();
      await expect(page.getByRole("alert")).toHaveText(r.fixProblems(2));
      await expect(page.getByRole("textbox", { name: r.personName })).toBeFocused();
      await page.getByRole("textbox", { name: r.personName }).fill("Mr. Okafor");
      await page.getByRole("radio", { name: r.call, exact: true }).check();
      await page.getByRole("textbox", { name: r.reachValue }).fill("call me maybe");
      await page.getByRole("radio", { name: r.daily, exact: true }).check();
      await page.getByRole("button", { name: r.addToList }).click();
      await expect(page.getByRole("textbox", { name: r.reachValue })).toBeFocused();
      await page.getByRole("textbox", { name: r.reachValue }).fill("+1 555 010 0199");
      await page.getByRole("textbox", { name: r.volunteer }).fill("Ana");
      await page.getByRole("button", { name: r.addToList }).click();
      await expect(rounds.notice).toContainText(r.added("Mr. Okafor"));

      await rounds.addPerson(LIST, { name: "Mrs. Lee", cadence: r.weekly });
      await expect(rounds.notice).toContainText(r.added("Mrs. Lee"));
      const okafor = rounds.person(LIST, "Mr. Okafor");
      await expect(okafor).toContainText(r.due);
      await expect(okafor).toContainText("+15550100199");
      await expect(okafor).toContainText(r.volunteerIs("Ana"));

      // Mrs. Lee is fine; Mr. Okafor does not answer twice: he rises to the top, flagged.
      await rounds.checkIn("Mrs. Lee", r.ok, "Ana");
      await expect(rounds.person(LIST, "Mrs. Lee")).toContainText(r.lastBy("Ana", r.ok));
      await rounds.checkIn("Mr. Okafor", r.noAnswer, "Ana");
      await rounds.checkIn("Mr. Okafor", r.noAnswer, "Ben");
      await expect(okafor).toContainText(r.twiceNoAnswer);
      await expect(rounds.round(LIST).getByRole("heading", { level: 3 })).toHaveText(["Mr. Okafor", "Mrs. Lee"]);
      await expectNoAxeViolations(page, `check-in rounds (${lang})`);
      expect(await smallTargets(page), `check-in rounds (${lang})`).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await saveScreenshot(page, `workspace-rounds-${lang}`);

      // Mrs. Lee needs something: the volunteer writes the ask next, with the board's own form,
      // and is told the post will not say who it is for. Nothing is saved until then.
      const b = words[lang];
      const TITLE = "A fan and bottled water";
      await rounds.needsSomething("Mrs. Lee", "Ana");
      const step = rounds.askFor("Mrs. Lee");
      await expect(step.getByRole("heading", { name: r.postAskFor("Mrs. Lee") })).toBeFocused();
      await expect(step).toContainText(r.askPrivacy);
      const lee = rounds.person(LIST, "Mrs. Lee");
      await expect(lee).toContainText(r.lastBy("Ana", r.ok));
      await step.getByRole("button", { name: r.submitAskFor }).click();
      // What, category, area, method, contact and visibility; the name is the volunteer's.
      await expect(step.getByRole("alert")).toContainText(r.fixProblems(6));
      await expect(step.getByRole("textbox", { name: new RegExp(`^${escape(b.whatAsk)}`) })).toBeFocused();
      await expectNoAxeViolations(page, `writing an ask for someone (${lang})`);
      expect(await smallTargets(page), `writing an ask for someone (${lang})`).toEqual([]);
      await rounds.writeAsk("Mrs. Lee", { title: TITLE, category: b.categoryFood, area: "Hillcrest", method: b.methodCall, contact: "+1 555 010 0123", visibility: b.private, handle: "Ana" });
      await expect(rounds.notice).toContainText(r.askPosted("Mrs. Lee"));
      // Still at the top, but nobody is asked to post a second ask.
      await expect(lee).toContainText(r.askPostedFlag);
      await expect(lee).not.toContainText(r.needsFlag);
      const asks = rounds.asksOf(LIST, "Mrs. Lee");
      await expect(asks).toHaveCount(1);
      await expect(asks).toContainText(b.statusOpen);
      await expectNoAxeViolations(page, `a card with its ask (${lang})`);

      // The ask is on the board like any other, and says nothing of Mrs. Lee or her list.
      await asks.getByRole("link", { name: TITLE }).click();
      const post = new PostScreen(page, lang);
      await expect(post.heading).toHaveText(TITLE);
      await expect(page.getByRole("main")).not.toContainText("Lee");
      await expect(page.getByRole("main")).not.toContainText(LIST);
      // Once it is done, the card says so.
      await post.button(b.markDone).click();
      await expect(page.locator(".post-detail .status")).toHaveText(b.statusFulfilled);
      await rounds.open("rounds");
      await expect(asks).toContainText(b.statusFulfilled);

      // All of it is saved on this phone: a reload shows the same round.
      await page.reload();
      await expect(okafor).toContainText(r.twiceNoAnswer);
      await expect(lee).toContainText(r.askPostedFlag);
      await expect(asks.getByRole("link", { name: TITLE })).toBeVisible();
    });

    test("a round of 20 people prints on one page", async ({ page }) => {
      test.slow();
      const rounds = new RoundsScreen(page, lang);
      const r = rounds.r;
      await rounds.open("rounds");
      await rounds.startList(LIST);
      for (let n = 1; n <= 20; n += 1) {
        await rounds.addPerson(LIST, { name: `Neighbour ${n}`, phone: `+1 555 010 ${String(n).padStart(4, "0")}`, cadence: r.daily, volunteer: "Ana" });
        await expect(rounds.notice).toContainText(r.added(`Neighbour ${n}`));
      }
      await page.getByRole("link", { name: r.print }).click();
      await expect(rounds.heading).toHaveText(r.printTitle(LIST));
      await expect(page.getByRole("table").getByRole("row")).toHaveCount(21);
      await expectNoAxeViolations(page, `a round's print layout (${lang})`);
      expect(await smallTargets(page), `a round's print layout (${lang})`).toEqual([]);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      for (const format of ["A4", "Letter"]) {
        const pdf = await page.pdf({ format, printBackground: false });
        expect(pagesOf(pdf), `${format} pages`).toBe(1);
      }
    });

    test("a list travels to a second phone in a group file, and people added later follow it", async ({ page, browser, baseURL, expectedProblems }) => {
      test.setTimeout(120_000);
      const s = words[lang].share;
      const rounds = new RoundsScreen(page, lang);
      const r = rounds.r;
      await rounds.open("rounds");
      await rounds.startList(LIST);
      await rounds.addPerson(LIST, { name: "Mr. Okafor", phone: "+1 555 010 0199", cadence: r.daily, volunteer: "Ana" });
      await expect(rounds.notice).toContainText(r.added("Mr. Okafor"));
      const groupFile = async () => {
        const share = new ShareScreen(page, lang);
        await share.open();
        await share.radio(s.fileGroup).check();
        return share.download(s.saveBoardFile);
      };
      const first = await groupFile();

      const b = await secondPhone(browser, baseURL, lang, expectedProblems);
      try {
        const importFile = async (file, counts) => {
          const other = new ShareScreen(b.page, lang);
          await other.open();
          await other.fileInput.setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
          await expect(other.preview).toContainText(counts);
          await other.merge();
        };
        await importFile(first, s.counts(1, 0, 0));
        const theirs = new RoundsScreen(b.page, lang);
        await theirs.open("rounds");
        await expect(theirs.person(LIST, "Mr. Okafor")).toContainText(r.volunteerIs("Ana"));
        // The list is not theirs: adding to it is refused, and says who may.
        await theirs.addPerson(LIST, { name: "Someone", cadence: r.weekly });
        await expect(theirs.notice).toContainText(r.notYours);
        await expect(theirs.person(LIST, "Someone")).toHaveCount(0);

        // Its author adds Mrs. Lee; the next group file brings her, as an update of the list.
        await rounds.open("rounds");
        await rounds.addPerson(LIST, { name: "Mrs. Lee", cadence: r.weekly });
        await expect(rounds.notice).toContainText(r.added("Mrs. Lee"));
        await importFile(await groupFile(), s.counts(0, 1, 0));
        await theirs.open("rounds");
        await expect(theirs.person(LIST, "Mrs. Lee")).toHaveCount(1);
        await expect(theirs.person(LIST, "Mr. Okafor")).toHaveCount(1);
        await expectNoAxeViolations(b.page, `a list from another phone (${lang})`);
        expect(b.problems).toEqual([]);
      } finally {
        await b.context.close();
      }
    });
  });
}
