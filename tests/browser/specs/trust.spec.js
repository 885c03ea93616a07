// Nobody changes what is not theirs: a forged link is refused with its reason and the board
// stays as it was; a helper offers help as their own signed record and cannot close someone
// else's ask; the offer travels back to the author in a post link, and the author accepts it.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { PostScreen, becomeAnotherDevice, reload } = require("../pages/circle");
const { ShareScreen, secondPhone, postThroughForm: post, AREAS, boardTitles } = require("../pages/share");
const { words, LANGS } = require("../pages/words");

/** A real post by Rosa whose title was changed after she signed it (tests/trust.rs checks it). */
const FORGED = fs.readFileSync(path.join(__dirname, "../../fixtures/forged-link.txt"), "utf8").trim();
const FORGED_TITLE = "Forged: send your bank details to Eve";

for (const lang of LANGS) {
  test.describe(`trust (${lang})`, () => {
    test.use({ locale: words[lang].locale, permissions: ["clipboard-read", "clipboard-write"] });

    test("a forged link is refused with its reason, and the board is unchanged", async ({ page }) => {
      const w = words[lang];
      const s = w.share;
      await post(page, lang, "ask", { title: "Soup for two", area: AREAS[lang][0], contact: "+1 555 010 0101", handle: "Rosa" });
      const before = await boardTitles(page, lang);

      const share = new ShareScreen(page, lang);
      await share.open();
      await share.pasteLink(FORGED);
      await expect(share.preview).toContainText(s.counts(0, 0, 0));
      const refused = share.preview.getByRole("alert");
      await expect(refused).toContainText(w.refused);
      await expect(refused).toContainText(w.refusedChanged);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `forged-link-${lang}`);
      await share.merge();
      expect(await boardTitles(page, lang)).toEqual(before);
      await reload(page);
      expect(await boardTitles(page, lang)).not.toContain(FORGED_TITLE);
    });

    test("a helper cannot mark another person's ask fulfilled; their offer of help is their own", async ({ page }) => {
      const w = words[lang];
      await post(page, lang, "ask", { title: "Ride to the clinic", area: AREAS[lang][1], contact: "+1 555 010 0102", handle: "Rosa" });
      await becomeAnotherDevice(page);
      const screen = new PostScreen(page, lang);
      for (const name of [w.markDone, w.withdraw, w.reopen]) {
        await expect(screen.button(name)).toHaveCount(0);
      }
      await page.getByRole("textbox", { name: w.handle }).fill("Sam");
      await screen.button(w.iCanHelp).click();
      await expect(screen.notice).toContainText(w.responseSaved);
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await reload(page);
      await expect(page.getByText(w.offered("Rosa"))).toBeVisible();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await expectNoAxeViolations(page);
    });

    test("an offer of help travels back in a post link, and the author accepts it", async ({ page, browser, baseURL, expectedProblems }) => {
      test.setTimeout(90_000);
      const w = words[lang];
      const s = w.share;
      await post(page, lang, "ask", { title: "Nappies, size 3", area: AREAS[lang][2], contact: "+1 555 010 0103", handle: "Rosa" });
      await page.getByText(s.sharePost, { exact: true }).click();
      const link = await page.getByRole("textbox", { name: s.link, exact: true }).inputValue();

      const b = await secondPhone(browser, baseURL, lang, expectedProblems);
      try {
        const helper = new ShareScreen(b.page, lang);
        await helper.board.open();
        await b.page.evaluate((url) => (location.href = url), link);
        await helper.merge();
        // Adding a post from its link stays on the post.
        const seen = new PostScreen(b.page, lang);
        await expect(seen.heading).toHaveText("Nappies, size 3");
        await expect(seen.button(w.markDone)).toHaveCount(0);
        await b.page.getByRole("textbox", { name: w.handle }).fill("Sam");
        await b.page.getByRole("textbox", { name: w.message }).fill("I have a full pack");
        await seen.button(w.iCanHelp).click();
        await expect(seen.notice).toContainText(w.responseSaved);
        await b.page.getByText(s.sharePost, { exact: true }).click();
        const reply = await b.page.getByRole("textbox", { name: s.link, exact: true }).inputValue();
        expect(reply).not.toEqual(link);

        await page.evaluate((url) => (location.href = url), reply);
        const back = new ShareScreen(page, lang);
        await expect(back.preview).toContainText(s.counts(0, 1, 0));
        await back.merge();
        const mine = new PostScreen(page, lang);
        await back.board.open();
        await back.board.card("Nappies, size 3").getByRole("link").click();
        const offers = page.getByRole("region", { name: w.offers });
        await expect(offers).toContainText(w.canHelp("Sam"));
        await expect(offers).toContainText("I have a full pack");
        await mine.button(w.accept("Sam")).click();
        await expect(page.locator(".post-detail .status")).toHaveText(w.statusMatched);
        expect(b.problems).toEqual([]);
      } finally {
        await b.context.close();
      }
    });
  });
}

// A link holds a few posts: the page checks their signatures itself, sooner than a worker would
// start, so a phone that opens links never downloads the signature worker.
test("a link's few signatures are checked on the page: a real post comes in, a forged one is refused, and no worker is fetched", async ({ page, browser, baseURL, expectedProblems }) => {
  const w = words.en;
  const s = w.share;
  await post(page, "en", "ask", { title: "Soup for two", area: AREAS.en[0], contact: "+1 555 010 0101", handle: "Rosa" });
  await page.getByText(s.sharePost, { exact: true }).click();
  const link = await page.getByRole("textbox", { name: s.link, exact: true }).inputValue();

  const b = await secondPhone(browser, baseURL, "en", expectedProblems);
  try {
    const workers = [];
    b.page.on("request", (request) => /verifier/.test(request.url()) && workers.push(request.url()));
    const other = new ShareScreen(b.page, "en");
    await other.open();
    await other.pasteLink(FORGED);
    await expect(other.preview.getByRole("alert")).toContainText(w.refusedChanged);
    await other.cancel();
    await other.pasteLink(link);
    await expect(other.preview).toContainText(s.counts(1, 0, 0));
    await expect(other.preview.getByRole("alert")).toHaveCount(0);
    await other.merge();
    expect(await boardTitles(b.page, "en")).toContain("Soup for two");
    expect(workers).toEqual([]);
    expect(b.problems).toEqual([]);
  } finally {
    await b.context.close();
  }
});
