// What a neighbour's first visit downloads, all of it: the page's requests and its service
// worker's, counted at the server as sent (gzip, as static hosts serve them), on a fresh phone
// profile, until the service worker is ready and the network is quiet. The host lets browsers
// keep files for ten minutes (`max-age=600`, as GitHub Pages does), so a file the page fetched
// and the service worker keeps again is counted once when the two agree. Then the repeat
// visits (issue #13): the same phone opens the board again, at 4× CPU slowdown, and the run
// counts what the server sent for them and times the app's first post card. A benchmark: it
// reports, it does not pass or fail.
//   node tests/browser/bench/first-visit.js [SITE_DIR ...]     (default: dist/)
// Several folders are measured in turn in one run (a base and a branch, say), each twice.
const http = require("node:http");
const path = require("node:path");
const { chromium } = require("@playwright/test");
const { startServer } = require("../support/static-server");
const { CHROMIUM, CHROMIUM_ARGS, PHONE } = require("../support/browser");
const { median } = require("../support/median");

const ROOT = path.resolve(__dirname, "../../..");
const RUNS = 2;
const SHOWN = 6;
const REPEATS = 11;
// The app's own first post card: a published first view has cards of its own, outside it.
const APP_CARD = "#circle-app ul.post-list li";

// Every body byte the server sends, by path. The static server runs in this process.
let sent = {};
for (const method of ["write", "end"]) {
  const original = http.ServerResponse.prototype[method];
  http.ServerResponse.prototype[method] = function (chunk, ...rest) {
    if (chunk && typeof chunk !== "function") {
      const file = this.req.url.split("?")[0];
      sent[file] = (sent[file] || 0) + Buffer.byteLength(chunk);
    }
    return original.call(this, chunk, ...rest);
  };
}

/** The first visit's bytes by file, then the repeat visits' bytes and first-card times. */
async function visits(browser, dir) {
  sent = {};
  const server = await startServer({ dir, port: 0, cacheControl: "max-age=600" });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState("networkidle");
    // The service worker's own requests do not count towards the page's network idle.
    await page.waitForTimeout(2000);
    await page.close();
    const first = { ...sent };
    sent = {};
    const cards = [];
    for (let n = 0; n < REPEATS; n += 1) cards.push(await repeatVisit(context, url));
    const repeat = Object.values(sent).reduce((sum, bytes) => sum + bytes, 0);
    return { first, repeat, cards };
  } finally {
    await context.close();
    server.close();
  }
}

/** One more visit on the same phone at 4× CPU: milliseconds from navigation to the app's first card. */
async function repeatVisit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url);
  const shown = await page.waitForFunction((card) => document.querySelector(card) && performance.now(), APP_CARD);
  const at = await shown.jsonValue();
  await page.close();
  return at;
}

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) dirs.push(path.join(ROOT, "dist"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log(`Chromium ${browser.version()}: a first visit's bytes, as sent by the server`);
    for (const dir of dirs) {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await visits(browser, dir));
      const totals = runs.map(({ first }) => Object.values(first).reduce((sum, bytes) => sum + bytes, 0));
      console.log(`${dir}: ${totals.map((total) => total.toLocaleString("en")).join(", ")} bytes`);
      const largest = Object.entries(runs[0].first).sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
      for (const [file, bytes] of largest) console.log(`  ${bytes.toLocaleString("en").padStart(9)}  ${file}`);
      for (const { repeat, cards } of runs) {
        const times = cards.map((ms) => Math.round(ms));
        console.log(`  then ${REPEATS} repeat visits at 4x CPU: ${repeat.toLocaleString("en")} bytes sent; app's first card at ${median(times)} ms, median (${times.join(", ")})`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
