// Playwright drives Debian's Chromium against the release build served as a static host would:
// at the site root (dist/) and under a subpath (/circle/, target/dist-sub/).
const { defineConfig } = require("@playwright/test");
const { CHROMIUM, CHROMIUM_ARGS, PHONE } = require("./support/browser");

// Another port pair lets two runs share a machine: CIRCLE_TEST_PORT=5173 npx playwright test …
const ROOT_PORT = Number(process.env.CIRCLE_TEST_PORT || 4173);
const SUB_PORT = ROOT_PORT + 1;
// The specs the desktop project runs (matched on the file's own name, so new_post is not one).
const DESKTOP_SPECS = /[\\/](board|post|share|places|workspace|rounds)\.spec\.js$/;
const server = (dir, port, prefix) => ({
  command: `node tests/browser/support/static-server.js ${dir} ${port} ${prefix}`,
  cwd: `${__dirname}/../..`,
  url: `http://127.0.0.1:${port}${prefix}`,
  reuseExistingServer: false,
});

module.exports = defineConfig({
  testDir: "specs",
  outputDir: "../output/results",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: a test that fails once on a busy 2-core machine and then passes is reported as
  // flaky (and why, by last-words.js) instead of sinking the run; one that fails twice fails.
  retries: 1,
  reporter: [["list"], ["./support/last-words.js"]],
  use: {
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    locale: "en-US",
    serviceWorkers: "block",
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "phone", use: { ...PHONE, baseURL: `http://127.0.0.1:${ROOT_PORT}/` } },
    {
      name: "phone-subpath",
      use: { ...PHONE, baseURL: `http://127.0.0.1:${SUB_PORT}/circle/`, distDir: "target/dist-sub" },
      // Where the app's own paths and the group's sources resolve under a subpath.
      testMatch: /foundation|offline|sources|workspace|first_paint/,
    },
    // The screens a coordinator uses at a desk: the board, a post, sharing, places, and the
    // workspace (matching, the needs report, check-in rounds). The page objects
    // find the same controls at both sizes.
    {
      name: "desktop",
      use: { viewport: { width: 1280, height: 800 }, baseURL: `http://127.0.0.1:${ROOT_PORT}/` },
      testMatch: DESKTOP_SPECS,
    },
  ],
  webServer: [server("dist", ROOT_PORT, "/"), server("target/dist-sub", SUB_PORT, "/circle/")],
});
