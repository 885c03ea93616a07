// Starts the app. A file rather than Trunk's inline loader, because the Content Security Policy
// allows no inline script. Trunk writes the hashed module and wasm names into the tag's data.
const tag = document.getElementById("circle-boot");
// The group's workspace (group/index.html) names the board page it belongs to: both share its
// service worker, storage and settings. The board page names none: it is the site.
const site = document.documentElement.dataset.circleSite;
const base = new URL(document.baseURI).pathname;
const WORKSPACE = "group/";

// A static host answers a deep link it has no file for with the board page's 404.html. For a
// workspace address the board page hands over to the workspace, which then goes to the screen
// asked for; `to` marks the hand-over, so a site without a workspace does not loop.
const asked = new URL(location.href);
const handOver = site === undefined && asked.pathname.startsWith(base + WORKSPACE) && !asked.searchParams.has("to");
if (handOver) {
  const screen = "/" + asked.pathname.slice((base + WORKSPACE).length);
  location.replace(`${base}${WORKSPACE}?to=${encodeURIComponent(screen + asked.search)}${asked.hash}`);
}
const handedOver = asked.searchParams.get("to");
if (site !== undefined && handedOver?.startsWith("/") && !handedOver.startsWith("//")) {
  history.replaceState(null, "", base + handedOver.slice(1) + asked.hash);
}

// A group's deploy may write a first view of the board into index.html (src/publish/first_view.rs).
// It is the board's: on any other address (the service worker answers every one with
// index.html) the page keeps only its loading note until the app draws the screen asked for.
const rest = asked.pathname.slice(base.length);
if (site === undefined && rest !== "" && rest !== "index.html") {
  document.querySelector("#circle-loading .first-board")?.remove();
}

// The app says when it starts one of its workers (the reader: sheets, the members' board, group
// links; the verifier: a board's signatures), which a neighbour's phone may never need: the
// service worker then keeps it for offline.
for (const used of ["circle-reader-used", "circle-verifier-used"]) {
  addEventListener(
    used,
    () => navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage(used)),
    { once: true },
  );
}

// A dropped connection or a browser without WebAssembly leaves the loading note saying so,
// instead of a page that waits forever.
if (!handOver) {
  await start();
  keepOffline();
}

/** Resolves once the page has painted what it holds (the first view, or the loading note).
 * A hidden tab paints nothing, so it waits a moment at most. */
function painted() {
  return new Promise((resolve) => {
    setTimeout(resolve, 500);
    if (typeof PerformanceObserver !== "function" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) return resolve();
    new PerformanceObserver((entries, observer) => {
      observer.disconnect();
      resolve();
    }).observe({ type: "paint", buffered: true });
  });
}

async function start() {
  // The first view paints before the app's download starts: on a slow phone the two would
  // compete for the same moments, and the board a person can already read would wait on
  // bytes it does not need yet. Waiting costs a frame, so a phone that keeps the app (its
  // service worker answers for this page) starts it at once.
  if (!navigator.serviceWorker?.controller) await painted();
  try {
    const { default: init } = await import(tag.dataset.js);
    await init({ module_or_path: tag.dataset.wasm });
  } catch (error) {
    document.getElementById("circle-loading")?.classList.add("failed");
    console.error("Circle could not start:", error);
  }
}

// The service worker keeps the app working offline. It registers once the app has started:
// its first copy of the app then comes from the HTTP cache, not a second download beside the
// page's own. When a new release has been downloaded it waits; the app shows a translated
// "new version" notice (it listens for `circle-update-ready`) and, when the person agrees,
// dispatches `circle-apply-update`, and the page reloads once.
function keepOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(`${site ?? ""}sw.js`).then((registration) => {
    // Some browsers (and test runs) block service workers and resolve without a registration.
    if (!registration) return;
    const announce = () => {
      if (registration.waiting && navigator.serviceWorker.controller) {
        document.documentElement.dataset.updateReady = "true";
        dispatchEvent(new CustomEvent("circle-update-ready"));
      }
    };
    announce();
    registration.addEventListener("updatefound", () => {
      registration.installing?.addEventListener("statechange", announce);
    });
    addEventListener("circle-apply-update", () => registration.waiting?.postMessage("circle-activate-update"));
  }, () => {});
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !document.documentElement.dataset.updateReady) return;
    reloading = true;
    location.reload();
  });
}
