// Lighthouse 12.2.3, mobile preset with its simulated throttling, on the release build served
// gzip-compressed as static hosts serve it. Prints each run's category scores and key figures
// and, over several runs, their medians (issue #13's targets are medians of five); writes the
// last full report to tests/output/lighthouse.json. A benchmark: it reports, it does not pass
// or fail.
//   node tests/browser/bench/lighthouse.js [--runs N] [SITE_DIR]     (default: 1 run of dist/)
// SITE_DIR may be a published copy of the build (`publish` run into it), to measure the board's
// first view.
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");
const fs = require("node:fs");
const path = require("node:path");
const { startServer } = require("../support/static-server");
const { CHROMIUM, CHROMIUM_ARGS } = require("../support/browser");
const { median } = require("../support/median");

const FIGURES = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

async function run(root, dir, out) {
  const server = await startServer({ dir, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    // Asynchronously: the static server runs in this process and must keep answering.
    const { stderr } = await promisify(execFile)(
      path.join(root, "node_modules/.bin/lighthouse"),
      [
        url,
        "--quiet",
        "--output=json",
        `--output-path=${path.join(out, "lighthouse.json")}`,
        "--only-categories=performance,accessibility,best-practices",
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
    );
    if (stderr.trim()) console.error(stderr.trim());
  } finally {
    server.close();
  }
  return JSON.parse(fs.readFileSync(path.join(out, "lighthouse.json"), "utf8"));
}

async function main() {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
  const root = path.resolve(__dirname, "../../..");
  const dir = path.resolve(root, args[0] ?? "dist");
  const out = path.join(root, "tests/output");
  fs.mkdirSync(out, { recursive: true });
  const reports = [];
  for (let n = 1; n <= runs; n++) {
    const report = await run(root, dir, out);
    reports.push(report);
    if (n === 1) console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling, ${dir}`);
    if (runs > 1) console.log(`run ${n}`);
    for (const category of Object.values(report.categories)) {
      console.log(`  ${category.title.padEnd(16)} ${Math.round(category.score * 100)}`);
    }
    for (const id of FIGURES) {
      console.log(`  ${report.audits[id].title.padEnd(28)} ${report.audits[id].displayValue}`);
    }
    const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
    for (const audit of failing) console.log(`  not met: ${audit.id}: ${audit.title}`);
  }
  if (runs > 1) {
    console.log(`median of ${runs}`);
    for (const id of Object.keys(reports[0].categories)) {
      console.log(`  ${reports[0].categories[id].title.padEnd(16)} ${Math.round(median(reports.map((r) => r.categories[id].score)) * 100)}`);
    }
    for (const id of FIGURES) {
      const value = median(reports.map((r) => r.audits[id].numericValue));
      const shown = id === "cumulative-layout-shift" ? value.toFixed(3) : `${Math.round(value)} ms`;
      console.log(`  ${reports[0].audits[id].title.padEnd(28)} ${shown}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
