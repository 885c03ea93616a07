/**
 * Circle's write-back script, for a Google Sheet (Google Apps Script).
 *
 * Circle's phones send it the posts and status changes their people make; it adds one row for
 * each change to the tab "Circle changes" and answers with the ids of the changes the sheet
 * holds. A change it already holds is not added again, so a phone may send a change twice
 * (its answer was lost on a slow network, or two tabs sent it) and the sheet still has it once.
 * Set-up, step by step: backing/README.md. What a request and an answer hold: the same file,
 * "The exchange".
 *
 * The tests serve this very file on 127.0.0.1 (tests/browser/support/backing.js), with small
 * stand-ins for SpreadsheetApp, LockService and ContentService.
 */

var SHEET_NAME = "Circle changes";
/** The columns, in the order of the tab's first row; each is a field of a change. */
var COLUMNS = [
  "id", "kind", "at", "by", "post", "type", "title", "details", "category", "area", "urgency",
  "quantity", "until", "languages", "status", "contact", "link",
];
/** More in one request is not a Circle phone (it sends 25 at most). */
var MAX_CHANGES = 100;
/** What a change's id looks like: `post-…`, `status-…-…`; anything else is not stored. */
var ID = /^[a-z]+(-[0-9a-z.]+)+$/;
/** Longer cells are cut: a sheet cell holds 50,000 characters, a post's details far fewer. */
var MAX_CELL = 5000;

function doPost(e) {
  var lock = LockService.getScriptLock();
  try {
    var request = JSON.parse(e.postData.contents);
    if (!request || request.circle_write_back !== 1 || !Array.isArray(request.changes) || request.changes.length > MAX_CHANGES) {
      return answer({ ok: false, error: "not a Circle write-back request (version 1)" });
    }
    // One request at a time, so two sending the same change at once still make one row.
    lock.waitLock(30000);
    var sheet = changesSheet();
    var held = heldIds(sheet);
    var stored = [];
    var rows = [];
    request.changes.forEach(function (change) {
      if (!change || typeof change.id !== "string" || !ID.test(change.id)) return;
      if (!held[change.id]) {
        rows.push(row(change));
        held[change.id] = true;
      }
      stored.push(change.id);
    });
    if (rows.length > 0) {
      sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, COLUMNS.length).setValues(rows);
      SpreadsheetApp.flush();
    }
    return answer({ ok: true, stored: stored });
  } catch (error) {
    return answer({ ok: false, error: String(error) });
  } finally {
    lock.releaseLock();
  }
}

/** Opening the script's address in a browser says it is there, for checking the set-up. */
function doGet() {
  return answer({ ok: true, circle_write_back: 1, sheet: SHEET_NAME });
}

/** The tab the changes go to, made with its header row the first time. */
function changesSheet() {
  var book = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = book.getSheetByName(SHEET_NAME);
  if (!sheet) {
    sheet = book.insertSheet(SHEET_NAME);
    sheet.appendRow(COLUMNS);
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/** The ids in the tab's first column, below the header. */
function heldIds(sheet) {
  var held = Object.create(null);
  var last = sheet.getLastRow();
  if (last > 1) {
    sheet.getRange(2, 1, last - 1, 1).getValues().forEach(function (cells) {
      held[String(cells[0])] = true;
    });
  }
  return held;
}

function row(change) {
  return COLUMNS.map(function (column) {
    var value = change[column];
    if (value === null || value === undefined) return "";
    if (typeof value === "number" && isFinite(value)) return value;
    return asText(String(value));
  });
}

/**
 * A cell that starts with =, +, -, @ or a tab would run as a formula (a title such as
 * "=IMPORTDATA(…)" could send the sheet's contents away): a leading apostrophe keeps it text.
 */
function asText(value) {
  var cut = value.slice(0, MAX_CELL);
  return /^[=+\-@\t\r]/.test(cut) ? "'" + cut : cut;
}

function answer(body) {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}
