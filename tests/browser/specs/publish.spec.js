// The round trip of a group's published board: `publish`, run as the deploy workflow runs it
// (scripts/publish-site.sh), turns the group's sheets into its static JSON API and plain HTML
// board beside the app. The app, reading the published api/v1/board.json as its source, shows
// every open post that posts.json lists, and board.html lists them with JavaScript switched off.
// With the group's sheet key, `publish` also signs board.json as a whole (board.json.sig): a
// phone whose settings name the key's public half checks that one signature instead of every
// post's, and a board changed on the host after it was signed is checked post by post, so the
// changed post is refused and the rest still come in; signed again by the group's key, the
// group's word is taken for it.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect, expectNoAxeViolations, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies, setSources, publishSite, shells } = require("../support/site");
const { BoardScreen } = require("../pages/circle");
const { words } = require("../pages/words");

const REPO = path.join(__dirname, "../../..");
const SHEETS = path.join(REPO, "tests/fixtures/sheets");

test("a board published from sheets reads the same in the app and as plain HTML", async ({ browser, baseURL, distDir }) => {
  // `publish` is built by the native tests; the deploy workflow uses its optimised build.
  test.setTimeout(180_000);
  const w = words.en;
  const { site, dir, appUrl } = await servedCopy(distDir, baseURL);
  try {
    fs.copyFileSync(path.join(SHEETS, "google-form-requests.csv"), path.join(dir, "requests.csv"));
    fs.copyFileSync(path.join(SHEETS, "resource-directory.csv"), path.join(dir, "places.csv"));
    setSources(dir, [
      { kind: "csv", url: "requests.csv" },
      { kind: "csv", url: "places.csv", holds: "resources" },
    ]);
    publishSite(dir, appUrl);
    const published = JSON.parse(fs.readFileSync(path.join(dir, "api/v1/posts.json"), "utf8"));
    const titles = published.posts.map((post) => post.title);
    expect(titles.length).toBeGreaterThan(0);

    // The app reads the published board as the group's source.
    setSources(dir, [{ kind: "json", url: "api/v1/board.json", name: "Published board" }]);
    const context = await browser.newContext({ ...PHONE, locale: w.locale });
    const page = await context.newPage();
    const problems = watchProblems(page, site.origin);
    const board = new BoardScreen(page, "en");
    await page.goto(appUrl);
    await expect(board.groupBoard.getByRole("listitem")).toHaveText(/^Published board: \d+ new, 0 updated, read /);
    for (const title of titles) {
      await expect(board.card(title), title).toBeVisible();
    }
    await expectNoAxeViolations(page, "the board read from a published API");
    expect(problems).toEqual([]);
    await context.close();

    // The plain HTML board, as an old phone or a data-saver browser gets it.
    const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const html = await plain.newPage();
    await html.goto(`${appUrl}board.html`);
    for (const title of titles) {
      await expect(html.getByRole("heading", { name: title }).or(html.getByText(title, { exact: true })).first(), title).toBeVisible();
    }
    await plain.close();
    // axe runs as a script, so it checks the same page in a browser that runs scripts.
    const check = await browser.newContext({ ...PHONE });
    const copy = await check.newPage();
    await copy.goto(`${appUrl}board.html`);
    await expectNoAxeViolations(copy, "the plain HTML board");
    await check.close();
  } finally {
    await site.close();
  }
});

// The group's sheet key (a test key: a group keeps its own in its deploy's secrets) and its
// public half, as `config.json` names it.
const SHEET_KEY = "0707070707070707070707070707070707070707070707070707070707070707";

