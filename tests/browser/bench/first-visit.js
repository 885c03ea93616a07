// What a neighbour's first visit downloads, all of it: the page's requests and its service
// worker's, counted at the server as sent (gzip, as static hosts serve them), on a fresh phone
// profile, until the service worker is ready and the network is quiet. The host lets browsers
// keep files for ten minutes (`max-age=600`, as GitHub Pages does), so a file the page fetched
// and the service worker keeps again is counted once when the two agree. A benchmark: it
// reports, it does not pass or fail.
//   node tests/browser/bench/first-visit.js [SITE_DIR ...]     (default: dist/)
// Several folders are measured in turn in one run (a base and a branch, say), each twice.
const http = require("node:http");
const path = require("node:path");
const { chromium } = require("@playwright/test");
const { startServer } = require("../support/static-server");
const { CHROMIUM, CHROMIUM_ARGS, PHONE } = require("../support/browser");

const ROOT = path.resolve(__dirname, "../../..");
const RUNS = 2;
const SHOWN = 6;

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

async function firstVisit(browser, dir) {
  sent = {};
  const server = await startServer({ dir, port: 0, cacheControl: "max-age=600" });
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState("networkidle");
    // The service worker's own requests do not count towards the page's network idle.
    await page.waitForTimeout(2000);
    return { ...sent };
  } finally {
    await context.close();
    server.close();
  }
}

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) dirs.push(path.join(ROOT, "dist"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log(`Chromium ${browser.version()}: a first visit's bytes, as sent by the server`);
    for (const dir of dirs) {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await firstVisit(browser, dir));
      const totals = runs.map((files) => Object.values(files).reduce((sum, bytes) => sum + bytes, 0));
      console.log(`${dir}: ${totals.map((total) => total.toLocaleString("en")).join(", ")} bytes`);
      const largest = Object.entries(runs[0]).sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
      for (const [file, bytes] of largest) console.log(`  ${bytes.toLocaleString("en").padStart(9)}  ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
