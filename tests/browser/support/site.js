// Copies of release builds served on a free port of their own, for tests that publish a new
// release into what is served, serve two Circles on one origin, or need a host that lets the
// browser cache files, without touching the builds every other test is served from.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { startServer } = require("./static-server");

const REPO = path.join(__dirname, "../../..");

/**
 * Serves a copy of each build under its path prefix on one origin. An app is
 * `{ build, builtFor, prefix }`: the build folder (`target/dist-sub`), the path it was built
 * for (`/circle/`), and the path to serve it under, if another (`/other/`; its pages are
 * rewritten to match). `cacheControl` is the header every file is served with. Returns the
 * origin, each copy's folder and path (`apps`), and `close()`.
 */
async function serveCopies(apps, { cacheControl } = {}) {
  const mounts = apps.map(({ build, builtFor = "/", prefix = builtFor }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "circle-site-"));
    // The build itself, even where its folder is a link to another checkout's build.
    fs.cpSync(fs.realpathSync(path.join(REPO, build)), dir, { recursive: true });
    if (prefix !== builtFor) {
      for (const page of ["index.html", "404.html"]) {
        const file = path.join(dir, page);
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll(`"${builtFor}`, `"${prefix}`));
      }
    }
    return { dir, prefix };
  });
  const server = await startServer({ mounts, port: 0, cacheControl });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    apps: mounts,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      for (const { dir } of mounts) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Publishes a new release into a served copy: `index.html` marked with `release`, and a
 * service worker with that build name, as a deploy changes both. */
function publishRelease(dir, release) {
  const edit = (name, change) => fs.writeFileSync(path.join(dir, name), change(fs.readFileSync(path.join(dir, name), "utf8")));
  edit("index.html", (html) => html.replace("<head>", `<head><meta name="circle-release" content="${release}">`));
  edit("sw.js", (sw) => sw.replace(/const BUILD = "[^"]*"/, `const BUILD = "${release}"`));
}

/** Publishes a new release on `site` (from serveCopies) and waits until the phone's service
 * worker behind `page` has installed it; returns the release and the name of the shell cache
 * it filled. */
async function installNextRelease(page, site, prefix) {
  const next = `next-release-${Date.now()}`;
  publishRelease(site.apps[0].dir, next);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing;
    if (worker) await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state !== "installing" && resolve()));
  });
  return { next, shell: `circle:${prefix}:shell:${next}` };
}

/** The paths each of the phone's release shells keeps for offline, by the cache's name. */
async function shells(page) {
  return page.evaluate(async () => {
    const shells = {};
    for (const name of (await caches.keys()).filter((key) => key.includes(":shell:"))) {
      shells[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    }
    return shells;
  });
}

/** Writes `sources` into a served copy's config.json, keeping the rest of the group's settings
 * (with no demo board, and asks open for a year so the fixtures' dates stay open); `settings`
 * may change more of them. */
function setSources(dir, sources, settings = {}) {
  const file = path.join(dir, "config.json");
  const config = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(file, JSON.stringify({ ...config, demo_board: null, ask_expiry_days: 365, ...settings, sources }));
}

/** Runs `publish` on a served copy as the deploy workflow does (scripts/publish-site.sh), on the
 * sources its config.json names. `publish` is built by the native tests; the deploy workflow
 * uses its optimised build. */
function publishSite(dir, appUrl, env = {}) {
  execFileSync(path.join(REPO, "scripts/publish-site.sh"), [dir, appUrl], {
    env: { ...process.env, ...env, PUBLISH: `cargo run --quiet --locked --manifest-path ${REPO}/Cargo.toml --bin publish --` },
    stdio: "pipe",
  });
}

module.exports = { serveCopies, publishRelease, installNextRelease, shells, setSources, publishSite };
