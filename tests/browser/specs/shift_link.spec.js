// A shift's link, from the group's workspace to a neighbour's phone and back (issue #12), on two
// phones (two browser contexts): the coordinator adds a shift and shares it; the neighbour opens
// the link on the board page, sees the shift in their language, signs up and sends the answer
// back; the coordinator opens that link and the shift shows the neighbour signed up. Then what
// a neighbour sees of a full shift, and of a cut link. English and Spanish, at phone size, axe
// on each screen.
const { test, expect, expectNoAxeViolations, saveScreenshot } = require("../support/fixtures");
const { words, LANGS } = require("../pages/words");
const { ShiftsScreen } = require("../pages/workspace");
const { ShiftScreen } = require("../pages/shift");
const { ShareScreen, secondPhone, openFresh, quiet } = require("../pages/share");

/** Tomorrow on the device's calendar, as a date field takes it. */
function tomorrow() {
  const day = new Date(Date.now() + 24 * 3_600_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

for (const lang of LANGS) {
  test.describe(`a shift's link (${lang})`, () => {
    test.use({ locale: words[lang].locale, permissions: ["clipboard-read", "clipboard-write"] });

    test("share a shift → a neighbour signs up from the link → sends it back → the shift shows them", async ({ page, browser, baseURL, expectedProblems }) => {
      test.setTimeout(120_000);
      const w = words[lang];
      const s = w.workspace.shifts;
      const task = lang === "en" ? "Restock the fridge" : "Reponer la nevera";
      const coordinator = new ShiftsScreen(page, lang);
      await coordinator.openShifts();
      await coordinator.addShift({ task, day: tomorrow(), time: "09:30", needed: 2 });
      const shared = await coordinator.share(task);
      // "Help needed: Restock the fridge, <when>, <minutes>. Needs 2 more. Sign up from the link:"
      const call = shared.text.split("\n")[0];
      expect(call.startsWith(`${s.shareText(task, 2).split(task)[0]}${task}, `)).toBe(true);
      expect(call).toContain(`${s.gap(2)}.`);
      // The link opens the board page, never the workspace.
      expect(shared.link).toMatch(/\/#c1\.sp\./);
      expect(shared.link).not.toContain("/group/");
      await expect(shared.card.getByRole("img", { name: w.share.qrAlt })).toBeVisible();
      await expectNoAxeViolations(page, `a shift with its share panel (${lang})`);
      await saveScreenshot(page, `shift-link-1-shared-${lang}`);

      const b = await secondPhone(browser, baseURL, lang, expectedProblems);
      // The workspace's own download is never fetched on the neighbour's phone.
      const workspaceFetched = [];
      b.page.on("request", (request) => {
        if (new URL(request.url()).pathname.includes("/group/")) workspaceFetched.push(request.url());
      });
      try {
        // The neighbour taps the link: the board page opens on the shift, before anything is added.
        await openFresh(b.page, shared.link);
        const opened = new ShareScreen(b.page, lang);
        await expect(opened.preview.getByRole("heading", { name: s.fromLink })).toBeVisible();
        await expect(opened.preview.getByRole("heading", { name: task, level: 3 })).toBeVisible();
        await expect(opened.preview).toContainText(s.gap(2));
        await expect(opened.preview).toContainText(s.nobody);
        await expectNoAxeViolations(b.page, `a shift opened from its link (${lang})`);
        await saveScreenshot(b.page, `shift-link-2-opened-${lang}`);
        await opened.preview.getByRole("button", { name: s.signUp(task), exact: true }).click();

        const neighbour = new ShiftScreen(b.page, lang);
        await expect(neighbour.heading).toHaveText(task);
        await expect(neighbour.handle).toBeFocused();
        await neighbour.handle.fill("Sam");
        await neighbour.signUpButton(task).click();
        await expect(neighbour.notice).toContainText(s.signedUpSaved(task));
        await expect(b.page.getByRole("main")).toContainText(s.signedUp("Sam"));
        await expect(b.page.getByRole("main")).toContainText(s.gap(1));
        await expect(neighbour.backOutButton(task)).toBeVisible();
        const answer = await neighbour.answer();
        expect(answer.text.startsWith(s.signUpText("Sam", task))).toBe(true);
        expect(answer.link).not.toBe(shared.link);
        await neighbour.sendBack.getByRole("button", { name: w.copyMessage }).click();
        await expect(neighbour.sendBack.getByText(w.messageCopied)).toBeVisible();
        expect(await b.page.evaluate(() => navigator.clipboard.readText())).toBe(answer.text);
        await expectNoAxeViolations(b.page, `a neighbour's sign-up, waiting to be sent (${lang})`);
        await saveScreenshot(b.page, `shift-link-3-signed-up-${lang}`);
        expect(workspaceFetched).toEqual([]);

        // The coordinator opens the answer: the sign-up arrives on the shift.
        await openFresh(page, answer.link);
        const back = new ShareScreen(page, lang);
        await expect(back.preview).toContainText(s.signedUp("Sam"));
        await expect(back.preview).toContainText(s.gap(1));
        await expect(back.preview.getByRole("alert")).toHaveCount(0);
        await expectNoAxeViolations(page, `a sign-up opened by the coordinator (${lang})`);
        await back.merge();
        await coordinator.openShifts();
        await expect(coordinator.card(task)).toContainText(s.signedUp("Sam"));
        await expect(coordinator.card(task)).toContainText(s.gap(1));

        // A cut answer gets the board's own message, and changes nothing.
        await openFresh(page, answer.link.slice(0, Math.floor(answer.link.length * 0.6)));
        await expect(back.alert).toContainText(w.share.errTruncated);
        expect(b.problems).toEqual([]);
        await quiet(b.page);
      } finally {
        await b.context.close();
      }
    });

    test("a neighbour opening a full shift reads that it has its people, and cannot sign up", async ({ page, browser, baseURL, expectedProblems }) => {
      test.setTimeout(90_000);
      const w = words[lang];
      const s = w.workspace.shifts;
      const task = lang === "en" ? "Sort the donations" : "Ordenar las donaciones";
      const coordinator = new ShiftsScreen(page, lang);
      await coordinator.openShifts();
      await coordinator.addShift({ task, day: tomorrow(), time: "14:00", needed: 1 });
      await page.getByRole("textbox", { name: w.workspace.handle }).fill("Ana");
      await page.getByRole("button", { name: s.signUp(task) }).click();
      await expect(coordinator.card(task)).toContainText(s.full(1));
      const { link } = await coordinator.share(task);

      const b = await secondPhone(browser, baseURL, lang, expectedProblems);
      try {
        await openFresh(b.page, link);
        const opened = new ShareScreen(b.page, lang);
        await expect(opened.preview).toContainText(s.takesNoMore);
        await expect(opened.preview).toContainText(s.signedUp("Ana"));
        await expect(opened.preview.getByRole("button", { name: s.signUp(task) })).toHaveCount(0);
        await opened.merge();
        const neighbour = new ShiftScreen(b.page, lang);
        await expect(neighbour.heading).toHaveText(task);
        await expect(b.page.getByRole("main")).toContainText(s.takesNoMore);
        await expect(neighbour.signUpButton(task)).toHaveCount(0);
        await expectNoAxeViolations(b.page, `a full shift on a neighbour's phone (${lang})`);
        expect(b.problems).toEqual([]);
        await quiet(b.page);
      } finally {
        await b.context.close();
      }
    });
  });
}
