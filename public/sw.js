// Circle's service worker: keeps the app working offline, one release at a time.
// The build stamps BUILD and SHELL (scripts/stamp-worker.sh).
const BUILD = "__CIRCLE_BUILD__";
const SHELL = "__CIRCLE_SHELL__";
// Cache names carry the path the app is published under (`/eastside/`), so two Circles on one
// origin never read or delete each other's caches. Old shell caches are named `circle-shell-…`,
// which this prefix never starts with: a service worker of an older release, still running for
// another Circle on the origin, deletes every `circle-shell-` cache but its own.
const SCOPE = new URL(self.registration.scope).pathname;
const CACHES = `circle:${SCOPE}:`;
const SHELL_CACHES = `${CACHES}shell:`;
const SHELL_CACHE = `${SHELL_CACHES}${BUILD}`;
const DATA_CACHE = `${CACHES}data`;
// Before the names were scoped, every Circle on an origin shared these.
const LEGACY_SHELL = "circle-shell-";
const LEGACY_DATA = "circle-data";
// Files a group publishes or edits between releases (its settings, boards and sheets): always asked for fresh, and served from the
// saved copy only offline, marked with when it was saved so the app can say how old it is.
const DATA_FILES = /\.(json|csv)$/;
const SAVED_AT = "x-circle-saved-at";

// Parts of the site a neighbour's phone may never need. Each is kept from the moment this phone
// first uses it, and in every release after that:
// - the group's workspace, a coordinator's page;
// - the reader worker, which reads published sheets, opens the members' board and group links
//   (a group with a board.json alone never starts it);
// - the signature worker, which checks a board's signatures when no key vouches for it whole.
// `owns` tells a part's files by their path under the scope; `used` marks, in the data cache
// (which no release deletes), that this phone uses it.
const WORKSPACE = "group/";
const PARTS = [
  { name: "workspace", owns: (path) => path.startsWith(WORKSPACE), used: `${WORKSPACE}.opened` },
  { name: "reader", owns: (path) => /^reader[._]/.test(path), used: ".reader-used" },
  { name: "verifier", owns: (path) => /^verifier[._]/.test(path), used: ".verifier-used" },
];
const partOf = (path) => PARTS.find((part) => part.owns(path));
// Trunk names each built file after its contents: a name the HTTP cache holds is this file.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  // No skipWaiting here: the page offers a reload, so one page never mixes two releases.
  event.waitUntil(Promise.all([keepShell(), keepGroupSettings()]));
});

async function keepShell() {
  const used = await usedParts();
  const files = SHELL.filter((url) => {
    const part = partOf(url);
    return !part || used.includes(part);
  });
  // A file named by its contents comes from the HTTP cache when the page has just fetched it,
  // so a first visit downloads the app once, not twice. Every other file is asked for again
  // ("no-cache"): a host may let the browser keep index.html for minutes, and a kept copy
  // names the last release's hashed files, which the new release deleted. A shell made of
  // that copy would leave the phone on a page whose files are gone as soon as it is offline.
  const requests = files.map((url) => new Request(url, { cache: HASHED.test(url) ? "default" : "no-cache" }));
  await (await caches.open(SHELL_CACHE)).addAll(requests);
}

/** The parts this phone uses: each it used before, and the workspace when a tab of it is open
 * now (a coordinator whose first visit is the workspace). */
async function usedParts() {
  const data = await caches.open(DATA_CACHE);
  const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = (part) => tabs.some((tab) => part.owns(new URL(tab.url).pathname.slice(SCOPE.length)));
  const used = [];
  for (const part of PARTS) {
    if (await data.match(markOf(part))) {
      used.push(part);
    } else if (open(part)) {
      await markUsed(part);
      used.push(part);
    }
  }
  return used;
}

const markOf = (part) => new URL(part.used, self.registration.scope).href;

async function markUsed(part) {
  const data = await caches.open(DATA_CACHE);
  if (!(await data.match(markOf(part)))) await data.put(markOf(part), new Response(""));
}

