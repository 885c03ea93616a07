// Page objects for the group's workspace (group/index.html): the overview, matching and the
// needs report. Controls are found by role and accessible name, in the test's language.
const { expect } = require("../support/fixtures");
const { words } = require("./words");
const { escape, visit } = require("./circle");

class WorkspaceScreen {
  constructor(page, lang) {
    this.page = page;
    this.lang = lang;
    this.w = words[lang].workspace;
  }

  /** Opens a workspace path ("" is the overview), as a deep link would. */
  async open(path = "") {
    await visit(this.page, `group/${path}`);
  }

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  navLink(name) {
    return this.page.getByRole("navigation", { name: this.w.nav }).getByRole("link", { name, exact: true });
  }

  /** The plain link from the workspace back to the board page. */
  get boardLink() {
    return this.page.getByRole("banner").getByRole("link", { name: this.w.board, exact: true });
  }

  get notice() {
    return this.page.getByRole("status");
  }
}

class MatchingScreen extends WorkspaceScreen {
  get asks() {
    return this.page.getByRole("list", { name: this.w.unmatched }).getByRole("listitem").filter({
      has: this.page.getByRole("heading", { level: 2 }),
    });
  }

  ask(title) {
    return this.asks.filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }

  suggestions(title) {
    return this.page.getByRole("list", { name: this.w.suggestionsFor(title) }).getByRole("listitem");
  }

  matchButton(ask, partner) {
    return this.page.getByRole("button", { name: this.w.matchWith(ask, partner), exact: true });
  }

  get handle() {
    return this.page.getByRole("textbox", { name: this.w.handle });
  }
}

class ReportScreen extends WorkspaceScreen {
  /** The figure beside a total's name ("Asks", "Share fulfilled"). */
  total(name) {
    const term = this.page.getByRole("term").getByText(name, { exact: true });
    return this.page.locator(".totals > div").filter({ has: term }).getByRole("definition");
  }

  section(name) {
    return this.page.getByRole("region", { name });
  }

  /** A table's rows as arrays of cell texts, the header row first. */
  async table(sectionName) {
    const rows = this.section(sectionName).getByRole("table").getByRole("row");
    await expect(rows.first()).toBeVisible();
    return rows.evaluateAll((all) => all.map((row) => [...row.children].map((cell) => cell.textContent.trim())));
  }

  async download() {
    const button = this.page.getByRole("button", { name: this.w.saveCsv });
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return { name: download.suggestedFilename(), text: require("node:fs").readFileSync(await download.path(), "utf8") };
  }
}

class RoundsScreen extends WorkspaceScreen {
  get r() {
    return this.w.rounds;
  }

  round(listName) {
    return this.page.getByRole("list", { name: this.r.round(listName) }).getByRole("listitem");
  }

  person(listName, name) {
    return this.round(listName).filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  button(name) {
    return this.page.getByRole("button", { name, exact: true });
  }

  async startList(name) {
    await this.page.getByRole("textbox", { name: this.r.listName }).fill(name);
    await this.button(this.r.startList).click();
    await expect(this.notice).toContainText(this.r.started(name));
  }

  /** Adds a person through the list's form; `phone` and `volunteer` may be left out. */
  async addPerson(listName, { name, phone, cadence, volunteer }) {
    await this.button(this.r.addPerson(listName)).click();
    const form = this.page.locator("form.person-form");
    await form.getByRole("textbox", { name: this.r.personName }).fill(name);
    if (phone) {
      await form.getByRole("radio", { name: this.r.call, exact: true }).check();
      await form.getByRole("textbox", { name: this.r.reachValue }).fill(phone);
    }
    await form.getByRole("radio", { name: cadence, exact: true }).check();
    if (volunteer) await form.getByRole("textbox", { name: this.r.volunteer }).fill(volunteer);
    await form.getByRole("button", { name: this.r.addToList }).click();
  }

  async checkIn(name, outcome, by) {
    await this.button(this.r.record(name)).click();
    const form = this.page.locator("form.check-in-form");
    await form.getByRole("radio", { name: outcome, exact: true }).check();
    await form.getByRole("textbox", { name: this.r.by }).fill(by);
    await form.getByRole("button", { name: this.r.save }).click();
    await expect(this.notice).toContainText(this.r.saved(name));
  }

  /** Records that `name` needs something; the check-in waits for the ask written next. */
  async needsSomething(name, by) {
    await this.button(this.r.record(name)).click();
    const form = this.page.locator("form.check-in-form");
    await form.getByRole("radio", { name: this.r.needsSomething, exact: true }).check();
    await form.getByRole("textbox", { name: this.r.by }).fill(by);
    await form.getByRole("button", { name: this.r.save }).click();
  }

  /** The step that writes the ask for `name`. */
  askFor(name) {
    return this.page.getByRole("region", { name: this.r.postAskFor(name) });
  }

  /** Writes the ask for `name` with the board's post form (`post` as `Screen.fillRequired`). */
  async writeAsk(name, post) {
    const b = words[this.lang];
    const step = this.askFor(name);
    await step.getByRole("textbox", { name: new RegExp(`^${escape(b.whatAsk)}`) }).fill(post.title);
    await step.getByRole("combobox", { name: new RegExp(`^${b.category}`) }).selectOption({ label: post.category });
    await step.getByRole("combobox", { name: new RegExp(`^${b.area}`) }).selectOption({ label: post.area });
    await step.getByRole("combobox", { name: new RegExp(`^${escape(b.method)}`) }).selectOption({ label: post.method });
    await step.getByRole("textbox", { name: new RegExp(`^${b.contact}`) }).fill(post.contact);
    await step.getByRole("radio", { name: post.visibility }).check();
    await step.getByRole("textbox", { name: new RegExp(`^${b.handle}`) }).fill(post.handle);
    await step.getByRole("button", { name: this.r.submitAskFor }).click();
  }

  /** The asks listed on `name`'s card. */
  asksOf(listName, name) {
    return this.person(listName, name).getByRole("list", { name: this.r.asksFor(name) }).getByRole("listitem");
  }
}

class SkillsScreen extends WorkspaceScreen {
  get k() {
    return this.w.skills;
  }

