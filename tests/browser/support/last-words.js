// A reporter that repeats, as the very last lines of a run, why each failed or flaky test
// failed. CI keeps only the tail of a run's output, and the list reporter prints a failure's
// error far above it, under its screenshots; this puts the reason where it is read.
class LastWords {
  constructor() {
    this.failures = [];
  }

  onTestEnd(test, result) {
    if (result.status === "passed" || result.status === "skipped") return;
    const error = result.errors.map((e) => e.message || e.value || "").join("\n");
    // Colour codes and the call log make the reason hard to read in a plain log.
    const reason = error.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((line) => line.trim()).slice(0, 12);
    const at = result.errors.map((e) => e.location).find(Boolean);
    if (at) reason.push(`at ${at.file.replace(/^.*tests\/browser\//, "")}:${at.line}`);
    this.failures.push({ title: test.titlePath().filter(Boolean).join(" › "), attempt: result.retry + 1, reason });
  }

  onEnd() {
    if (this.failures.length === 0) return;
    console.log("\nWhy each failed attempt failed (a test that passed on its retry is flaky: fix it):");
    for (const { title, attempt, reason } of this.failures) {
      console.log(`\n  ${title} (attempt ${attempt})`);
      for (const line of reason) console.log(`    ${line}`);
    }
  }
}

module.exports = LastWords;
