// Page objects for Circle's screens. Every control is found by its role and accessible name,
// as a screen reader announces it, in the language the test runs in.
const { expect } = require("../support/fixtures");
const { words } = require("./words");

/** Fills a labelled control whatever it turned out to be: a drop-down or a text box. */
async function fillOrSelect(control, value) {
  const tag = await control.evaluate((element) => element.tagName);
  if (tag === "SELECT") await control.selectOption({ label: value });
  else await control.fill(value);
}

class Screen {
  constructor(page, lang) {
    this.page = page;
    this.lang = lang;
    this.w = words[lang];
  }

  /** Opens an app path relative to where the app is published ("" is the board). */
  async open(path = "") {
    // The group's settings arrive just after start-up and may turn a text box into a list, so
    // the screen counts as open once the page has settled.
    await visit(this.page, path);
  }

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  navLink(name) {
    return this.page.getByRole("navigation", { name: this.w.mainNav }).getByRole("link", { name, exact: true });
  }

  /** The live region that announces what an action did. */
  get notice() {
    return this.page.getByRole("status");
  }
}

class BoardScreen extends Screen {
  get search() {
    return this.page.getByRole("searchbox", { name: this.w.search });
  }

  get kind() {
    return this.page.getByLabel(this.w.kind);
  }

  get list() {
    return this.page.getByRole("list", { name: /^(Posts|Publicaciones)$/ });
  }

  get cards() {
    return this.list.getByRole("listitem");
  }

  card(title) {
    return this.cards.filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  /** The group's board: a line for each of its sources, and "Sync now". */
  get groupBoard() {
    return this.page.getByRole("region", { name: this.w.groupBoard });
  }

  get syncNow() {
    return this.groupBoard.getByRole("button", { name: this.w.syncNow });
  }

  /** Where this phone's changes for the group's sheet stand (write-back). */
  get writeBack() {
    return this.groupBoard.getByRole("status");
  }

  async openFilters() {
    const summary = this.page.getByText(this.w.filters, { exact: true });
    const details = this.page.locator("details.more");
    if (!(await details.evaluate((element) => element.open))) await summary.click();
  }

  /** Chooses `option` (its label or value) in the filter labelled `label`. */
  async filter(label, option) {
    await this.openFilters();
    await this.page.getByLabel(label, { exact: true }).selectOption(option);
  }
}

class NewPostScreen extends Screen {
  field(label) {
    return this.page.getByLabel(label);
  }

  /**
   * Fills the required questions. `post` names title, category, area, method, contact,
   * visibility (the radio's label) and handle; any left out stay as they are.
   */
  async fillRequired(post) {
    const w = this.w;
    const what = this.page.getByRole("textbox", { name: new RegExp(`^(${escape(w.whatAsk)}|${escape(w.whatOffer)})`) });
    if (post.title !== undefined) await what.fill(post.title);
    if (post.category !== undefined) await this.page.getByRole("combobox", { name: new RegExp(`^${w.category}`) }).selectOption({ label: post.category });
    if (post.area !== undefined) await fillOrSelect(this.page.getByLabel(new RegExp(`^${w.area}`)), post.area);
    if (post.method !== undefined) await this.page.getByRole("combobox", { name: new RegExp(`^${escape(w.method)}`) }).selectOption({ label: post.method });
    if (post.contact !== undefined) await this.page.getByRole("textbox", { name: new RegExp(`^${w.contact}`) }).fill(post.contact);
    if (post.visibility !== undefined) await this.page.getByRole("radio", { name: post.visibility }).check();
    if (post.handle !== undefined) await this.page.getByRole("textbox", { name: new RegExp(`^${w.handle}`) }).fill(post.handle);
  }

  async openMore() {
    const details = this.page.locator("form details.more");
    if (!(await details.evaluate((element) => element.open))) await this.page.getByText(this.w.more, { exact: true }).click();
  }

  async submit(kind = "ask") {
    await this.page.getByRole("button", { name: kind === "ask" ? this.w.submitAsk : this.w.submitOffer }).click();
  }

  /** The answers of a plain public post by Rosa in Hillcrest, titled `title`. */
  plain(title) {
    const w = this.w;
    return { title, category: w.categoryFood, area: "Hillcrest", method: w.methodCall, contact: "+1 555 010 0100", visibility: w.public, handle: "Rosa" };
  }

  /** Posts a complete ask or offer and waits for its detail screen; returns the post's path. */
  async post(kind, post) {
    await this.open(kind === "ask" ? "new/ask" : "new/offer");
    await this.fillRequired(post);
    await this.submit(kind);
    await expect(this.heading).toHaveText(post.title);
    return new URL(this.page.url()).pathname;
  }
}

class PostScreen extends Screen {
  get respond() {
    return this.page.getByRole("region", { name: this.w.respond });
  }

