// A shift on the board page (/shift/:id), where a neighbour lands from a shift's link: the
// shift itself, the handle and the sign-up button, and the section that sends the answer back.
// Controls are found by role and accessible name, in the test's language.
const { expect } = require("../support/fixtures");
const { words } = require("./words");

class ShiftScreen {
  constructor(page, lang) {
    this.page = page;
    this.lang = lang;
    this.w = words[lang];
    this.s = words[lang].workspace.shifts;
  }

  get heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  get notice() {
    return this.page.getByRole("status");
  }

  get handle() {
    return this.page.getByRole("textbox", { name: this.w.handle, exact: true });
  }

  signUpButton(task) {
    return this.page.getByRole("button", { name: this.s.signUp(task), exact: true });
  }

  backOutButton(task) {
    return this.page.getByRole("button", { name: this.s.backOut(task), exact: true });
  }

  /** The section that sends the neighbour's answer back to the group. */
  get sendBack() {
    return this.page.getByRole("region", { name: this.s.sendBack });
  }

  /** The message the send-back section holds, and the link on its last line. */
  async answer() {
    const box = this.sendBack.getByRole("textbox", { name: this.w.messageBox, exact: true });
    await expect(box).toHaveValue(/#c1\.sp\./);
    const text = await box.inputValue();
    return { text, link: text.split("\n").pop() };
  }
}

module.exports = { ShiftScreen };
