// How every Circle browser test starts Chromium: Debian's build, headless, with nothing of its
// own phoning home (this machine has no network beyond loopback, and the tests listen to every request).
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A phone: a cheap Android's screen size, touch, no mouse. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

module.exports = { CHROMIUM, CHROMIUM_ARGS, PHONE };
