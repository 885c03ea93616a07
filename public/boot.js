// Starts the app. A file rather than Trunk's inline loader, because the Content Security Policy
// allows no inline script. Trunk writes the hashed module and wasm names into the tag's data.
const tag = document.getElementById("circle-boot");

// The service worker keeps the app working offline. When a new release has been downloaded it
// waits; the app shows a translated "new version" notice (it listens for `circle-update-ready`)
// and, when the person agrees, dispatches `circle-apply-update`, and the page reloads once.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").then((registration) => {
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

// A dropped connection or a browser without WebAssembly leaves the loading note saying so,
// instead of a page that waits forever.
try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  document.getElementById("circle-loading")?.classList.add("failed");
  console.error("Circle could not start:", error);
}
