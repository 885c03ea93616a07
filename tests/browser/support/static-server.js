// A static file server that behaves like free static pages hosting: files as they are, gzip when
// the browser accepts it, and 404.html (with status 404) for any other path, which is how the app
// survives a reload on a deep link. Serves only on 127.0.0.1.
//   node static-server.js <dir> <port> [prefix]     e.g. dist 8080, or target/dist-sub 4174 /circle/
// Tests may serve several apps on one origin (`mounts`: a folder per path prefix) and let the
// browser's HTTP cache keep files (`cacheControl`, "no-cache" unless they say otherwise).
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".csv"]);

// Hosts compress a file once and keep it; compressing 1 MB of wasm on every request would add
// the server's work to every page load the benchmarks measure. Tests that rewrite a served file
// change its modification time or size, which is part of the key.
const compressed = new Map();
function gzipped(file, body) {
  const { mtimeMs, size } = fs.statSync(file);
  const key = `${file}:${mtimeMs}:${size}`;
  if (!compressed.has(key)) compressed.set(key, zlib.gzipSync(body, { level: 9 }));
  return compressed.get(key);
}

function startServer({ dir, port, prefix = "/", mounts = [{ dir, prefix }], cacheControl = "no-cache" }) {
  // The longest prefix first, so an app under /circle/ is found before one at the root.
  const apps = mounts
    .map((mount) => ({ root: path.resolve(mount.dir), prefix: mount.prefix }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const app = apps.find((candidate) => url.pathname.startsWith(candidate.prefix)) || apps[apps.length - 1];
    const root = app.root;
    let file = null;
    if (url.pathname.startsWith(app.prefix)) {
      const relative = decodeURIComponent(url.pathname.slice(app.prefix.length)) || "index.html";
      const candidate = path.join(root, relative);
      if (candidate.startsWith(root)) {
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) file = candidate;
        else if (fs.existsSync(path.join(candidate, "index.html"))) file = path.join(candidate, "index.html");
      }
    }
    const status = file ? 200 : 404;
    file = file || path.join(root, "404.html");
    if (!fs.existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const extension = path.extname(file);
    const headers = { "content-type": TYPES[extension] || "application/octet-stream", "cache-control": cacheControl };
    let body = fs.readFileSync(file);
    if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers["accept-encoding"] || "")) {
      body = gzipped(file, body);
      headers["content-encoding"] = "gzip";
      headers["vary"] = "accept-encoding";
    }
    headers["content-length"] = body.length;
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (require.main === module) {
  const [dir = "dist", port = "8080", prefix = "/"] = process.argv.slice(2);
  startServer({ dir, port: Number(port), prefix }).then((server) => {
    console.log(`Circle is served at http://127.0.0.1:${server.address().port}${prefix} (Ctrl+C stops)`);
  });
}

module.exports = { startServer };