  get history() {
    return this.page.getByRole("region", { name: this.w.history });
  }

  button(name) {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** The post's status as its card top shows it (Open, Matched, Fulfilled…). */
  get status() {
    return this.page.locator(".post-detail .status");
  }

  /** The link in the post's share panel. */
  get shareLink() {
    return this.page.getByRole("textbox", { name: this.w.share.link, exact: true });
  }

  /** Unfolds "Share this post" unless it is open already (it stays open while the post changes). */
  async openShare() {
    const summary = this.page.getByText(this.w.share.sharePost, { exact: true });
    const panel = this.page.getByRole("group").filter({ has: summary });
    if (!(await panel.evaluate((details) => details.open))) await summary.click();
    await expect(this.shareLink).toBeVisible();
  }
}

class SettingsScreen extends Screen {
  get handle() {
    return this.page.getByRole("textbox", { name: this.w.handle });
  }

  get language() {
    return this.page.getByRole("combobox", { name: this.w.language });
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Per page: the requests in flight, and whether this document has asked for its icon yet. */
const traffic = new WeakMap();

function watchTraffic(page) {
  if (!traffic.has(page)) {
    const state = { pending: new Set(), iconAsked: false };
    page.on("load", () => (state.iconAsked = false));
    page.on("request", (request) => {
      if (request.url().endsWith("/icons/icon.svg")) state.iconAsked = true;
      state.pending.add(request);
    });
    page.on("requestfinished", (request) => state.pending.delete(request));
    page.on("requestfailed", (request) => state.pending.delete(request));
    traffic.set(page, state);
  }
  return traffic.get(page);
}

/** How long the page must make no request before it counts as settled. */
const QUIET_MS = 150;

/**
 * Waits until the page has finished loading everything it asked for (the app's wasm, the group's
 * settings, the sources they name, and the icon Chromium fetches by itself shortly after a load),
 * so that leaving the page or ending the test does not abort a request the harness rightly
 * reports. "networkidle" alone is not enough on a busy machine: it can fire while the wasm is
 * still starting, before the app asks for the group's settings, and then it never waits again.
 * So this also waits until no request the page made is on its way, for QUIET_MS in a row.
 */
async function settle(page) {
  const state = watchTraffic(page);
  if (page.url() === "about:blank") return;
  await page.waitForLoadState("networkidle");
  let quietSince = Date.now();
  // Chromium asks for the icon within a second of a load, or not at all (it may have it).
  for (let tries = 0; tries < 200; tries += 1) {
    const iconDue = !state.iconAsked && tries < 20;
    if (state.pending.size > 0 || iconDue) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Waits until the app has replaced the loading page and shows a screen. The loading page has a
 * level-one heading of its own, so a heading alone does not say the app has started.
 */
async function appStarted(page) {
  await expect(new LoadingScreen(page).note).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Runs a full page load and waits until the app shows a screen and the page settles. */
async function fullLoad(page, load) {
  await settle(page);
  await load();
  await appStarted(page);
  await settle(page);
}

/** Reloads the page once it has settled, and waits until the app is back and settled. */
async function reload(page) {
  await fullLoad(page, () => page.reload());
}

/** Opens an app path once the page has settled, and waits until the new screen settles. */
async function visit(page, path) {
  await fullLoad(page, () => page.goto(path));
}

/**
 * index.html before the app starts: the bilingual note while it downloads, and the message
 * that replaces it when the app cannot start.
 */
class LoadingScreen {
  constructor(page) {
    this.note = page.getByRole("status").filter({ hasText: "Loading… · Cargando…" });
    this.failure = page.getByRole("alert");
  }
}

/** What makes a browser an author: its device id and its author key (the key signs posts). */
const IDENTITY = ["circle.device", "circle.author-key", "circle.clock"];

/**
 * Makes this browser a different device with its own author key: the same board, but none of
 * its posts are "mine". Returns the identity it had, for `becomeDeviceAgain`.
 */
async function becomeAnotherDevice(page) {
  const saved = await page.evaluate((keys) => {
    const before = Object.fromEntries(keys.map((key) => [key, localStorage.getItem(key)]));
    localStorage.setItem("circle.device", "12345");
    localStorage.removeItem("circle.author-key");
    return before;
  }, IDENTITY);
  await reload(page);
  return saved;
}

/** Turns this browser back into the device `becomeAnotherDevice` left, board kept. */
async function becomeDeviceAgain(page, saved) {
  await page.evaluate((identity) => {
    for (const [key, value] of Object.entries(identity)) {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    }
  }, saved);
  await reload(page);
}

module.exports = { BoardScreen, LoadingScreen, appStarted, NewPostScreen, PostScreen, SettingsScreen, becomeAnotherDevice, becomeDeviceAgain, escape, settle, reload, visit };
