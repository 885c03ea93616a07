// Circle's service worker: keeps the app working offline, one release at a time.
// The build stamps BUILD and SHELL (scripts/post-build.sh).
const BUILD = "__CIRCLE_BUILD__";
const SHELL = "__CIRCLE_SHELL__";
const SHELL_CACHE = `circle-shell-${BUILD}`;
const DATA_CACHE = "circle-data";
// Files a group publishes or edits between releases: always asked for fresh, and served from the
// saved copy only offline, marked with when it was saved so the app can say how old it is.
const DATA_FILES = /\.json$/;
const SAVED_AT = "x-circle-saved-at";

self.addEventListener("install", (event) => {
  // No skipWaiting here: the page offers a reload, so one page never mixes two releases.
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("circle-shell-") && k !== SHELL_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "circle-activate-update") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every route of the app is the same page; the router reads the path.
    event.respondWith(caches.match("index.html", { cacheName: SHELL_CACHE }).then((hit) => hit || fetch(request)));
  } else if (DATA_FILES.test(url.pathname)) {
    event.respondWith(freshOrSaved(request));
  } else {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((hit) => hit || fetch(request)));
  }
});

async function freshOrSaved(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set(SAVED_AT, String(Date.now()));
      const body = await response.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: response.status, headers }));
    }
    return response;
  } catch (offline) {
    const saved = await cache.match(request);
    if (saved) return saved;
    throw offline;
  }
}
