// The Share & sync screen, the preview a link or file opens, and a second phone to send things
// to. Controls are found by role and accessible name, as a screen reader announces them.
const { expect, watchProblems, withoutDemoBoard } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { BoardScreen, NewPostScreen, escape } = require("./circle");
const { words } = require("./words");

class ShareScreen {
  constructor(page, lang) {
    watchRequests(page);
    this.page = page;
    this.lang = lang;
    this.w = words[lang];
    this.s = words[lang].share;
    this.board = new BoardScreen(page, lang);
  }

  async open() {
    await quiet(this.page);
    await this.board.open("share");
    await expect(this.board.heading).toHaveText(this.w.shareTitle);
  }

  /** The read-only box holding the whole-board link (or, on a post, the post's link). */
  get link() {
    return this.page.getByRole("textbox", { name: this.s.link, exact: true });
  }

  async boardLink() {
    await expect(this.link).toHaveValue(/#c1\./);
    return this.link.inputValue();
  }

  button(name) {
    return this.page.getByRole("button", { name, exact: true });
  }

  radio(name) {
    return this.page.getByRole("radio", { name, exact: true });
  }

  get qr() {
    return this.page.getByRole("img", { name: this.s.qrAlt });
  }

  get fileInput() {
    return this.page.getByLabel(this.s.chooseFile);
  }

  get dropZone() {
    return this.page.getByRole("group", { name: this.s.dropFile });
  }

  get pasteBox() {
    return this.page.getByRole("textbox", { name: this.s.pasteLink });
  }

  /** The preview a link or file opens, before anything is merged (a post or shift link names itself). */
  get preview() {
    const names = [this.s.previewHeading, this.s.fromLinkPost, this.s.fromLinkShift].map(escape).join("|");
    const name = new RegExp(`^(${names})$`);
    return this.page.getByRole("region", { name });
  }

  get alert() {
    return this.page.getByRole("alert").filter({ hasText: this.s.boardUnchanged });
  }

  /** Clicks a save button (by name, or a locator) and returns the download's name and text. */
  async download(button) {
    const control = typeof button === "string" ? this.button(button) : button;
    const [download] = await Promise.all([this.page.waitForEvent("download"), control.click()]);
    return { name: download.suggestedFilename(), text: require("node:fs").readFileSync(await download.path(), "utf8") };
  }

  async pasteLink(text) {
    await this.pasteBox.fill(text);
    await this.button(this.s.openLink).click();
  }

  /** Drops a file on the drop zone the way a browser does: a `drop` event carrying it. */
  async dropFile(name, bytes) {
    await this.dropZone.evaluate(
      (zone, { name, bytes }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: "application/json" }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, bytes: [...bytes] },
    );
  }

  async merge() {
    await this.preview.getByRole("button", { name: this.s.merge, exact: true }).click();
    await expect(this.preview).toHaveCount(0);
  }

  async cancel() {
    await this.preview.getByRole("button", { name: this.s.cancel, exact: true }).click();
    await expect(this.preview).toHaveCount(0);
  }
}

/**
 * Posts an ask or offer through the form and waits for its screen. `fields` names title, area
 * (a label from the group's list), contact and handle; `visibility` is "public" or
 * "private". Category and method are fixed: these specs are about where posts travel.
 */
async function postThroughForm(page, lang, kind, fields, visibility = "public") {
  const w = words[lang];
  await quiet(page);
  const form = new NewPostScreen(page, lang);
  await form.open(kind === "ask" ? "new/ask" : "new/offer");
  // The group's areas come with its settings and turn the area box into a list.
  await expect(page.getByRole("combobox", { name: new RegExp(`^${w.area}`) })).toBeVisible();
  await form.fillRequired({ ...fields, category: w.categoryFood, method: w.methodCall, visibility: w[visibility] });
  await form.submit(kind);
  await expect(form.heading).toHaveText(fields.title);
}

/**
 * Posts an ask titled `title` from inside the app (its own menu, no page load), as a person in
 * an open tab would, and waits for its screen.
 */
async function postInApp(page, lang, title) {
  const w = words[lang];
  const form = new NewPostScreen(page, lang);
  await form.navLink(w.nav.newAsk).click();
  await expect(page.getByRole("combobox", { name: new RegExp(`^${w.area}`) })).toBeVisible();
  await form.fillRequired({ ...form.plain(title), area: AREAS[lang][0] });
  await form.submit("ask");
  await expect(form.heading).toHaveText(title);
}

/** One of the group's areas (public/config.json), by its label in `lang`. */
const AREAS = {
  en: ["Riverside North", "Riverside South", "Old Market"],
  es: ["Riverside Norte", "Riverside Sur", "Mercado Viejo"],
};

/**
 * A second phone: its own browser context (its own storage), as phone-sized as the first.
 * Its console errors, failed requests and third-party requests are collected in `problems`
 * for the test to check, by the harness's own watcher and with the same exceptions
 * (`expectedProblems`).
 */
async function secondPhone(browser, baseURL, lang, expectedProblems = []) {
  const context = await browser.newContext({
    ...PHONE,
    baseURL,
    locale: words[lang].locale,
    serviceWorkers: "block",
    permissions: ["clipboard-read", "clipboard-write"],
  });
  // As the harness does for the first phone: no demo board, so both start empty.
  await withoutDemoBoard(context);
  const page = await context.newPage();
  watchRequests(page);
  const problems = watchProblems(page, baseURL, expectedProblems);
  return { context, page, problems };
}

/** The titles of the posts on the board, sorted. */
async function boardTitles(page, lang) {
  await quiet(page);
  const board = new BoardScreen(page, lang);
  await board.open();
  return (await board.cards.getByRole("heading").allTextContents()).map((title) => title.trim()).sort();
}

/** Opens `url` as a fresh start of the app (not a same-page fragment change). */
async function openFresh(page, url) {
  await quiet(page);
  await page.goto("about:blank");
  await page.goto(url);
}

/**
 * Counts this page's requests in flight. The browser asks for the icon again after in-page
 * navigations, so "the page has loaded" is not enough before leaving it: see `quiet`.
 */
function watchRequests(page) {
  if (page.circleInFlight) return;
  const inFlight = new Set();
  page.on("request", (request) => inFlight.add(request));
  page.on("requestfinished", (request) => inFlight.delete(request));
  page.on("requestfailed", (request) => inFlight.delete(request));
  page.circleInFlight = inFlight;
}

/** Waits until nothing has been in flight for a moment, so leaving aborts no request. */
async function quiet(page) {
  watchRequests(page);
  for (let calm = 0; calm < 3; ) {
    await page.waitForTimeout(100);
    calm = page.circleInFlight.size === 0 ? calm + 1 : 0;
  }
}

module.exports = { ShareScreen, secondPhone, postThroughForm, postInApp, AREAS, boardTitles, openFresh, quiet, watchRequests };
