// The `test` every Circle spec uses. Each test fails if the page logs a console error, throws,
// loses a request, gets an HTTP error for a sub-resource, or asks any origin but the app's own.
// A test that provokes an error on purpose names it: test.use({ expectedProblems: [/pattern/] }).
// Every test starts on an empty board: the group config's demo board is switched off unless a
// test asks for it with test.use({ demoBoard: true }).
const base = require("@playwright/test");
const fs = require("node:fs");

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const test = base.test.extend({
  expectedProblems: [[], { option: true }],
  demoBoard: [false, { option: true }],
  /** The folder the project's static server serves (a test may publish into it). */
  distDir: ["dist", { option: true }],
  groupConfig: [
    async ({ context, demoBoard }, use) => {
      if (!demoBoard) {
        await withoutDemoBoard(context);
      }
      await use();
    },
    { auto: true },
  ],
  pageProblems: [
    async ({ page, baseURL, expectedProblems }, use) => {
      const problems = watchProblems(page, baseURL, expectedProblems);
      await use(problems);
      base.expect(problems, "no console error, failed request or third-party request").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Collects what goes wrong on `page`: console errors, uncaught errors, failed and HTTP-error
 * requests, and requests to any origin but `baseURL`'s, except problems matching one of
 * `expectedProblems`. Returns the list, which fills as the page runs.
 */
function watchProblems(page, baseURL, expectedProblems = []) {
  const origin = new URL(baseURL).origin;
  const problems = [];
  const note = (problem) => {
    if (!expectedProblems.some((pattern) => pattern.test(problem))) problems.push(problem);
  };
  // A deep link's document comes back as the static host's 404.html with status 404, as
  // free static pages hosting does; the app starts from it. Chromium logs that status as a
  // console error, which is expected for those documents and nothing else.
  const deepLinks = new Set();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (/status of 404/.test(message.text()) && deepLinks.has(message.location().url)) return;
    note(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => note(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Chromium's own fetch of the page icon is cancelled when a test moves on to another
    // page; that is the browser tidying up, not a request the app lost.
    const cancelledIcon = request.url().includes("/icons/") && request.failure()?.errorText === "net::ERR_ABORTED";
    if (!cancelledIcon) note(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().resourceType() === "document") {
      deepLinks.add(response.url());
    } else if (response.status() >= 400) {
      note(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on("request", (request) => {
    const url = request.url();
    if (/^https?:/.test(url) && new URL(url).origin !== origin) note(`third-party request: ${url}`);
  });
  return problems;
}

/**
 * Serves the group config with its demo board switched off, to every page of `context`.
 * A context may close while one of its config requests is still on its way (a test ends, a
 * second phone is put away); that request no longer matters, so its error is not the test's.
 */
async function withoutDemoBoard(context) {
  await context.route("**/config.json", async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), demo_board: null } });
    } catch (error) {
      if (!/closed|disposed/i.test(String(error))) throw error;
    }
  });
}

/** Runs axe-core on the page as it is now and fails with a readable list of violations. */
async function expectNoAxeViolations(page, where) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (rules) => window.axe.run(document, { runOnly: { type: "tag", values: rules } }).then((result) => result.violations),
    AXE_RULES,
  );
  const readable = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  base.expect(readable, `axe-core violations on ${where}`).toEqual([]);
}

/**
 * Saves a phone-size screenshot for the README and docs/screenshots/: from the phone project
 * only, so a desktop run of the same spec leaves the phone pictures alone.
 */
async function saveScreenshot(page, name) {
  if (base.test.info().project.name !== "phone") return;
  await page.screenshot({ path: `${__dirname}/../../../docs/screenshots/${name}.png`, fullPage: false });
}

module.exports = { test, expect: base.expect, expectNoAxeViolations, saveScreenshot, watchProblems, withoutDemoBoard };
