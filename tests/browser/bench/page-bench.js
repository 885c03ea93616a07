// The page benchmark: Circle in Chromium with a 100-post and a 10,000-post board, the same
// figures for both in one run, so the 10,000-post numbers read as a ratio to a small board on
// the same machine at the same moment. Prints a table; writes tests/output/page-bench.json.
// A benchmark, not a test: it reports figures and fails only if the app does not work.
//   node tests/browser/bench/page-bench.js        (make bench builds dist/ and the boards first)
//   node tests/browser/bench/page-bench.js --import   (the 10,000-post import alone)
//   node tests/browser/bench/page-bench.js --sync     (syncing a board.json alone)
//   node tests/browser/bench/page-bench.js --render   (the first render alone)
//   … --dist DIR                                      (a build other than dist/)
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("@playwright/test");
const { startServer } = require("../support/static-server");
const { CHROMIUM, CHROMIUM_ARGS, PHONE } = require("../support/browser");
const { NewPostScreen } = require("../pages/circle");
const { ShareScreen } = require("../pages/share");
const { words } = require("../pages/words");

const ROOT = path.resolve(__dirname, "../../..");
const BOARDS = path.join(ROOT, "target/bench");
// `--dist DIR` measures another build than dist/ (a base beside a branch, say).
const DIST = process.argv.includes("--dist") ? path.resolve(process.argv[process.argv.indexOf("--dist") + 1]) : path.join(ROOT, "dist");
const SIZES = [100, 10000];
const KEYSTROKES = 60;
const RUNS = 5;

// Runs in the page before the app: notes when the first post card appears, and how long each
// save of the board to localStorage takes, from the moment a button is pressed.
function instrument() {
  window.__bench = { firstCard: null, lastSaveDone: null, pressedAt: null };
  new MutationObserver((_, observer) => {
    if (document.querySelector("ul.post-list li")) {
      window.__bench.firstCard = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (key === "circle.board") window.__bench.lastSaveDone = performance.now();
  };
  addEventListener("click", () => (window.__bench.pressedAt = performance.now()), true);
  addEventListener("change", () => (window.__bench.changedAt = performance.now()), true);
}

// The group's config as the benchmark wants it: no demo board, and asks that do not expire,
// so every generated post stays open whatever today's date.
async function benchConfig(page) {
  await page.route("**/config.json", async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, demo_board: null, ask_expiry_days: 100000 } });
  });
}

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A phone that keeps the board of `size` posts, on the board's page. */
async function phoneWithBoard(browser, baseURL, size) {
  const stored = fs.readFileSync(path.join(BOARDS, `board-${size}.stored.txt`), "utf8");
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  await benchConfig(page);
  await page.addInitScript(instrument);
  await page.goto("");
  await page.evaluate((text) => localStorage.setItem("circle.board", text), stored);
  return { context, page };
}

/** First render: navigation start to the first post card, over several reloads; and of each,
 * the time reading the board from storage took (the app's marks). */
async function firstRenders(page) {
  const renders = [];
  const loads = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.reload();
    await page.locator("ul.post-list li").first().waitFor();
    renders.push(await page.evaluate(() => window.__bench.firstCard));
    loads.push(await page.evaluate(() => performance.measure("load", "circle-load-start", "circle-load-end").duration));
  }
  return { renders, loads };
}

async function measure(browser, baseURL, size) {
  const { context, page } = await phoneWithBoard(browser, baseURL, size);
  const { renders } = await firstRenders(page);

  // Filter keystrokes: type into the search box, one character at a time; each latency runs
  // from the input event to the moment the list is updated and laid out.
  const keystrokes = await page.evaluate(async (count) => {
    const box = document.querySelector("input[type=search]");
    const word = "rides food clinic help ";
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const typed = word.slice(0, (i % 6) + 1);
      const start = performance.now();
      box.value = typed;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await nextTask();
      document.body.getBoundingClientRect();
      times.push(performance.now() - start);
    }
    box.value = "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    return times;
  }, KEYSTROKES);

  // Save: post one ask through the form and time from the press of the button to the board
  // written to storage.
  const w = words.en;
  const form = new NewPostScreen(page, "en");
  await form.open("new/ask");
  await form.fillRequired({
    title: "Benchmark ask",
    category: w.categoryFood,
    area: "Old Market",
    method: w.methodCall,
    contact: "+1 555 010 0100",
    visibility: w.public,
    handle: "Bench",
  });
  await page.evaluate(() => (window.__bench.lastSaveDone = null));
  await form.submit("ask");
  await page.waitForFunction(() => window.__bench.lastSaveDone !== null);
  const save = await page.evaluate(() => window.__bench.lastSaveDone - window.__bench.pressedAt);

  await context.close();
  const sync = await syncSource(browser, baseURL, size);
  const syncVouched = await syncSource(browser, baseURL, size, null, true);
  const withWorkers = await importFile(browser, baseURL, size);
  const withoutWorkers = await importFile(browser, baseURL, size, blockWorkers);
  return {
    size,
    firstRender: median(renders),
    filterP50: median(keystrokes),
    filterP95: percentile(keystrokes, 95),
    save,
    sync,
    syncVouched,
    ...withWorkers,
    importPreviewNoWorker: withoutWorkers.importPreview,
  };
}

