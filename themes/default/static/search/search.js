/* podsite search page: the form, its filters and the results, over the site's index (search/index.db), which
   search-worker.js queries in a worker. The state is the page's query string (?q=&show=&person=&topic=&year=
   &sort=), so that results are linkable and the back button goes back through them. Everything shown from the
   index is text (textContent and text nodes): the index holds what the content says, and content is hostile. */

const page = document.querySelector("[data-search-root]");
const form = document.getElementById("search-form");
const FILTERS = ["show", "person", "topic", "year"];
const KEYS = ["q"].concat(FILTERS, ["sort"]);
const STEP = 10;  // results a page shows, and each "More results" adds: each result reads a page of the index
const KIND = 2 ** 50;  // a rowid is kind << 50 | doc << 22 | row (generator/render/search_index.py)
const TITLE = 1, TRANSCRIPT = 3;

const root = page.getAttribute("data-search-root");  // the site's root path, e.g. "/" or "/podcast/"
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

let worker = null;
let next = 0;
const waiting = new Map();
let opened = null;
let asked = 0;  // the latest search: an older one's answer is dropped
let limit = STEP;
let typing = 0;

/* ---- The worker ------------------------------------------------------ */

function send(message) {
  return new Promise(function (resolve, reject) {
    message.id = ++next;
    waiting.set(message.id, [resolve, reject]);
    worker.postMessage(message);
  });
}

function failAll(text) {
  waiting.forEach(function (pair) { pair[1](new Error(text)); });
  waiting.clear();
}

function open() {
  worker = new Worker(new URL("search-worker.js", import.meta.url), { type: "module" });
  worker.onmessage = function (event) {
    const pair = waiting.get(event.data.id);
    if (!pair) return;
    waiting.delete(event.data.id);
    if (event.data.error !== undefined) pair[1](new Error(event.data.error)); else pair[0](event.data.result);
  };
  worker.onerror = function (event) { failAll(event.message || "the search engine did not start"); };
  opened = send({ open: new URL(root + "search/index.db", window.location.href).href });
  return opened;
}

/* ---- State: the query string ------------------------------------------ */

function stateFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  KEYS.forEach(function (key) { state[key] = (params.get(key) || "").trim(); });
  if (state.sort !== "date") state.sort = "";
  return state;
}

function stateFromForm() {
  const state = {};
  KEYS.forEach(function (key) { state[key] = form.elements[key].value.trim(); });
  return state;
}

function urlOf(state) {
  const params = new URLSearchParams();
  KEYS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
  const query = params.toString();
  return window.location.pathname + (query ? "?" + query : "");
}

function showState(state) {
  KEYS.forEach(function (key) {
    const field = form.elements[key];
    if (field.tagName === "SELECT" && state[key] && !Array.prototype.some.call(field.options, function (o) {
      return o.value === state[key];
    })) {
      field.appendChild(option(state[key], state[key]));  // a value the index no longer offers stays visible
    }
    field.value = state[key];
  });
}

/* ---- The filters' choices ------------------------------------------------ */

function option(value, label) {
  const node = document.createElement("option");
  node.value = String(value);
  node.textContent = String(label);
  return node;
}

function fillFilters(facets) {
  const lists = { show: facets.shows, person: facets.people, topic: facets.topics, year: facets.years };
  FILTERS.forEach(function (key) {
    const select = form.elements[key];
    (lists[key] || []).forEach(function (choice) { select.appendChild(option(choice.value, choice.label)); });
    select.closest("label").hidden = select.options.length < 2;  // a filter with nothing to choose
  });
}

/* ---- Results ------------------------------------------------------------ */

// 274 -> "4:34", 3723 -> "1:02:03"
function formatTime(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h ? h + ":" + String(m).padStart(2, "0") + ":" + rest : m + ":" + rest;
}

// The episode page's own link to a moment (podsite.js plays "#t=" from there and marks the paragraph that
// starts at or before it): the start rounded up to the hundredth the page's times carry, so that it never
// falls before that paragraph's own time.
function momentLink(start) {
  return "#t=" + String(Math.ceil(start * 100 - 1e-6) / 100);
}

// The page a hit opens, on this site only; null for anything else.
function hitUrl(row, kind) {
  let target;
  try {
    target = new URL(root + String(row.url || ""), window.location.href);
  } catch (error) {
    return null;
  }
  if (target.origin !== window.location.origin) return null;
  if (kind === TRANSCRIPT && typeof row.start === "number" && isFinite(row.start)) {
    target.hash = momentLink(row.start);
  } else if (kind === TRANSCRIPT && /^[A-Za-z0-9_-]+$/.test(row.anchor || "")) {
    target.hash = row.anchor;
  }
  return target.href;
}

