/* podsite search: the one place that wraps the vendored SQLite WASM and its HTTP VFS (vendor/sqlite-wasm-http,
   see its README.md); search.js, the search page's script, is the one that starts it. It runs as a module
   worker, because the VFS reads the index with synchronous range requests, which only a worker may make. The
   page sends {id, open: url} once, then {id, search: {...}}; each gets back {id, result} or {id, error}. */

import sqlite3InitModule from "./vendor/sqlite-wasm-http/sqlite3.js";
import { installSyncHttpVfs } from "./vendor/sqlite-wasm-http/vfs-sync-http.js";

// Must match generator/render/search_index.py: a rowid is kind << 50 | doc << 22 | row within the doc.
const KIND = 2 ** 50;
const KINDS = 4;

let db = null;
let ready = null;

function open(url) {
  ready = sqlite3InitModule({ print: function () {}, printErr: function () {} }).then(function (sqlite3) {
    installSyncHttpVfs(sqlite3, { maxPageSize: 4096, cacheSize: 4096, timeout: 10000 });
    db = new sqlite3.oo1.DB({ filename: url, vfs: "http", flags: "r" });
    return facets();
  });
  return ready;
}

function all(sql, bind) {
  return db.exec({ sql: sql, bind: bind, rowMode: "object", returnValue: "resultRows" });
}

function facets() {
  return {
    shows: all("SELECT DISTINCT show AS value, show_name AS label FROM doc WHERE show != '' ORDER BY show_name"),
    people: all("SELECT value, label FROM facet WHERE kind = 'person' ORDER BY label"),
    topics: all("SELECT value, label FROM facet WHERE kind = 'topic' ORDER BY label"),
    years: all("SELECT DISTINCT year AS value, year AS label FROM doc WHERE year IS NOT NULL ORDER BY year DESC"),
  };
}

// The words of what was typed, each quoted for FTS5 (so that no word is read as an operator); "quoted
// words" stay a phrase.
function matchExpression(text) {
  var parts = [];
  var re = /"([^"]*)"|([^\s"]+)/g;
  var m;
  while ((m = re.exec(text)) !== null) {
    var words = (m[1] !== undefined ? m[1] : m[2]).match(/[\p{L}\p{N}_]+/gu);
    if (words) parts.push('"' + words.join(" ") + '"');
  }
  return parts.join(" ");
}

// Rows of one kind (or of every kind, in rowid order: pages, titles, notes, transcripts, each newest first).
function rowsOf(match, filters, low, high, limit) {
  var where = ["fts MATCH $match", "f.rowid BETWEEN $low AND $high"];
  var bind = { $match: match, $low: low, $high: high, $limit: limit };
  if (filters.show) { where.push("d.show = $show"); bind.$show = filters.show; }
  if (filters.year) { where.push("d.year = $year"); bind.$year = Number(filters.year); }
  if (filters.person) { where.push("instr(' ' || d.people || ' ', ' ' || $person || ' ') > 0"); bind.$person = filters.person; }
  if (filters.topic) { where.push("instr(char(31) || d.topics || char(31), char(31) || $topic || char(31)) > 0"); bind.$topic = filters.topic; }
  return all(
    "SELECT f.rowid AS id, snippet(fts, 0, char(2), char(3), '…', 32) AS snippet, f.speaker, f.start, f.anchor," +
    " d.id AS doc, d.url, d.kind, d.title, d.show_name AS show, d.number, d.date" +
    " FROM fts f JOIN doc d ON d.id = (f.rowid / 4194304) % 268435456" +
    " WHERE " + where.join(" AND ") + " ORDER BY f.rowid LIMIT $limit", bind);
}

function search(query) {
  var match = matchExpression(query.q || "");
  if (!match) return [];
  var limit = query.limit || 40;
  var filters = query.filters || {};
  if (query.sort !== "date") return rowsOf(match, filters, 0, KIND * KINDS - 1, limit);
  // By date: each kind's first rows (already newest first), merged; pages, which have no date, first.
  var rows = [];
  for (var kind = 0; kind < KINDS; kind++) rows = rows.concat(rowsOf(match, filters, kind * KIND, (kind + 1) * KIND - 1, limit));
  rows.sort(function (a, b) {
    var pa = a.kind === "episode" ? 1 : 0, pb = b.kind === "episode" ? 1 : 0;
    return pa - pb || (a.id % KIND) - (b.id % KIND);
  });
  return rows.slice(0, limit);
}

self.onmessage = function (event) {
  var message = event.data;
  var answer = message.open !== undefined ? open(message.open) : ready.then(function () { return search(message.search); });
  Promise.resolve(answer).then(
    function (result) { self.postMessage({ id: message.id, result: result }); },
    function (error) { self.postMessage({ id: message.id, error: String(error && error.message || error) }); }
  );
};