  /** Lists `handle` for `skill` through the screen's form. */
  async list(handle, skill) {
    const form = this.page.locator("form.skill-form");
    await form.getByRole("textbox", { name: this.w.handle }).fill(handle);
    await form.getByRole("combobox", { name: this.k.skill }).selectOption({ label: skill });
    await form.getByRole("button", { name: this.k.submit }).click();
    await expect(this.notice).toContainText(this.k.listed(handle, skill));
  }

  /** A listing's swaps. */
  swaps(handle) {
    return this.page.getByRole("region", { name: this.k.swaps(handle) });
  }

  balances(handle) {
    return this.swaps(handle).getByRole("list", { name: this.k.balances }).getByRole("listitem");
  }

  /** Opens the swap form on `handle`'s listing and fills it; `submit` sends it. */
  async recordSwap(handle, { minder, family, hours, by }) {
    const open = this.page.getByRole("button", { name: this.k.recordSwap(handle), exact: true });
    if ((await open.getAttribute("aria-expanded")) !== "true") await open.click();
    const form = this.page.locator("form.swap-form");
    if (minder !== undefined) await form.getByRole("textbox", { name: this.k.minder }).fill(minder);
    if (family !== undefined) await form.getByRole("textbox", { name: this.k.family }).fill(family);
    if (hours !== undefined) await form.getByRole("textbox", { name: this.k.hours }).fill(hours);
    if (by !== undefined) await form.getByRole("textbox", { name: this.k.by }).fill(by);
    await form.getByRole("button", { name: this.k.submitSwap }).click();
  }
}

/**
 * Makes this browser one of the group's coordinators: reads its author key from Settings and
 * serves the group's settings naming it (with the demo board off, as every test has it).
 */
async function becomeCoordinator(page) {
  await visit(page, "settings");
  const key = (await page.locator(".author-key code").textContent()).trim();
  await page.context().route("**/config.json", async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), demo_board: null, coordinator_keys: [key] } });
    } catch (error) {
      if (!/closed|disposed/i.test(String(error))) throw error;
    }
  });
  return key;
}

/** The shifts screen: the form that adds a shift, and each shift's card with its share panel. */
class ShiftsScreen extends WorkspaceScreen {
  get s() {
    return this.w.shifts;
  }

  /** Opens the workspace, then its shifts screen from the menu, as a coordinator does. */
  async openShifts() {
    await this.open();
    await this.navLink(this.s.nav).click();
    await expect(this.heading).toHaveText(this.s.title);
  }

  /** Adds a shift through the form; `day` as a date field takes it (2026-12-31). */
  async addShift({ task, day, time, needed }) {
    const form = this.page.locator("form.shift-form");
    await form.getByRole("textbox", { name: this.s.task }).fill(task);
    await form.getByLabel(this.s.day).fill(day);
    await form.getByLabel(this.s.time).fill(time);
    await form.getByRole("textbox", { name: this.s.needed }).fill(String(needed));
    await form.getByRole("button", { name: this.s.submit }).click();
    await expect(this.notice).toContainText(this.s.added(task));
  }

  card(task) {
    return this.page
      .getByRole("list", { name: this.s.list })
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { name: task, exact: true }) });
  }

  /** Unfolds "Share this shift" on the shift's card and returns its message and link. */
  async share(task) {
    const card = this.card(task);
    await card.getByText(this.s.share, { exact: true }).click();
    const box = card.getByRole("textbox", { name: words[this.lang].messageBox, exact: true });
    await expect(box).toHaveValue(/#c1\.sp\./);
    const text = await box.inputValue();
    return { card, text, link: text.split("\n").pop() };
  }
}

module.exports = { WorkspaceScreen, MatchingScreen, ReportScreen, RoundsScreen, SkillsScreen, ShiftsScreen, becomeCoordinator };
