// A group with a members' board (`publish` with CIRCLE_GROUP_PASSPHRASE writes
// api/v1/board.enc.json; the fixture is one it wrote), served from a copy of the build whose
// config.json names it as its one source, and the Settings form that unlocks it.
const fs = require("node:fs");
const path = require("node:path");
const { expect, watchProblems } = require("../support/fixtures");
const { PHONE } = require("../support/browser");
const { serveCopies } = require("../support/site");
const { BoardScreen } = require("./circle");
const { words } = require("./words");

const FIXTURE = path.join(__dirname, "../../fixtures/board.enc.json");
const PASSPHRASE = "river mint 42";
const SOURCE = "Members' board";
// A post of the members' board whose contact is shared with the group only.
const GROUP_POST = "Weekly veg box, can deliver";
const GROUP_CONTACT = "@jose.veg";
// How many posts the members' board holds.
const MEMBERS_POSTS = 12;

/** A copy of the build whose config.json names the members' board as its one source. */
async function membersSite(distDir, baseURL) {
  const prefix = new URL(baseURL).pathname;
  const site = await serveCopies([{ build: distDir, builtFor: prefix }]);
  const dir = site.apps[0].dir;
  const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
  const sources = [{ kind: "json", url: "api/v1/board.enc.json", name: SOURCE }];
  fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify({ ...config, demo_board: null, sources }));
  fs.mkdirSync(path.join(dir, "api/v1"), { recursive: true });
  fs.copyFileSync(FIXTURE, path.join(dir, "api/v1/board.enc.json"));
  return { site, url: `${site.origin}${prefix}`, dir };
}

/**
 * Phones of one group with a members' board, for specs that pass things between members and
 * others: each `phone()` is a browser context of its own (its own storage) on the members' site,
 * in `lang`, its console errors and failed or third-party requests watched. `problems()` lists
 * each phone's; `close()` closes every phone and the site.
 */
async function membersPhones(browser, distDir, baseURL, lang) {
  const { site, url } = await membersSite(distDir, baseURL);
  const phones = [];
  return {
    async phone() {
      const context = await browser.newContext({ ...PHONE, baseURL: url, locale: words[lang].locale, serviceWorkers: "block" });
      const page = await context.newPage();
      phones.push({ context, problems: watchProblems(page, site.origin) });
      return page;
    },
    problems: () => phones.map(({ problems }) => problems),
    async close() {
      for (const { context } of phones) await context.close();
      await site.close();
    },
  };
}

/** "The members' board" in Settings, on a phone showing the app in `lang`. */
class MembersForm {
  constructor(page, lang) {
    this.page = page;
    this.w = words[lang];
    this.m = words[lang].members;
    this.board = new BoardScreen(page, lang);
  }

  get passphrase() {
    return this.page.getByLabel(this.m.passphrase);
  }

  get open() {
    return this.page.getByRole("button", { name: this.m.open, exact: true });
  }

  /**
   * Types the passphrase in Settings (reached from the menu), remembered on the phone unless
   * `remember` is false, and waits until it opened the board.
   */
  async unlock({ remember = true } = {}) {
    await this.board.navLink(this.w.nav.settings).click();
    await this.passphrase.fill(PASSPHRASE);
    if (remember) await this.page.getByRole("checkbox", { name: this.m.remember }).check();
    await this.open.click();
    await expect(this.page.getByText(this.m.isOpen)).toBeVisible();
  }
}

module.exports = { membersSite, membersPhones, MembersForm, FIXTURE, PASSPHRASE, SOURCE, GROUP_POST, GROUP_CONTACT, MEMBERS_POSTS };