test("a board signed as a whole is read in one check, and one changed on the host after signing is checked post by post", async ({ browser, baseURL, distDir }) => {
  test.setTimeout(180_000);
  const w = words.en;
  const { site, dir, appUrl, prefix } = await servedCopy(distDir, baseURL);
  try {
    fs.copyFileSync(path.join(SHEETS, "google-form-requests.csv"), path.join(dir, "requests.csv"));
    setSources(dir, [{ kind: "csv", url: "requests.csv" }]);
    publishSite(dir, appUrl, { CIRCLE_PUBLISH_SEED: SHEET_KEY });
    const board = path.join(dir, "api/v1/board.json");
    expect(fs.readFileSync(`${board}.sig`, "utf8")).toMatch(/^[0-9a-f]{128}\n$/);
    const titles = JSON.parse(fs.readFileSync(path.join(dir, "api/v1/posts.json"), "utf8")).posts.map((post) => post.title);
    setSources(dir, [{ kind: "json", url: "api/v1/board.json", name: "Published board" }], { publish_key: publicKey(SHEET_KEY) });

    const read = async () => {
      const context = await browser.newContext({ ...PHONE, locale: w.locale });
      const page = await context.newPage();
      const problems = watchProblems(page, site.origin);
      const asked = [];
      page.on("request", (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(appUrl);
      const screen = new BoardScreen(page, "en");
      await expect(screen.groupBoard.getByRole("listitem")).toHaveText(/^Published board: \d+ new, 0 updated, read /);
      return { context, page, screen, problems, asked };
    };

    // Signed and unchanged: every post comes in, nothing is refused, the signature was read.
    const signed = await read();
    for (const title of titles) await expect(signed.screen.card(title), title).toBeVisible();
    await expect(signed.screen.groupBoard).not.toContainText(/signature check/);
    expect(signed.asked).toContain(`${prefix}api/v1/board.json.sig`);
    expect(signed.problems).toEqual([]);
    await signed.context.close();

    // Changed on the host after it was signed: the signature no longer holds, so each post is
    // checked; the one changed is refused and said so, the others come in.
    const [first, ...rest] = titles;
    const text = fs.readFileSync(board, "utf8");
    fs.writeFileSync(board, text.replace(JSON.stringify(first), JSON.stringify(`${first} (send money first)`)));
    const changed = await read();
    await expect(changed.screen.groupBoard).toContainText("1 record failed the signature check and was left out.");
    for (const title of rest) await expect(changed.screen.card(title), title).toBeVisible();
    await expect(changed.page.getByText(`${first} (send money first)`)).toHaveCount(0);
    expect(changed.problems).toEqual([]);
    await changed.context.close();

    // The same file signed again with the group's key (as `publish` would sign what it had
    // checked) is taken at the group's word: one check, and the post as the group published it.
    fs.writeFileSync(`${board}.sig`, signBoard(SHEET_KEY, fs.readFileSync(board)));
    const resigned = await read();
    await expect(resigned.screen.card(`${first} (send money first)`)).toBeVisible();
    await expect(resigned.screen.groupBoard).not.toContainText(/signature check/);
    expect(resigned.problems).toEqual([]);
    await resigned.context.close();
  } finally {
    await site.close();
  }
});

test("a big board not signed as a whole shows the page it lists first while the rest is still being checked, a post changed after publishing is left out, and the signature worker is kept for offline", async ({ browser, baseURL, distDir }) => {
  test.setTimeout(180_000);
  const w = words.en;
  const { site, dir, appUrl, prefix } = await servedCopy(distDir, baseURL);
  try {
    // 1,200 asks from a request form, each signed by `publish` with the group's sheet key; the
    // phone is not told the key, so it checks every post's signature itself.
    fs.writeFileSync(path.join(dir, "requests.csv"), requestSheet(1200));
    setSources(dir, [{ kind: "csv", url: "requests.csv" }]);
    publishSite(dir, appUrl, { CIRCLE_PUBLISH_SEED: SHEET_KEY });
    const newest = JSON.parse(fs.readFileSync(path.join(dir, "api/v1/posts.json"), "utf8")).posts[0].title;
    setSources(dir, [{ kind: "json", url: "api/v1/board.json", name: "Published board" }]);
    // The board.json as a group publishes it by hand: no first view written into the page
    // (with one, the first view stays on screen until the whole board is in).
    fs.copyFileSync(path.join(REPO, distDir, "index.html"), path.join(dir, "index.html"));

    // The page checks its 30 posts itself; the other 1,170 go to the signature workers, which
    // start while the board is read, and wait until the test lets them: the first 1,024 are
    // sent while the gate still lists the rest (src/ui/signatures.rs), the others after.
    // (Two cores, as on CI and on most phones: a worker each.)
    const context = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => 2 }));
    let workers = 0;
    let letThemStart;
    const held = new Promise((resolve) => (letThemStart = resolve));
    await context.route("**/verifier_loader.js", async (route) => {
      workers += 1;
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    const problems = watchProblems(page, site.origin);
    const screen = new BoardScreen(page, "en");
    await page.goto(appUrl);
    await expect(screen.cards.first()).toContainText(newest);
    await expect(page.getByText(w.openAsks(30), { exact: false })).toBeVisible();
    await expect(screen.groupBoard).not.toContainText("Published board:");

    letThemStart();
    await expect(screen.groupBoard.getByRole("listitem")).toHaveText(/^Published board: 1,200 new, 0 updated, read /);
    await expect(page.getByText(w.openAsks("1,200"), { exact: false })).toBeVisible();
    await expect(screen.groupBoard).not.toContainText(/signature check/);
    expect(workers).toBe(2);
    expect(problems).toEqual([]);
    await context.close();

    // One old post changed on the host after publishing: its signature no longer holds. The
    // workers' batch says no, and its halves find that one post. Where no worker can start,
    // the page checks every post itself, with the same verdicts.
    const boardFile = path.join(dir, "api/v1/board.json");
    const published = fs.readFileSync(boardFile, "utf8");
    expect(published).toContain("Ride number 7 to the clinic");
    fs.writeFileSync(boardFile, published.replaceAll("Ride number 7 to the clinic", "Ride number 7 to the casino"));
    for (const workersStart of [true, false]) {
      const phone = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "block" });
      let asked = 0;
      await phone.route("**/verifier_loader.js", (route) => {
        asked += 1;
        return workersStart ? route.continue() : route.abort();
      });
      const tampered = await phone.newPage();
      const blocked = workersStart ? [] : [/verifier_loader\.js/];
      const seen = watchProblems(tampered, site.origin, blocked);
      const board = new BoardScreen(tampered, "en");
      await tampered.goto(appUrl);
      await expect(board.groupBoard.getByRole("listitem")).toHaveText(/^Published board: 1,199 new, 0 updated, read /);
      await expect(board.groupBoard).toContainText(w.syncRefused(1));
      await expect(tampered.getByText(w.openAsks("1,199"), { exact: false })).toBeVisible();
      expect(asked, workersStart ? "the workers checked the rest" : "no worker started").toBeGreaterThan(0);
      expect(seen).toEqual([]);
      await phone.close();
    }

    // A phone with the service worker keeps the signature worker once it has used it, and can
    // start it with the network gone, to check the next board it is handed offline.
    const kept = await browser.newContext({ ...PHONE, locale: w.locale, serviceWorkers: "allow" });
    const keeper = await kept.newPage();
    const keeperBoard = new BoardScreen(keeper, "en");
    await keeper.goto(appUrl);
    await expect(keeperBoard.groupBoard).toContainText(w.syncRefused(1));
    const verifier = ["verifier_loader.js", "verifier.js", "verifier_bg.wasm"].map((file) => `${prefix}${file}`);
    await expect.poll(async () => Object.values(await shells(keeper)).flat()).toEqual(expect.arrayContaining(verifier));
    await expect.poll(() => keeper.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await kept.setOffline(true);
    const said = await keeper.evaluate(
      (loader) =>
        new Promise((resolve) => {
          const worker = new Worker(loader);
          worker.onmessage = (event) => resolve(String(event.data));
          worker.onerror = () => resolve("failed");
        }),
      `${prefix}verifier_loader.js`,
    );
    expect(said, "the kept signature worker starts offline").toBe("ready");
    await kept.close();
  } finally {
    await site.close();
  }
});