// Sync: the group's settings name one source, a board.json of `size` posts, and a phone with
// an empty board opens the app. Timed from the source's response (the app marks it) to the
// first of its posts on screen: reading, the trust gate with its signature checks, the merge
// and the render. `vouched`: the settings also name the group's publishing key, and the board
// comes with the board.json.sig `publish` writes, so the phone checks one signature instead
// of one a post (src/model/trust/vouch.rs).
async function syncSource(browser, baseURL, size, steps = null, vouched = false) {
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route("**/config.json", async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    const sources = [{ kind: "json", url: "bench-board.json" }];
    const key = vouched ? { publish_key: fs.readFileSync(path.join(BOARDS, "publish-key.txt"), "utf8").trim() } : {};
    await route.fulfill({ response, json: { ...config, demo_board: null, ask_expiry_days: 100000, sources, ...key } });
  });
  await page.route("**/bench-board.json", (route) => route.fulfill({ path: path.join(BOARDS, `board-${size}.json`), contentType: "application/json" }));
  await page.route("**/bench-board.json.sig", (route) => route.fulfill({ path: path.join(BOARDS, `board-${size}.json.sig`), contentType: "text/plain" }));
  await page.addInitScript(instrument);
  await page.goto("");
  await page.locator("ul.post-list li").first().waitFor({ timeout: 60_000 });
  const sync = await page.evaluate(() => window.__bench.firstCard - performance.getEntriesByName("circle-sync-fetched")[0].startTime);
  if (steps) {
    // A big board is checked a page first (src/ui/sync.rs): the rest may still be coming in.
    await page.waitForFunction(() => performance.getEntriesByName("circle-sync-done").length > 0, null, { timeout: 60_000 });
    steps.push(await syncSteps(page));
  }
  await context.close();
  return sync;
}

// Where a sync's time goes, from the app's marks: each step's end minus the step before, to the
// first posts on screen; then the time to the whole board merged, when it came in parts.
async function syncSteps(page) {
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const marks = [
      ["the board's own signature", "circle-sync-vouched"],
      ["reading the file", "circle-sync-read"],
      ["the gate and its checks", "circle-verify-end"],
      ["the merge", "circle-sync-merged"],
    ];
    let before = at("circle-sync-fetched");
    const steps = {};
    for (const [step, mark] of marks) {
      steps[step] = at(mark) - before;
      before = at(mark);
    }
    steps["saving and the render"] = window.__bench.firstCard - before;
    steps["whole board merged"] = at("circle-sync-done") - at("circle-sync-fetched");
    return steps;
  });
}

// A phone where the signature worker cannot start (offline, never having kept it), so the page
// checks every signature itself, one by one.
async function blockWorkers(page) {
  await page.route("**/verifier_loader.js", (route) => route.abort());
}

// Import: a snapshot file picked on the Share & sync screen of a phone with an empty board; the
// preview runs from the file's selection to the preview on screen (reading the file, the
// signature checks and the trust gate), the merge from the press of "Add to my board" to the
// board written to storage. `before(page)` runs first (to keep the signature workers from starting).
async function importFile(browser, baseURL, size, before) {
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  await benchConfig(page);
  await page.addInitScript(instrument);
  if (before) await before(page);
  const share = new ShareScreen(page, "en");
  await share.open();
  await share.fileInput.setInputFiles(path.join(BOARDS, `board-${size}.json`));
  // The preview's heading shows at once; the merge button once the signatures are checked.
  const merge = share.preview.getByRole("button", { name: words.en.share.merge, exact: true });
  await merge.waitFor({ timeout: 60_000 });
  const importPreview = await page.evaluate(() => performance.now() - window.__bench.changedAt);
  // The app marks the trust gate's start and end: the signature checks and both gate runs.
  const verify = await page.evaluate(() => {
    const [start] = performance.getEntriesByName("circle-verify-start");
    const [end] = performance.getEntriesByName("circle-verify-end");
    return end.startTime - start.startTime;
  });
  await page.evaluate(() => (window.__bench.lastSaveDone = null));
  await merge.click();
  await page.waitForFunction(() => window.__bench.lastSaveDone !== null, null, { timeout: 60_000 });
  const importMerge = await page.evaluate(() => window.__bench.lastSaveDone - window.__bench.pressedAt);
  await context.close();
  return { importPreview, verify, importMerge };
}