// The first visit's page asked for config.json before this worker existed, so that answer was
// never kept: without this, the first time offline the app would show no group name, areas by
// their keys and a free-text Area field. A group that publishes no config.json (or a network
// that fails now) leaves nothing to keep, which must not stop the install.
const GROUP_SETTINGS = "config.json";

async function keepGroupSettings() {
  try {
    const request = new Request(new URL(GROUP_SETTINGS, self.registration.scope).href);
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await keep(await caches.open(DATA_CACHE), request, response);
  } catch (offline) {
    // Nothing to keep; the page's next request for it is kept by freshOrSaved.
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.map(tidy)))
      .then(() => self.clients.claim()),
  );
});

/** Deletes this Circle's older shell caches and adopts its part of the caches named before
 * scoping; what belongs to another Circle on the origin stays. */
async function tidy(name) {
  if (name.startsWith(SHELL_CACHES) && name !== SHELL_CACHE) return caches.delete(name);
  if (name.startsWith(LEGACY_SHELL)) {
    // A shell is this Circle's if it holds this Circle's page.
    const legacy = await caches.open(name);
    if (await legacy.match(new URL("index.html", self.registration.scope).href)) return caches.delete(name);
  } else if (name === LEGACY_DATA) {
    const legacy = await caches.open(name);
    const ours = await caches.open(DATA_CACHE);
    for (const request of await legacy.keys()) {
      if (!request.url.startsWith(self.registration.scope)) continue;
      const saved = await legacy.match(request);
      if (saved && !(await ours.match(request))) await ours.put(request, saved);
      await legacy.delete(request);
    }
    if ((await legacy.keys()).length === 0) return caches.delete(name);
  }
}

self.addEventListener("message", (event) => {
  if (event.data === "circle-activate-update") self.skipWaiting();
  const used = PARTS.find((part) => event.data === `circle-${part.name}-used`);
  if (used) event.waitUntil(keepPart(used));
});

/** Keeps a part the page has just used, for offline. The page says so because on a first visit
 * it starts before this worker answers for it, so its requests passed the worker by. They came
 * moments ago from this release, so the browser's HTTP cache may answer. */
async function keepPart(part) {
  await markUsed(part);
  const shell = await caches.open(SHELL_CACHE);
  for (const url of SHELL.filter((url) => part.owns(url))) {
    if (!(await shell.match(url))) await shell.add(new Request(url, { cache: "default" })).catch(() => {});
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const part = partOf(url.pathname.slice(SCOPE.length));
  if (request.mode === "navigate") {
    // Every route of a page is that page; its router reads the path. The group's workspace is
    // the second page, under group/.
    const page = part?.name === "workspace" ? `${WORKSPACE}index.html` : "index.html";
    event.respondWith(fromShell(page, request, part));
  } else if (DATA_FILES.test(url.pathname)) {
    event.respondWith(freshOrSaved(request));
  } else {
    event.respondWith(fromShell(request, request, part));
  }
});

/** The shell's copy of `file`, or else the network's answer to `request`. The first time a
 * phone uses a part of the site, its files are kept as they arrive, for offline. */
async function fromShell(file, request, part) {
  const hit = await caches.match(file, { cacheName: SHELL_CACHE });
  if (hit) return hit;
  const response = await fetch(request);
  if (part && response.ok) {
    await markUsed(part);
    const shell = await caches.open(SHELL_CACHE);
    if (request.mode === "navigate") {
      // A deep link's answer may be the host's 404 page: keep the workspace's own page.
      await shell.add(new Request(file, { cache: "no-cache" })).catch(() => {});
    } else if (SHELL.includes(new URL(request.url).pathname.slice(SCOPE.length))) {
      await shell.put(request, response.clone());
    }
  }
  return response;
}

async function freshOrSaved(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cache, request, response);
    return response;
  } catch (offline) {
    const saved = await cache.match(request);
    if (saved) return saved;
    throw offline;
  }
}

/** Saves a copy of a data file's answer, marked with when it was saved. */
async function keep(cache, request, response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, String(Date.now()));
  const body = await response.clone().arrayBuffer();
  await cache.put(request, new Response(body, { status: response.status, headers }));
}
