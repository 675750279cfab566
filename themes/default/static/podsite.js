/* podsite default theme: transcript times that play the episode, #t= deep links, and the
   paragraph being played highlighted. Progressive enhancement only: without this script every
   time is still a link to its paragraph, and pages without a player are left alone. */
(function () {
  "use strict";

  var player = document.getElementById("player");
  var paras = [];   // transcript paragraphs that carry a start time, in page order
  var starts = [];  // their start times in seconds, for the binary search
  var current = null;
  var targeted = null;

  /* ---- Times ---------------------------------------------------------- */

  // "4:34", "1:02:03", "274", "274.5", "1h2m3s"; a media-fragment range "4:34,5:00" keeps its start.
  function parseTime(value) {
    var text = String(value || "").split(",")[0].trim();
    var match;
    if (/^\d+(\.\d+)?$/.test(text)) return parseFloat(text);
    if (/^\d+(:\d{1,2}){1,2}(\.\d+)?$/.test(text)) {
      return text.split(":").reduce(function (total, part) { return total * 60 + parseFloat(part); }, 0);
    }
    match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
    if (match && text) return (+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (parseFloat(match[3]) || 0);
    return null;
  }

  // 274 -> "4:34", 3723 -> "1:02:03"
  function formatTime(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var rest = String(s % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + rest : m + ":" + rest;
  }

  function timeFromHash(hash) {
    var match = /^#t=([^&]+)/.exec(hash || "");
    return match ? parseTime(decodeURIComponent(match[1])) : null;
  }

  /* ---- Subscribe ---- */
  /* Each Subscribe block's feed address gets a Copy button and selects itself when clicked; without this
     the address is still a link and text to select. Starts here: it needs nothing from the sections below. */

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(field.value);
    field.select();  // an http:// page has no Clipboard API: the older command copies the selection
    return document.execCommand && document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  function addFeedCopy(field) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "subscribe-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the RSS feed address");
    status.className = "subscribe-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      status.textContent = "";
      copyText(field).then(
        function () { status.textContent = "Copied: paste it into your podcast app"; },
        function () { field.select(); status.textContent = "Press Ctrl+C (or ⌘C) to copy the selected address"; }
      );
    });
    field.addEventListener("focus", function () { field.select(); });
    field.parentNode.appendChild(button);
    field.parentNode.appendChild(status);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".subscribe-feed-url"), addFeedCopy);

  /* ---- Paragraphs ----------------------------------------------------- */

  function collectParagraphs() {
    var links = document.querySelectorAll(".para > .para-time[data-t]");
    for (var i = 0; i < links.length; i++) {
      var t = parseFloat(links[i].getAttribute("data-t"));
      if (!isNaN(t)) {
        paras.push(links[i].parentNode);
        starts.push(t);
      }
    }
  }

  // The last paragraph that starts at or before `seconds` (the first one before any start).
  function paragraphAt(seconds) {
    if (!paras.length) return null;
    var lo = 0;
    var hi = starts.length - 1;
    if (seconds < starts[0]) return paras[0];
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= seconds) lo = mid; else hi = mid - 1;
    }
    return paras[lo];
  }

  function markCurrent(para) {
    if (para === current) return;
    if (current) current.removeAttribute("aria-current");
    current = para;
    if (para) para.setAttribute("aria-current", "true");
  }

  function markTarget(para) {
    if (targeted) targeted.classList.remove("is-target");
    targeted = para;
    if (para) para.classList.add("is-target");
  }

  function reveal(para) {
    if (!para) return;
    markTarget(para);
    para.scrollIntoView({ block: "center" });
  }

  /* ---- Player --------------------------------------------------------- */

  function whenReady(callback) {
    if (player.readyState >= 1) {
      callback();
    } else {
      player.addEventListener("loadedmetadata", callback, { once: true });
      if (player.preload === "none" || player.networkState === 0) player.load();
    }
  }

  function seek(seconds, play) {
    if (!player) return;
    whenReady(function () {
      try {
        player.currentTime = seconds;
      } catch (error) {
        return;  // not seekable (yet); leave the player as it is
      }
      markCurrent(paragraphAt(seconds));
    });
    if (play) {
      var attempt = player.play();  // browsers may refuse until the visitor has interacted
      if (attempt && typeof attempt.catch === "function") attempt.catch(function () {});
    }
  }

  function setHashTime(seconds) {
    if (window.history && typeof window.history.replaceState === "function") {
      window.history.replaceState(null, "", "#t=" + formatTime(seconds));
    }
  }

  /* ---- Events --------------------------------------------------------- */

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a.para-time, a.ts") : null;
    if (!link || !player) return;  // without a player, the link simply goes to its paragraph
    var seconds = parseFloat(link.getAttribute("data-t"));
    if (isNaN(seconds)) return;
    event.preventDefault();
    seek(seconds, true);
    setHashTime(seconds);
    markTarget(link.closest(".para") || paragraphAt(seconds));
  }

  function followHash(initial) {
    var seconds = timeFromHash(window.location.hash);
    if (seconds !== null) {
      reveal(paragraphAt(seconds));
      seek(seconds, true);
      return;
    }
    // A paragraph anchor (e.g. "first speaks at" from a person page): cue the player there, no playback.
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains("para")) {
      var index = paras.indexOf(target);
      markTarget(target);
      if (index >= 0 && player && (initial || player.paused)) seek(starts[index], false);
    }
  }

  function onTimeUpdate() {
    markCurrent(paragraphAt(player.currentTime));
  }

  /* ---- Copy a link to this moment (where the clipboard is available) -- */

  function addCopyButton() {
    var area = player.parentNode;
    if (!area || !navigator.clipboard || !window.isSecureContext) return;
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "player-button";
    button.textContent = "Copy link to this moment";
    status.className = "player-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var link = window.location.href.split("#")[0] + "#t=" + formatTime(player.currentTime);
      navigator.clipboard.writeText(link).then(
        function () { status.textContent = "Link copied (" + formatTime(player.currentTime) + ")"; },
        function () { status.textContent = "Could not copy the link"; }
      );
    });
    area.appendChild(button);
    area.appendChild(status);
  }

  /* ---- Start ---------------------------------------------------------- */

  collectParagraphs();
  document.addEventListener("click", onClick);
  window.addEventListener("hashchange", function () { followHash(false); });
  if (player) {
    player.addEventListener("timeupdate", onTimeUpdate);
    player.addEventListener("seeked", onTimeUpdate);
    addCopyButton();
  }
  if (window.location.hash) followHash(true);
})();
