// A write-back endpoint on 127.0.0.1 that honours the same contract as the group's sheet,
// because it is the same script: backing/Code.gs runs here in a Node sandbox, with small
// stand-ins for the Google services it calls (a sheet is an array of rows). The test sets how
// the endpoint behaves: "ok", "slow" (stores the changes, then answers late), "error" (answers
// 500 and stores nothing), or stopped altogether (nothing listening on its port).
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPT = fs.readFileSync(path.join(__dirname, "../../../backing/Code.gs"), "utf8");

/** A spreadsheet with the calls Code.gs makes: tabs by name, rows of cells. */
function fakeSpreadsheet() {
  const tabs = new Map();
  const tab = () => {
    const rows = [];
    return {
      rows,
      appendRow: (cells) => rows.push([...cells]),
      setFrozenRows: () => {},
      getLastRow: () => rows.length,
      getRange: (row, column, height, width) => ({
        getValues: () => rows.slice(row - 1, row - 1 + height).map((cells) => cells.slice(column - 1, column - 1 + width)),
        setValues: (values) => {
          if (values.length !== height || values.some((cells) => cells.length !== width)) throw new Error("range size does not match the values");
          values.forEach((cells, i) => (rows[row - 1 + i] = [...cells]));
        },
      }),
    };
  };
  return {
    tabs,
    getSheetByName: (name) => tabs.get(name) ?? null,
    insertSheet: (name) => {
      tabs.set(name, tab());
      return tabs.get(name);
    },
  };
}

/** Code.gs loaded into a sandbox of its own, over `book`. */
function loadScript(book) {
  const sandbox = {
    SpreadsheetApp: { getActiveSpreadsheet: () => book, flush: () => {} },
    LockService: { getScriptLock: () => ({ waitLock: () => {}, releaseLock: () => {} }) },
    ContentService: {
      MimeType: { JSON: "application/json" },
      createTextOutput: (text) => ({ text, setMimeType() { return this; } }),
    },
  };
  vm.createContext(sandbox);
  vm.runInContext(SCRIPT, sandbox, { filename: "backing/Code.gs" });
  return sandbox;
}

/**
 * Starts the endpoint on a free port. Returns its `url`, the `rows()` of its changes tab
 * (header first), the bodies of the `requests` it received, `behave(mode)`, `stop()` (nothing
 * listens any more), `start()` (listening again, on the same port) and `close()`.
 */
async function startBacking() {
  const book = fakeSpreadsheet();
  const script = loadScript(book);
  const requests = [];
  let mode = "ok";
  const held = new Set();
  const server = http.createServer((request, response) => {
    const cors = { "access-control-allow-origin": "*" };
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.method !== "POST") {
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        response.end(script.doGet().text);
        return;
      }
      requests.push(body);
      if (mode === "error") {
        response.writeHead(500, cors);
        response.end("Internal Server Error");
        return;
      }
      const answer = script.doPost({ postData: { contents: body } }).text;
      const send = () => {
        held.delete(response);
        response.writeHead(200, { ...cors, "content-type": "application/json" });
        response.end(answer);
      };
      if (mode === "slow") {
        held.add(response);
        setTimeout(send, 60_000).unref();
      } else {
        send();
      }
    });
  });
  const listen = (port) => new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = server.address().port;
  const stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}/exec`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    rows: () => book.getSheetByName("Circle changes")?.rows ?? [],
    behave: (next) => (mode = next),
    stop,
    start: () => listen(port),
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

module.exports = { startBacking, fakeSpreadsheet, loadScript };