async function main() {
  const server = await startServer({ dir: DIST, port: 0 });
  const baseURL = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const results = [];
    for (const size of SIZES) results.push(await measure(browser, baseURL, size));
    const [small, large] = results;
    const rows = [
      ["first board render (median of 5)", "firstRender"],
      [`filter keystroke p50 (${KEYSTROKES} keys)`, "filterP50"],
      [`filter keystroke p95 (${KEYSTROKES} keys)`, "filterP95"],
      ["save after posting an ask", "save"],
      ["sync a board.json: response to posts on screen", "sync"],
      ["  the same, vouched for by the group's publishing key", "syncVouched"],
      ["import a snapshot file: to preview", "importPreview"],
      ["  of which verifying", "verify"],
      ["  the same, no signature worker (checked on the page)", "importPreviewNoWorker"],
      ["import: merge and save", "importMerge"],
    ];
    console.log(`Chromium ${browser.version()}, phone viewport, no throttling`);
    console.log(`${"figure".padEnd(48)} ${"100 posts".padStart(10)} ${"10,000 posts".padStart(13)} ${"ratio".padStart(7)}`);
    for (const [label, key] of rows) {
      const ratio = small[key] > 0 ? (large[key] / small[key]).toFixed(1) + "×" : "-";
      console.log(`${label.padEnd(48)} ${small[key].toFixed(1).padStart(7)} ms ${large[key].toFixed(1).padStart(10)} ms ${ratio.padStart(7)}`);
    }
    fs.mkdirSync(path.join(ROOT, "tests/output"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "tests/output/page-bench.json"), JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

// `--import`: only the 10,000-post import, five times each way, medians. The quick check after
// a change to the trust gate or the signature checks.
async function importOnly() {
  const server = await startServer({ dir: DIST, port: 0 });
  const baseURL = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const [workers, onThePage] = [[], []];
    for (let run = 0; run < RUNS; run += 1) {
      workers.push(await importFile(browser, baseURL, 10000));
      onThePage.push(await importFile(browser, baseURL, 10000, blockWorkers));
    }
    const show = (runs, key) => `${median(runs.map((r) => r[key])).toFixed(0).padStart(5)} ms (${runs.map((r) => r[key].toFixed(0)).join(", ")})`;
    console.log(`Chromium ${browser.version()}: import 10,000 signed posts, median of ${RUNS}`);
    console.log(`  verifying (the gate and every signature check), the signature workers: ${show(workers, "verify")}`);
    console.log(`  verifying, on the page one by one:                                     ${show(onThePage, "verify")}`);
    console.log(`  file picked to preview on screen, the signature workers:               ${show(workers, "importPreview")}`);
    console.log(`  file picked to preview on screen, on the page one by one:              ${show(onThePage, "importPreview")}`);
  } finally {
    await browser.close();
    server.close();
  }
}

// `--sync`: only the sync of a 10,000-post board.json, five times, median; beside it the same
// for 100 posts, as the ratio's baseline.
async function syncOnly() {
  const server = await startServer({ dir: DIST, port: 0 });
  const baseURL = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log(`Chromium ${browser.version()}: sync a board.json, response to posts on screen, median of ${RUNS}`);
    for (const vouched of [false, true]) {
      console.log(vouched ? "vouched for by the group's publishing key (board.json.sig):" : "every post's signature checked:");
      for (const size of SIZES) {
        const runs = [];
        const steps = [];
        for (let run = 0; run < RUNS; run += 1) runs.push(await syncSource(browser, baseURL, size, steps, vouched));
        console.log(`  ${String(size).padStart(5)} posts: ${median(runs).toFixed(0).padStart(5)} ms (${runs.map((ms) => ms.toFixed(0)).join(", ")})`);
        for (const step of Object.keys(steps[0])) {
          const each = steps.map((run) => run[step]);
          console.log(`      ${step.padEnd(24)} ${median(each).toFixed(0).padStart(5)} ms (${each.map((ms) => ms.toFixed(0)).join(", ")})`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

// `--render`: only the first render of a board the phone keeps, five reloads each, medians. The
// quick check after a change to how the board is loaded or drawn.
async function renderOnly() {
  const server = await startServer({ dir: DIST, port: 0 });
  const baseURL = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    console.log(`Chromium ${browser.version()}: first board render, navigation to the first card, median of ${RUNS}`);
    for (const size of SIZES) {
      const { context, page } = await phoneWithBoard(browser, baseURL, size);
      const { renders, loads } = await firstRenders(page);
      await context.close();
      const show = (runs) => `${median(runs).toFixed(0).padStart(5)} ms (${runs.map((ms) => ms.toFixed(0)).join(", ")})`;
      console.log(`  ${String(size).padStart(5)} posts: ${show(renders)}`);
      console.log(`      of which reading the board from storage ${show(loads)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const modes = { "--import": importOnly, "--sync": syncOnly, "--render": renderOnly };
const only = modes[process.argv.find((arg) => arg in modes)] ?? main;
only().catch((error) => {
  console.error(error);
  process.exit(1);
});
