// Write-back: a group that names an endpoint in config.json gets each new post and status change
// its phones make as a row of its sheet. The endpoint here is backing/Code.gs itself, served on
// 127.0.0.1 (support/backing.js). While it is down, slow or failing, changes wait on the phone,
// through a reload, and go out later; a change sent twice is still one row. In English and
// Spanish.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies } = require("../support/site");
const { startBacking } = require("../support/backing");
const { BoardScreen, NewPostScreen, PostScreen, escape } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

/**
 * A copy of the build whose config.json names `backing` as its write-back endpoint, with the
 * endpoint's origin in the page's Content Security Policy, as the build writes it for an
 * https:// address (`publish::csp`; the build refuses plain http, which only this test uses).
 */
async function groupSite(distDir, baseURL, backing) {
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
  const dir = site.apps[0].dir;
  const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
  fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ ...config, demo_board: null, write_back: { url: backing.url } }));
  for (const page of ["index.html", "404.html"]) {
    const file = path.join(dir, page);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("connect-src 'self'", `connect-src 'self' ${backing.origin}`));
  }
  return { site, url: `${site.origin}${prefix}` };
}

/** A phone on the group's site; requests to the endpoint are the only other origin it may use. */
async function phone(browser, lang, { site, url }, backing, expected = []) {
  const context = await browser.newContext({ ...PHONE, baseURL: url, locale: words[lang].locale, serviceWorkers: "block" });
  const page = await context.newPage();
  // The endpoint being down is what some tests are about.
  const problems = watchProblems(page, site.origin, [new RegExp(escape(backing.origin)), ...expected]);
  return { context, page, problems };
}

/** The changes tab's rows below its header, each as an object by column. */
function sheetRows(backing) {
  const [header, ...rows] = backing.rows();
  return rows.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]])));
}

