// "Group members only" links, between three phones of a group with a members' board. Phone A
// holds the group's passphrase: its share screens offer the group link, sealed with the group's
// key, beside the public one (still the default). Phone B, a member too, opens A's link to a
// post whose contact is shared with the group: the public link leaves the contact out, the
// group link carries it, labelled for group members. Phone C has no passphrase: the link says
// it is for group members and how to open it, waits while C types the passphrase in Settings,
// then opens by itself. A link changed on its way is refused by name and changes nothing.
// English and Spanish, axe on each new state.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { PostScreen } = require("../pages/circle");
const { ShareScreen, openFresh, quiet } = require("../pages/share");
const { membersPhones, MembersForm, GROUP_POST, GROUP_CONTACT } = require("../pages/members");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`group members only links (${lang})`, () => {
    test("sealed on a member's phone, opened on another's, waiting on a phone without the passphrase until it is typed; a changed one refused", async ({ browser, baseURL, distDir }) => {
      test.setTimeout(180_000);
      const w = words[lang];
      const s = w.share;
      const group = await membersPhones(browser, distDir, baseURL, lang);
      const phone = group.phone;
      try {
        // Phone A: without the passphrase there is no group link, and the screen says how to
        // get one (the members' board is locked here).
        const a = await phone();
        const shareA = new ShareScreen(a, lang);
        await shareA.open();
        await expect(a.getByText(s.linkGroupOffer)).toBeVisible();
        await expect(shareA.radio(s.linkGroup)).toHaveCount(0);

        // With it, a post's share panel offers it, explained; the public link stays the default.
        await new MembersForm(a, lang).unlock();
        await shareA.board.navLink(w.nav.board).click();
        await shareA.board.card(GROUP_POST).getByRole("link").first().click();
        const post = new PostScreen(a, lang);
        await post.openShare();
        const publicLink = await post.shareLink.inputValue();
        expect(publicLink).toMatch(/#c1\.pp\./);
        await a.getByRole("radio", { name: s.linkGroup, exact: true }).check();
        await expect(a.getByText(s.linkGroupHint)).toBeVisible();
        await expect(post.shareLink).toHaveValue(/#c1\.pk\./);
        const postLink = await post.shareLink.inputValue();
        await expectNoAxeViolations(a, `a post's group link (${lang})`);

        // So does the board's.
        await shareA.open();
        await expect(shareA.radio(s.linkPublic)).toBeChecked();
        expect(await shareA.boardLink()).toMatch(/#c1\.bp\./);
        await shareA.radio(s.linkGroup).check();
        await expect(shareA.link).toHaveValue(/#c1\.bk\./);
        const boardLink = await shareA.link.inputValue();
        await expectNoAxeViolations(a, `the board's group link (${lang})`);
        if (lang === "en") await saveScreenshot(a, "group-link-en");

        // Phone B, a member: the public link leaves the group contact out; the group link
        // opens like any link, labelled for group members, and carries it.
        const b = await phone();
        const shareB = new ShareScreen(b, lang);
        await shareB.open();
        await new MembersForm(b, lang).unlock();
        await openFresh(b, publicLink);
        await expect(shareB.preview).toContainText(GROUP_POST);
        await expect(shareB.preview).not.toContainText(GROUP_CONTACT);
        await expect(shareB.preview).not.toContainText(s.groupLinkLabel);
        await shareB.cancel();
        await b.goto(postLink);
        await expect(shareB.preview).toContainText(s.fromLinkPost);
        await expect(shareB.preview).toContainText(s.groupLinkLabel);
        await expect(shareB.preview).toContainText(GROUP_CONTACT);
        await expectNoAxeViolations(b, `a group link opened by a member (${lang})`);
        await shareB.merge();
        await expect(new PostScreen(b, lang).heading).toHaveText(GROUP_POST);
        await expect(b.getByRole("main")).toContainText(GROUP_CONTACT);

        // A link changed on its way is refused by name, and the board keeps what it had.
        const cards = await boardCount(b, lang);
        const at = Math.floor((boardLink.indexOf("#") + boardLink.length) / 2);
        const changed = boardLink.slice(0, at) + (boardLink[at] === "A" ? "B" : "A") + boardLink.slice(at + 1);
        await openFresh(b, changed);
        const refused = b.getByRole("region", { name: s.errLinkHeading });
        await expect(refused.getByRole("alert")).toContainText(s.errDamaged);
        await expect(refused.getByRole("alert")).toContainText(s.boardUnchanged);
        await expectNoAxeViolations(b, `a changed group link (${lang})`);
        await refused.getByRole("button", { name: s.close, exact: true }).click();
        expect(await boardCount(b, lang)).toBe(cards);

        // Phone C, no passphrase: the board link says it is for group members and how to open
        // it, and opens by itself once the passphrase is typed in Settings.
        const c = await phone();
        const shareC = new ShareScreen(c, lang);
        await shareC.open();
        await openFresh(c, boardLink);
        const locked = c.getByRole("region", { name: s.lockedHeading });
        await expect(locked.getByRole("alert")).toContainText(s.locked);
        await expect(locked.getByRole("alert")).toContainText(s.boardUnchanged);
        await expectNoAxeViolations(c, `a group link on a phone without the passphrase (${lang})`);
        if (lang === "en") await saveScreenshot(c, "group-link-locked-en");
        await locked.getByRole("link", { name: s.unlockInSettings }).click();
        await expect(shareC.board.heading).toHaveText(w.settingsTitle);
        await expect(locked).toBeVisible();
        await new MembersForm(c, lang).unlock({ remember: false });
        await expect(shareC.preview).toContainText(s.fromLinkBoard);
        await expect(shareC.preview).toContainText(s.groupLinkLabel);
        await expect(shareC.preview.getByRole("listitem").filter({ hasText: GROUP_POST })).toHaveCount(1);
        await shareC.merge();
        await shareC.board.navLink(w.nav.board).click();
        await shareC.board.card(GROUP_POST).getByRole("link").first().click();
        await expect(c.getByRole("main")).toContainText(GROUP_CONTACT);

        for (const problems of group.problems()) expect(problems).toEqual([]);
      } finally {
        await group.close();
      }
    });
  });
}

/** How many posts the board shows now. */
async function boardCount(page, lang) {
  const share = new ShareScreen(page, lang);
  await quiet(page);
  await share.board.open();
  return share.board.cards.count();
}
