// Lighthouse 12.2.3, mobile preset with its simulated throttling, on the release build served
// gzip-compressed as static hosts serve it. Prints the category scores; writes the full report to
// tests/output/lighthouse.json. A benchmark: it reports, it does not pass or fail.
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");
const fs = require("node:fs");
const path = require("node:path");
const { startServer } = require("../support/static-server");
const { CHROMIUM, CHROMIUM_ARGS } = require("../support/browser");

async function main() {
  const root = path.resolve(__dirname, "../../..");
  const out = path.join(root, "tests/output");
  fs.mkdirSync(out, { recursive: true });
  const server = await startServer({ dir: path.join(root, "dist"), port: 0 });
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
  const report = JSON.parse(fs.readFileSync(path.join(out, "lighthouse.json"), "utf8"));
  console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling`);
  for (const category of Object.values(report.categories)) {
    console.log(`  ${category.title.padEnd(16)} ${Math.round(category.score * 100)}`);
  }
  for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
    console.log(`  ${report.audits[id].title.padEnd(28)} ${report.audits[id].displayValue}`);
  }
  const failing = Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary");
  for (const audit of failing) console.log(`  not met: ${audit.id}: ${audit.title}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