for (const lang of LANGS) {
  test.describe(`write-back to the group's sheet (${lang})`, () => {
    test("a post made while the sheet is down waits on the phone, through a reload, and goes once it is back", async ({ browser, baseURL, distDir }) => {
      const w = words[lang];
      const backing = await startBacking();
      const { site, url } = await groupSite(distDir, baseURL, backing);
      // Chromium logs each try while the endpoint is down.
      const { context, page, problems } = await phone(browser, lang, { site, url }, backing, [/ERR_CONNECTION_REFUSED/]);
      try {
        const board = new BoardScreen(page, lang);
        await page.goto(url);
        await expect(board.heading).toHaveText(w.boardTitle);
        await backing.stop();

        const form = new NewPostScreen(page, lang);
        const title = `Ride to the pharmacy ${lang}`;
        const postPath = await form.post("ask", form.plain(title));
        await board.open();
        await expect(board.writeBack).toHaveText(w.writeBack.waiting(1, w.writeBack.offline));
        await expectNoAxeViolations(page, `a change waiting for the group's sheet (${lang})`);

        // The change is worked out from the board, so a reload keeps it.
        await page.reload();
        await expect(board.writeBack).toHaveText(w.writeBack.waiting(1, w.writeBack.offline));
        expect(sheetRows(backing)).toEqual([]);

        await backing.start();
        await board.syncNow.click();
        await expect(board.writeBack).toContainText(w.writeBack.sent);
        const rows = sheetRows(backing);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ kind: "post", type: "ask", title, status: "open", by: "Rosa", contact: "call: +15550100100", category: "food" });
        expect(rows[0].link).toBe(`${site.origin}${postPath}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
        await backing.close();
        await site.close();
      }
    });
  });
}

test.describe("write-back to the group's sheet", () => {
  test("an error and a slow answer keep the change waiting; sent again, it is still one row; a status change follows", async ({ browser, baseURL, distDir }) => {
    const w = words.en;
    const backing = await startBacking();
    const { site, url } = await groupSite(distDir, baseURL, backing);
    // Chromium logs each answer of 500.
    const { context, page, problems } = await phone(browser, "en", { site, url }, backing, [/status of 500/]);
    try {
      await page.clock.install();
      const board = new BoardScreen(page, "en");
      await page.goto(url);
      await expect(board.heading).toHaveText(w.boardTitle);

      // The sheet answers 500: nothing is stored, and the change waits.
      backing.behave("error");
      const form = new NewPostScreen(page, "en");
      const title = "=SUM(1,2) bags of groceries";
      const postPath = await form.post("ask", { ...form.plain(title), visibility: w.private });
      await board.open();
      await expect(board.writeBack).toHaveText(w.writeBack.waiting(1, w.writeBack.status(500)));
      expect(sheetRows(backing)).toEqual([]);

      // The sheet stores the change but answers too late: the phone gives up and keeps it.
      backing.behave("slow");
      const asked = backing.requests.length;
      await board.syncNow.click();
      await expect.poll(() => backing.requests.length).toBe(asked + 1);
      await page.clock.runFor(21_000);
      await expect(board.writeBack).toHaveText(w.writeBack.waiting(1, w.syncTimeout));
      expect(sheetRows(backing)).toHaveLength(1);

      // Sent again, the sheet knows it: still one row, and the phone counts it sent.
      backing.behave("ok");
      await board.syncNow.click();
      await expect(board.writeBack).toContainText(w.writeBack.sent);
      const rows = sheetRows(backing);
      expect(rows).toHaveLength(1);
      // A private contact never leaves the phone; a title that looks like a formula stays text.
      expect(rows[0]).toMatchObject({ title: `'${title}`, contact: "" });
      const sentBodies = backing.requests.slice(-2).map((body) => JSON.parse(body).changes.map((change) => change.id));
      expect(sentBodies[0]).toEqual(sentBodies[1]);

      // The author marks it done: that change goes out by itself, as a row of its own.
      const post = new PostScreen(page, "en");
      await post.open(postPath.replace(/^\//, ""));
      await post.button(w.markDone).click();
      await expect.poll(() => sheetRows(backing).map((row) => `${row.kind} ${row.status}`)).toEqual(["post open", "status fulfilled"]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await backing.close();
      await site.close();
    }
  });

  test("an address that is not the sheet's script is named, and nothing counts as sent", async ({ browser, baseURL, distDir }) => {
    const w = words.en;
    const backing = await startBacking();
    const { site, url } = await groupSite(distDir, baseURL, backing);
    const { context, page } = await phone(browser, "en", { site, url }, backing);
    try {
      // What a script not open to anyone answers: a sign-in page.
      await page.route(backing.url, (route) => route.fulfill({ status: 200, contentType: "text/html", headers: { "access-control-allow-origin": "*" }, body: "<!DOCTYPE html><title>Sign in</title>" }));
      const board = new BoardScreen(page, "en");
      await page.goto(url);
      const form = new NewPostScreen(page, "en");
      await form.post("offer", form.plain("Spare winter coats"));
      await board.open();
      await expect(board.writeBack).toHaveText(w.writeBack.waiting(1, w.writeBack.notScript));

      await page.unroute(backing.url);
      await board.syncNow.click();
      await expect(board.writeBack).toContainText(w.writeBack.sent);
      expect(sheetRows(backing).map((row) => row.type)).toEqual(["offer"]);
    } finally {
      await context.close();
      await backing.close();
      await site.close();
    }
  });

  test("the script keeps one row a change however often it is sent, and refuses what is not Circle's", async ({ request }) => {
    const backing = await startBacking();
    try {
      const change = { id: "post-00000000000000aa", kind: "post", title: "@here hostile", at: "2026-12-03T10:00:00Z", quantity: 2 };
      const send = (body) => request.post(backing.url, { data: JSON.stringify(body), headers: { "content-type": "text/plain;charset=utf-8" } });
      const twice = [await send({ circle_write_back: 1, group: "Test", changes: [change] }), await send({ circle_write_back: 1, group: "Test", changes: [change, change] })];
      for (const answer of twice) expect(await answer.json()).toMatchObject({ ok: true });
      expect(sheetRows(backing)).toHaveLength(1);
      expect(sheetRows(backing)[0]).toMatchObject({ id: change.id, title: "'@here hostile", quantity: 2 });

      const refused = await send({ changes: [change] });
      expect(await refused.json()).toMatchObject({ ok: false });
      const badId = await send({ circle_write_back: 1, changes: [{ ...change, id: "=HYPERLINK(1)" }] });
      expect(await badId.json()).toEqual({ ok: true, stored: [] });
      expect(sheetRows(backing)).toHaveLength(1);
    } finally {
      await backing.close();
    }
  });
});
