// Post detail and responding: contact links only for the audience the author allowed, "I can
// help" → matched → fulfilled with a dated, attributed history, and the author withdrawing or
// marking done. In English and Spanish.
const { test, expect, expectNoAxeViolations } = require("../support/fixtures");
const { NewPostScreen, PostScreen, becomeAnotherDevice, becomeDeviceAgain, reload, visit } = require("../pages/circle");
const { words, LANGS } = require("../pages/words");

for (const lang of LANGS) {
  test.describe(`post detail (${lang})`, () => {
    test.use({ locale: words[lang].locale });

    test("a neighbour calls the author and offers help, but cannot mark someone else's ask done", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      const path = await form.post("ask", {
        title: "Groceries for two",
        category: w.categoryFood,
        area: "Hillcrest",
        method: w.methodCall,
        contact: "+1 (555) 010-0100",
        visibility: w.public,
        handle: "Rosa",
      });
      await becomeAnotherDevice(page);
      const post = new PostScreen(page, lang);
      await expect(post.heading).toHaveText("Groceries for two");
      await expect(page).toHaveURL(new RegExp(`${path}$`));

      const call = post.respond.getByRole("link", { name: new RegExp(w.methodCall) });
      await expect(call).toHaveAttribute("href", "tel:+15550100100");
      await expect(post.button(w.withdraw)).toHaveCount(0);

      await expect(post.button(w.markDone)).toHaveCount(0);

      await page.getByRole("textbox", { name: w.handle }).fill("Ana");
      await post.button(w.iCanHelp).click();
      // The offer is Ana's own record: Rosa's ask and its history are untouched.
      await expect(page.getByRole("region", { name: w.offers })).toContainText(w.canHelp("Ana"));
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await expect(post.history.getByRole("listitem")).toHaveCount(1);
      await expect(post.button(w.iCanHelp)).toHaveCount(0);
      await reload(page);
      await expect(page.getByText(w.offered("Rosa"))).toBeVisible();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
    });

    test("each contact method links the way the author chose", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/offer");
      const cases = [
        [w.methodText, "+1 555 010 0101", "sms:+15550100101"],
        ["WhatsApp", "+34 600 000 000", "https://wa.me/34600000000"],
        ["Signal", "+1 555 010 0102", "https://signal.me/#p/+15550100102"],
        [lang === "en" ? "Email" : "Correo electrónico", "ana@example.org", "mailto:ana@example.org"],
      ];
      const paths = [];
      for (const [method, contact] of cases) {
        paths.push(
          await form.post("offer", {
            title: `Offer by ${method}`,
            category: w.categoryRides,
            area: "Hillcrest",
            method,
            contact,
            visibility: w.public,
            handle: "Ana",
          }),
        );
      }
      await becomeAnotherDevice(page);
      const post = new PostScreen(page, lang);
      for (const [index, [method, , href]] of cases.entries()) {
        await visit(page, paths[index].replace(/^.*\/post\//, "post/"));
        await expect(post.respond.getByRole("link", { name: new RegExp(method) })).toHaveAttribute("href", href);
      }
    });

    test("a private contact says why it is hidden and what to do instead", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      for (const visibility of [w.private]) {
        await form.post("ask", {
          title: `Quiet ask ${visibility}`,
          category: w.categoryFood,
          area: "Hillcrest",
          method: w.methodCall,
          contact: "+1 555 010 0177",
          visibility,
          handle: "Rosa",
        });
        // The author still sees their own number.
        await expect(page.getByRole("link", { name: /5550100177/ })).toBeVisible();
        const author = await becomeAnotherDevice(page);
        const post = new PostScreen(page, lang);
        await expect(post.respond).toContainText(w.contactHidden("Rosa"));
        await expect(post.respond.getByRole("link")).toHaveCount(0);
        await expect(page.getByText("5550100177")).toHaveCount(0);
        await becomeDeviceAgain(page, author);
      }
    });

    test("the author withdraws one post, accepts help on another, marks it done and reopens it", async ({ page }) => {
      const w = words[lang];
      const form = new NewPostScreen(page, lang);
      await form.open("new/ask");
      await form.post("ask", form.plain("Withdraw me"));
      const post = new PostScreen(page, lang);
      // Withdrawing asks first, beside the button; keeping it changes nothing.
      await post.button(w.withdraw).click();
      await expect(page.getByRole("group", { name: w.withdrawConfirm })).toBeVisible();
      await post.button(w.keepIt).click();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await expect(post.history.getByRole("listitem")).toHaveCount(1);
      await post.button(w.withdraw).click();
      await post.button(w.withdrawYes).click();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusWithdrawn);
      await expect(post.history).toContainText(`${w.statusWithdrawn}: Rosa`);
      await expect(post.button(w.withdraw)).toHaveCount(0);

      const path = await form.post("ask", form.plain("Done soon"));
      const rosa = await becomeAnotherDevice(page);
      // A helper offers help: their own record. The post stays Rosa's, and open.
      await page.getByRole("textbox", { name: w.handle }).fill("Ana");
      await page.getByRole("textbox", { name: w.message }).fill("I have a car on Thursday");
      await post.button(w.iCanHelp).click();
      await expect(post.notice).toContainText(w.responseSaved);
      await expect(page.getByText(w.offered("Rosa"))).toBeVisible();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await becomeDeviceAgain(page, rosa);
      await visit(page, path.replace(/^.*\/post\//, "post/"));
      const offers = page.getByRole("region", { name: w.offers });
      await expect(offers).toContainText(w.canHelp("Ana"));
      await expect(offers).toContainText("I have a car on Thursday");
      // The author's view: an offer to accept, and the post's own status actions.
      await expect(post.button(w.withdraw)).toBeVisible();
      await expectNoAxeViolations(page, `the author's post with an offer of help (${lang})`);
      await post.button(w.accept("Ana")).click();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusMatched);
      await post.button(w.markDone).click();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusFulfilled);
      await expect(post.history).toContainText(`${w.statusFulfilled}: Rosa`);
      await post.button(w.reopen).click();
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
      await reload(page);
      await expect(page.locator(".post-detail .status")).toHaveText(w.statusOpen);
    });
  });
}
