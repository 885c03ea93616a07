// Board files for group members, between three phones of a group with a members' board. Before
// phone A holds the group's passphrase, its group file says plainly that it is not locked. Once
// A holds it, the group file is locked with the group's key: nothing of the board shows in it.
// Phone B, a member, opens it like any file, labelled for group members, contacts shared with
// the group included. Phone C has no passphrase: the file is refused by name, and so are a
// damaged copy, one locked by another key and one locked by a newer Circle on B; each leaves the
// board as it was. A board
// too long for a link offers the same locked file. English and Spanish, axe on each new state.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { PostScreen } = require("../pages/circle");
const { ShareScreen, quiet } = require("../pages/share");
const { seedBoard } = require("../pages/seed");
const { membersPhones, MembersForm, GROUP_POST, GROUP_CONTACT, MEMBERS_POSTS } = require("../pages/members");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`group members' board files (${lang})`, () => {
    test("locked on a member's phone, opened on another's, refused without the key, damaged or by another key", async ({ browser, baseURL, distDir }) => {
      test.setTimeout(180_000);
      const w = words[lang];
      const s = w.share;
      const group = await membersPhones(browser, distDir, baseURL, lang);
      const phone = async () => {
        const page = await group.phone();
        return { page, share: new ShareScreen(page, lang) };
      };
      const importFile = (share, file) =>
        share.fileInput.setInputFiles({ name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
      try {
        // Phone A without the passphrase: a group file would go out unlocked, and says so.
        const a = await phone();
        await a.share.open();
        await a.share.radio(s.fileGroup).check();
        await expect(a.page.getByText(s.fileGroupUnlocked)).toBeVisible();
        await expect(a.page.getByText(s.fileGroupLocked)).toHaveCount(0);

        // With it, the group file is locked: a members' board file, with no post in sight.
        await new MembersForm(a.page, lang).unlock();
        await a.share.open();
        await a.share.radio(s.fileGroup).check();
        await expect(a.page.getByText(s.fileGroupLocked)).toBeVisible();
        await expect(a.page.getByText(s.fileGroupUnlocked)).toHaveCount(0);
        await expectNoAxeViolations(a.page, `the group file's choice on a member's phone (${lang})`);
        const file = await a.share.download(s.saveBoardFile);
        expect(file.name).toMatch(/^circle-board-\d{4}-\d{2}-\d{2}-group\.json$/);
        expect(JSON.parse(file.text).circle).toBe("encrypted-board");
        expect(file.text).not.toContain(GROUP_POST);
        expect(file.text).not.toContain(GROUP_CONTACT);

        // Phone B, a member: the file opens, labelled for group members, and carries the
        // contact shared with the group.
        const b = await phone();
        await b.share.open();
        await new MembersForm(b.page, lang).unlock();
        await b.share.open();
        await importFile(b.share, file);
        await expect(b.share.preview).toContainText(s.groupFileLabel);
        await expect(b.share.preview).toContainText(s.counts(0, 0, MEMBERS_POSTS));
        await expect(b.share.preview.getByRole("listitem").filter({ hasText: GROUP_POST })).toHaveCount(1);
        await expectNoAxeViolations(b.page, `a locked file opened by a member (${lang})`);
        await b.share.cancel();

        // A damaged copy, one locked by another key (another group's, or an old passphrase's)
        // and one locked by a newer Circle are refused by name; the board keeps what it had.
        const cards = await boardCount(b.share);
        const sealed = JSON.parse(file.text);
        const at = Math.floor(sealed.ciphertext.length / 2);
        const damaged = { ...sealed, ciphertext: sealed.ciphertext.slice(0, at) + (sealed.ciphertext[at] === "A" ? "B" : "A") + sealed.ciphertext.slice(at + 1) };
        const otherKey = { ...sealed, check: "0".repeat(sealed.check.length) };
        const newer = { ...sealed, version: sealed.version + 1 };
        for (const [changed, message] of [[damaged, s.errFileLockedDamaged], [otherKey, s.errFileWrongKey], [newer, s.errFileLockedNewer]]) {
          await b.share.open();
          await importFile(b.share, { name: file.name, text: JSON.stringify(changed) });
          await expect(b.share.alert).toContainText(message);
          await expect(b.share.preview).toHaveCount(0);
        }
        await expectNoAxeViolations(b.page, `a locked file another key locked (${lang})`);
        expect(await boardCount(b.share)).toBe(cards);

        // Phone C, no passphrase: refused, saying how to open it; nothing added.
        const c = await phone();
        await c.share.open();
        const before = await boardCount(c.share);
        await c.share.open();
        await importFile(c.share, file);
        await expect(c.share.alert).toContainText(s.errFileLocked);
        await expect(c.share.preview).toHaveCount(0);
        await expectNoAxeViolations(c.page, `a locked file on a phone without the passphrase (${lang})`);
        expect(await boardCount(c.share)).toBe(before);
        // Once the passphrase is typed, the same file opens and merges.
        await new MembersForm(c.page, lang).unlock();
        await c.share.open();
        await importFile(c.share, file);
        await expect(c.share.preview).toContainText(s.groupFileLabel);
        await c.share.merge();
        await c.share.board.open();
        await c.share.board.card(GROUP_POST).getByRole("link").first().click();
        await expect(new PostScreen(c.page, lang).heading).toHaveText(GROUP_POST);
        await expect(c.page.getByRole("main")).toContainText(GROUP_CONTACT);

        // On A, a board too long for a link offers the file for the link's audience: for
        // group members, locked.
        await seedBoard(a.page, lang, 300, (i) => ({ details: `Bring ${i * 7919} bags to door ${i * 104729}` }));
        await a.share.open();
        await a.share.radio(s.linkGroup).check();
        await expect(a.page.getByText(s.linkLong)).toBeVisible();
        const long = await a.share.download(a.share.button(s.saveBoardFile).first());
        expect(long.name).toMatch(/-group\.json$/);
        expect(JSON.parse(long.text).circle).toBe("encrypted-board");
        expect(long.text).not.toContain("Post number");
        await c.share.open();
        await importFile(c.share, long);
        await expect(c.share.preview).toContainText(s.groupFileLabel);
        // 300 seeded, and the members' board's records if A's sync brought them back meanwhile.
        await expect(c.share.preview).toContainText(new RegExp(`${s.counts(300, 0, 0)}|${s.counts(300, 0, MEMBERS_POSTS)}`));

        for (const problems of group.problems()) expect(problems).toEqual([]);
      } finally {
        await group.close();
      }
    });
  });
}

/** How many posts the board shows now. */
async function boardCount(share) {
  await quiet(share.page);
  await share.board.open();
  return share.board.cards.count();
}