// The snippet's text with the query's words (between \x02 and \x03, as the worker asks FTS5) in <mark>.
function appendMarked(node, text) {
  String(text || "").split("\x02").forEach(function (part, index) {
    if (index === 0) {
      node.appendChild(document.createTextNode(part));
      return;
    }
    const end = part.indexOf("\x03");
    const mark = document.createElement("mark");
    mark.textContent = end < 0 ? part : part.slice(0, end);
    node.appendChild(mark);
    if (end >= 0) node.appendChild(document.createTextNode(part.slice(end + 1)));
  });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function source(row) {
  if (row.kind === "person") return ["Person"];
  if (row.kind === "sponsor") return ["Sponsor"];
  const parts = [];
  if (row.show) parts.push(String(row.show));
  if (row.number !== null && row.number !== undefined) parts.push("Episode " + row.number);
  if (row.date) parts.push(humanDate(String(row.date)));
  return parts;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

// "2024-01-05" -> "January 5, 2024", as the theme's pages write dates
function humanDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? MONTHS[Number(match[2]) - 1] + " " + Number(match[3]) + ", " + match[1] : iso;
}

function hit(row) {
  const kind = Math.floor(Number(row.id) / KIND);
  const href = hitUrl(row, kind);
  if (href === null) return null;
  const item = element("li", "search-hit" + (kind === TRANSCRIPT ? " search-hit-transcript" : ""));
  item.appendChild(element("p", "search-hit-source", source(row).join(" · ")));
  const heading = element("h2", "search-hit-title");
  const link = element("a");
  link.href = href;
  if (kind === TITLE) appendMarked(link, row.snippet); else link.textContent = String(row.title || "");
  heading.appendChild(link);
  item.appendChild(heading);
  if (kind !== TITLE) {
    const text = element("p", "search-hit-text");
    appendMarked(text, row.snippet);
    item.appendChild(text);
  }
  if (kind === TRANSCRIPT) {
    const said = element("p", "search-hit-said");
    if (row.speaker) said.appendChild(element("span", "search-hit-speaker", String(row.speaker)));
    if (typeof row.start === "number") {
      if (row.speaker) said.appendChild(document.createTextNode(" at "));
      said.appendChild(element("span", "search-hit-time", formatTime(row.start)));
    }
    if (said.childNodes.length) {
      said.insertBefore(document.createTextNode("In the transcript: "), said.firstChild);
      item.appendChild(said);
    }
  }
  return item;
}

function say(text) {
  status.textContent = text;
}

function showRows(rows, state, shown) {
  const items = rows.slice(0, limit).map(hit).filter(Boolean);
  const first = items[shown] || null;
  list.replaceChildren.apply(list, items);
  more.hidden = rows.length <= limit;
  const count = more.hidden ? String(items.length) : "More than " + items.length;
  const noun = items.length === 1 && more.hidden ? " result" : " results";
  const words = /"/.test(state.q) ? state.q : "\u201c" + state.q + "\u201d";  // a phrase typed in quotes keeps its own
  say(items.length ? count + noun + " for " + words : "Nothing found for " + words);
  return first;
}

function run(state, shown) {
  const mine = ++asked;
  if (!state.q) {
    list.replaceChildren();
    more.hidden = true;
    say("");
    return Promise.resolve(null);
  }
  list.setAttribute("aria-busy", "true");
  const filters = {};
  FILTERS.forEach(function (key) { if (state[key]) filters[key] = state[key]; });
  return opened.then(function () {
    return send({ search: { q: state.q, filters: filters, sort: state.sort, limit: limit + 1 } });
  }).then(function (rows) {
    if (mine !== asked) return null;
    return showRows(rows, state, shown || 0);
  }, function (error) {
    if (mine !== asked) return null;
    list.replaceChildren();
    more.hidden = true;
    say("Search could not read the site's index (" + error.message + "). The host must answer HTTP range requests.");
    return null;
  }).finally(function () {
    if (mine === asked) list.removeAttribute("aria-busy");
  });
}

/* ---- Events ---------------------------------------------------------------- */

function commit(push) {
  const state = stateFromForm();
  const url = urlOf(state);
  if (url !== window.location.pathname + window.location.search) {
    if (push) window.history.pushState(null, "", url); else window.history.replaceState(null, "", url);
  }
  limit = STEP;
  return run(state);
}

function start() {
  page.querySelector(".search-needs-js").hidden = true;
  form.hidden = false;
  const state = stateFromUrl();
  form.elements.q.value = state.q;
  if (!state.q) form.elements.q.focus();
  open().then(fillFilters, function () {}).then(function () {
    showState(stateFromUrl());
  });
  run(state);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    commit(true);
  });
  // As the visitor types, the results follow; the address is replaced, not pushed, letter by letter.
  form.elements.q.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { commit(false); }, 250);
  });
  FILTERS.concat(["sort"]).forEach(function (key) {
    form.elements[key].addEventListener("change", function () { commit(true); });
  });
  more.addEventListener("click", function () {
    const shown = list.children.length;
    limit += STEP;
    run(stateFromForm(), shown).then(function (first) {
      if (first) first.querySelector("a").focus();  // on to the first new result
    });
  });
  window.addEventListener("popstate", function () {
    const back = stateFromUrl();
    showState(back);
    limit = STEP;
    run(back);
  });
}

start();