/** A request form's responses, under the Google Forms fixture's questions: `rows` asks for a
 * ride, made a second apart yesterday morning. */
function requestSheet(rows) {
  const yesterday = new Date(Date.now() - 86_400_000);
  const day = `${yesterday.getMonth() + 1}/${yesterday.getDate()}/${yesterday.getFullYear()}`;
  const [header] = fs.readFileSync(path.join(SHEETS, "google-form-requests.csv"), "utf8").split(/\r?\n/);
  const lines = [header];
  for (let i = 0; i < rows; i += 1) {
    const time = `8:${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`;
    lines.push(`${day} ${time},Neighbour ${i},No,Rides,Ride number ${i} to the clinic,Within the next few days,1,Riverside South,,+1 555 010 0142,,Call,`);
  }
  return `${lines.join("\n")}\n`;
}

/** A copy of the build served on a port of its own, to publish into. */
async function servedCopy(distDir, baseURL) {
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
  return { site, dir: site.apps[0].dir, appUrl: `${site.origin}${prefix}`, prefix };
}

/** `board.json.sig` for `bytes`, as `publish` writes it (src/model/trust/vouch.rs). */
function signBoard(seedHex, bytes) {
  const digest = require("node:crypto").createHash("sha512").update(bytes).digest();
  const message = Buffer.concat([Buffer.from("circle.published-board.v1\0"), digest]);
  return `${require("node:crypto").sign(null, message, privateKey(seedHex)).toString("hex")}\n`;
}

function privateKey(seedHex) {
  const prefix = Buffer.from("302e020100300506032b657004220420", "hex");
  return require("node:crypto").createPrivateKey({ key: Buffer.concat([prefix, Buffer.from(seedHex, "hex")]), format: "der", type: "pkcs8" });
}

/** The public half of a sheet key (`publish --public-key` prints it too), by node's own Ed25519:
 * src/model/trust/vouch.rs checks that this crate gives the same for the same seed. */
function publicKey(seedHex) {
  return require("node:crypto").createPublicKey(privateKey(seedHex)).export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
}
