/* podsite default theme: transcript times that play the episode, #t= deep links, and the
   paragraph being played highlighted. Progressive enhancement only: without this script every
   time is still a link to its paragraph, and pages without a player are left alone. */
(function () {
  "use strict";

  var player = document.getElementById("player");
  var body = document.querySelector(".transcript-body");
  var paras = [];   // transcript paragraphs that carry a start time, in page order
  var starts = [];  // their start times in seconds, for the binary search
  var current = null;

  /* ---- Times ---------------------------------------------------------- */

  // "4:34", "1:02:03", "274", "274.5", "1h2m3s", and media fragments' "npt:274"
  function parseTime(value) {
    var text = String(value || "").trim().replace(/^npt:/, "");
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

  // Seconds as a media fragment writes them: 90, 90.5 (never more than milliseconds)
  function fragmentSeconds(seconds) {
    return String(Math.round(seconds * 1000) / 1000);
  }

  // "#t=90" -> {start: 90, end: null}; "#t=90,130" and "#t=,130" (from the start) -> a range
  function rangeFromHash(hash) {
    var match = /^#t=([^&]+)/.exec(hash || "");
    if (!match) return null;
    var parts = decodeURIComponent(match[1]).split(",");
    var start = parts[0].trim() === "" && parts.length > 1 ? 0 : parseTime(parts[0]);
    var end = parts.length > 1 ? parseTime(parts[1]) : null;
    if (start === null) return null;
    return { start: start, end: end !== null && end > start ? end : null };
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

  // The index of the last paragraph that starts at or before `seconds` (the first one before any start).
  function indexAt(seconds) {
    var lo = 0;
    var hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= seconds) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function paragraphAt(seconds) {
    return paras.length ? paras[indexAt(seconds)] : null;
  }

  // The one highlight: the paragraph playing now (or cued). A clicked or linked paragraph is not
  // marked apart from it, so two never show at once.
  function markCurrent(para) {
    if (para === current) return;
    if (current) current.removeAttribute("aria-current");
    current = para;
    if (!para) return;
    para.setAttribute("aria-current", "true");
    keepInView(para);
    rovingFollows(para);
  }

  function reveal(para) {
    if (para) para.scrollIntoView({ block: "center", behavior: scrollBehaviour() });
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
    clearClip();
    hidePlayPrompt();
    seek(seconds, true);
    setHashTime(seconds);
    markCurrent(link.closest(".para") || paragraphAt(seconds));
  }

  // Plays from `seconds`; where the browser's autoplay policy refuses, offers a button that does.
  function playFromLink(seconds) {
    seek(seconds, false);
    var attempt = player.play();
    if (attempt && typeof attempt.catch === "function") {
      attempt.catch(function (error) {
        if (error && error.name === "NotAllowedError") showPlayPrompt(seconds);
      });
    }
  }

  var playPrompt = null;

  function showPlayPrompt(seconds) {
    if (!playPrompt) {
      playPrompt = document.createElement("button");
      playPrompt.type = "button";
      playPrompt.className = "player-button play-prompt";
      playPrompt.addEventListener("click", function () {
        var at = parseFloat(playPrompt.getAttribute("data-t"));
        hidePlayPrompt();
        seek(at, true);
      });
      player.parentNode.appendChild(playPrompt);
      player.addEventListener("play", hidePlayPrompt);
    }
    playPrompt.setAttribute("data-t", String(seconds));
    playPrompt.textContent = "Play from " + formatTime(seconds);
    playPrompt.hidden = false;
  }

  function hidePlayPrompt() {
    if (playPrompt) playPrompt.hidden = true;
  }

  function followHash(initial) {
    var range = rangeFromHash(window.location.hash);
    if (range !== null) {
      reveal(paragraphAt(range.start));
      if (!player) return;
      clearClip();
      if (range.end !== null) setClip(range.start, range.end);
      playFromLink(range.start);
      return;
    }
    // A paragraph anchor (e.g. "first speaks at" from a person page): cue the player there, no playback.
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.classList.contains("para")) {
      var index = paras.indexOf(target);
      if (index >= 0 && player && (initial || player.paused)) {
        markCurrent(target);
        seek(starts[index], false);
      }
    }
  }

  function onTimeUpdate() {
    markCurrent(paragraphAt(player.currentTime));
    checkClipEnd();
  }

  /* ---- Clip ----------------------------------------------------------- */

  // A range opened from "#t=start,end": its paragraphs marked, and playback paused at its end once.
  var clip = null;

  function setClip(start, end) {
    var marked = [];
    var last = indexAt(Math.max(start, end - 0.001));
    for (var i = indexAt(start); i <= last; i++) {
      paras[i].classList.add("in-clip");
      marked.push(paras[i]);
    }
    clip = { start: start, end: end, paras: marked, armed: false, watching: false };
  }

  function clearClip() {
    if (!clip) return;
    clip.paras.forEach(function (para) { para.classList.remove("in-clip"); });
    clip = null;
  }

  // Armed once playback is inside the range, so that the position before the seek cannot stop it.
  function checkClipEnd() {
    if (!clip || clip.end === null || player.seeking) return;
    var t = player.currentTime;
    if (t >= clip.start - 0.5 && t < clip.end) {
      clip.armed = true;
      if (!player.paused && !clip.watching) watchClip();
    } else if (clip.armed && t >= clip.end) {
      player.pause();
      clip.end = null;  // played once; playing on is the listener's choice
    }
  }

  // timeupdate comes a few times a second; each frame is checked while the clip plays, to stop near its end.
  function watchClip() {
    clip.watching = true;
    var watched = clip;
    (function frame() {
      if (clip !== watched || clip.end === null || player.paused) {
        watched.watching = false;
        return;
      }
      checkClipEnd();
      window.requestAnimationFrame(frame);
    })();
  }

  // Sharing: the paragraphs a text selection in the transcript touches, as a "#t=start,end" link.
  var share = null;   // {box, button, status, url}
  var selected = null;  // {start, end, last} of the selection, while there is one

  function episodeDuration() {
    if (player && isFinite(player.duration) && player.duration > 0) return player.duration;
    var given = body ? parseFloat(body.getAttribute("data-duration")) : NaN;
    return isNaN(given) ? null : given;
  }

  // The paragraph holding `node`, or else the nearest one after it (forward) or before it.
  function paraIndexOf(node, forward) {
    var element = node.nodeType === 1 ? node : node.parentNode;
    var para = element.closest ? element.closest(".para") : null;
    var index = para ? paras.indexOf(para) : -1;
    if (index >= 0) return index;
    for (var i = 0; i < paras.length; i++) {
      if (node.compareDocumentPosition(paras[i]) & Node.DOCUMENT_POSITION_FOLLOWING) return forward ? i : i - 1;
    }
    return forward ? -1 : paras.length - 1;
  }

  function selectedClip() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) || !range.toString().trim()) return null;
    var first = paraIndexOf(range.startContainer, true);
    var last = paraIndexOf(range.endContainer, false);
    if (last > first) {
      // A selection that only reaches the start of a paragraph (a triple click does) leaves it out.
      var lead = document.createRange();
      lead.setStart(paras[last], 0);
      lead.setEnd(range.endContainer, range.endOffset);
      if (!lead.toString().trim()) last -= 1;
    }
    if (first < 0 || last < first) return null;
    var end = last + 1 < starts.length ? starts[last + 1] : episodeDuration();
    return { start: starts[first], end: end !== null && end > starts[first] ? end : null, last: last, range: range };
  }

  function makeShareBox() {
    var box = document.createElement("div");
    var button = document.createElement("button");
    var status = document.createElement("p");
    var url = document.createElement("input");
    box.className = "clip-share";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Share a clip");
    button.type = "button";
    button.className = "player-button clip-button";
    status.className = "clip-status";
    status.setAttribute("role", "status");
    url.type = "text";
    url.readOnly = true;
    url.className = "clip-url";
    url.setAttribute("aria-label", "Link to the clip");
    url.hidden = true;
    url.addEventListener("focus", function () { url.select(); });
    // Keeps the text selection (and so the box) when the button is pressed with a mouse.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", shareClip);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hideShareBox();
    });
    box.appendChild(button);
    box.appendChild(status);
    box.appendChild(url);
    box.hidden = true;
    return { box: box, button: button, status: status, url: url };
  }

  function clipLink(found) {
    var fragment = "#t=" + fragmentSeconds(found.start) + (found.end !== null ? "," + fragmentSeconds(found.end) : "");
    return window.location.href.split("#")[0] + fragment;
  }

  function showShareBox(found) {
    if (!share) share = makeShareBox();
    var same = selected && !share.box.hidden && selected.start === found.start && selected.end === found.end;
    selected = found;
    if (!same) {  // a new clip: what was said about the last one goes
      share.button.textContent = "Share clip " + formatTime(found.start) +
        (found.end !== null ? "\u2013" + formatTime(found.end) : "");
      share.status.textContent = "";
      share.url.hidden = true;
    }
    // After the last selected paragraph, so that Tab from the selection reaches it next.
    if (share.box.previousElementSibling !== paras[found.last]) paras[found.last].after(share.box);
    share.box.hidden = false;
    var rects = found.range.getClientRects();
    var end = rects.length ? rects[rects.length - 1] : found.range.getBoundingClientRect();
    var area = body.getBoundingClientRect();
    var left = Math.min(end.right - area.left, area.width - share.box.offsetWidth);
    share.box.style.top = (end.bottom - area.top + 6) + "px";
    share.box.style.left = Math.max(0, left) + "px";
  }

  function hideShareBox() {
    if (share) share.box.hidden = true;
    selected = null;
  }

  function shareClip() {
    if (!selected) return;
    var link = clipLink(selected);
    share.url.value = link;
    share.url.hidden = false;
    var copied = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(link)
      : Promise.reject(new Error("no clipboard"));
    copied.then(
      function () { share.status.textContent = "Link copied: " + clipSpan(selected); },
      function () { share.status.textContent = "Copy this link:"; share.url.focus(); }
    );
  }

  function clipSpan(found) {
    return formatTime(found.start) + (found.end !== null ? " to " + formatTime(found.end) : " onwards");
  }

  var selectionQueued = false;
  var dragging = false;  // a selection made with the mouse is offered once the button is released

  function onSelectionChange() {
    if (selectionQueued) return;
    selectionQueued = true;
    window.requestAnimationFrame(function () {
      selectionQueued = false;
      if (share && share.box.contains(document.activeElement)) return;  // the listener is using the box
      var found = dragging ? null : selectedClip();
      if (found) showShareBox(found); else hideShareBox();
    });
  }

  function setupClips() {
    if (!player || !body || !paras.length) return;
    var hint = document.querySelector(".transcript-hint");
    if (hint) hint.textContent += " Select some of its text to share that part as a clip.";
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("mousedown", function (event) {
      if (event.button === 0 && !(share && share.box.contains(event.target))) dragging = true;
    });
    document.addEventListener("mouseup", function () {
      if (!dragging) return;
      dragging = false;
      onSelectionChange();
    });
    document.addEventListener("focusin", function (event) {
      if (share && !share.box.hidden && !share.box.contains(event.target) && !selectedClip()) hideShareBox();
    });
  }

  /* ---- Follow --------------------------------------------------------- */

  // Opt-in: keeps the paragraph playing now in view. Only the listener's own scrolling (wheel, touch,
  // scroll keys, the scroll bar) stops it: the page's own scrolls are never mistaken for theirs,
  // since none of those inputs come from a script. "Back to now" (or the toggle) brings it back.
  var following = false;
  var followToggle = null;
  var backToNow = null;

  function scrollBehaviour() {
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return reduce ? "instant" : "smooth";
  }

  // The band a followed paragraph should sit in: below the sticky player, above the bottom fifth.
  function inView(para) {
    var box = para.getBoundingClientRect();
    var bar = player.closest(".player") || player;
    var top = Math.max(0, bar.getBoundingClientRect().bottom);
    return box.top >= top && box.bottom <= window.innerHeight * 0.8;
  }

  function keepInView(para) {
    if (following && !inView(para)) reveal(para);
  }

  function setFollowing(on) {
    following = on;
    followToggle.setAttribute("aria-pressed", on ? "true" : "false");
    backToNow.hidden = true;
    if (on && player) {
      var para = current || paragraphAt(player.currentTime);
      if (para) reveal(para);
    }
  }

  function listenerScrolled() {
    if (!following) return;
    setFollowing(false);
    backToNow.hidden = false;
  }

  var SCROLL_KEYS = { PageUp: 1, PageDown: 1, Home: 1, End: 1, ArrowUp: 1, ArrowDown: 1, " ": 1 };

  function onScrollKey(event) {
    var target = event.target;
    if (!SCROLL_KEYS[event.key] || event.altKey || event.metaKey || !target.closest) return;
    if (target.closest("input, textarea, select, audio, video, [contenteditable], [role=slider], [role=spinbutton]")) return;
    if (event.key === " " && target.closest("a, button, summary")) return;
    // Only a key the page lets through scrolls it (a player shortcut on Space does not).
    window.setTimeout(function () { if (!event.defaultPrevented) listenerScrolled(); }, 0);
  }

  function setupFollow() {
    var tools = document.querySelector(".transcript-tools");
    if (!player || !tools || !paras.length) return;
    followToggle = document.createElement("button");
    followToggle.type = "button";
    followToggle.className = "player-button follow-toggle";
    followToggle.textContent = "Follow along";
    followToggle.setAttribute("aria-pressed", "false");
    followToggle.addEventListener("click", function () { setFollowing(!following); });
    backToNow = document.createElement("button");
    backToNow.type = "button";
    backToNow.className = "player-button follow-back";
    backToNow.textContent = "Back to now";
    backToNow.hidden = true;
    backToNow.addEventListener("click", function () {
      var hadFocus = document.activeElement === backToNow;
      setFollowing(true);
      var link = current && current.querySelector("a.para-time");
      if (hadFocus && link) link.focus({ preventScroll: true });  // the button is gone: focus goes to now
    });
    tools.insertBefore(followToggle, tools.firstChild);
    tools.appendChild(backToNow);
    window.addEventListener("wheel", listenerScrolled, { passive: true });
    window.addEventListener("touchmove", listenerScrolled, { passive: true });
    window.addEventListener("keydown", onScrollKey);
    document.addEventListener("mousedown", function (event) {
      if (event.target === document.documentElement) listenerScrolled();  // the page's scroll bar
    });
  }

  /* ---- Time links widget ---------------------------------------------- */

  // The transcript's times are one tab stop: the arrow keys move between them, Home and End go to the
  // first and last, Enter plays (or goes to the paragraph). The stop sits on the paragraph playing now.
  var times = [];
  var roving = -1;

  function setRoving(index) {
    if (index === roving || index < 0) return;
    if (roving >= 0) times[roving].tabIndex = -1;
    roving = index;
    times[index].tabIndex = 0;
  }

  function rovingFollows(para) {
    if (!times.length || (body && body.contains(document.activeElement))) return;
    var link = para.querySelector("a.para-time");
    setRoving(times.indexOf(link));
  }

  function onTimeKey(event) {
    var index = times.indexOf(event.target);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    var next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1,
                 Home: 0, End: times.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    next = Math.max(0, Math.min(times.length - 1, next));
    setRoving(next);
    times[next].focus();
    if (following) listenerScrolled();
  }

  // A speaker's link in the transcript leaves the tab order when the same page is a tab stop elsewhere
  // on the page (the episode's people): it stays a link, to pointer and screen reader alike.
  function dropRepeatedSpeakerLinks() {
    var outside = {};
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      if (!body.contains(links[i]) && links[i].tabIndex >= 0 && !links[i].closest("[aria-hidden=true]")) {
        outside[links[i].getAttribute("href")] = true;
      }
    }
    var speakers = body.querySelectorAll(".speaker a[href]");
    for (var j = 0; j < speakers.length; j++) {
      if (outside[speakers[j].getAttribute("href")]) speakers[j].tabIndex = -1;
    }
  }

  function setupTimeLinks() {
    if (!body) return;
    times = Array.prototype.slice.call(body.querySelectorAll("a.para-time, a.ts"));
    if (!times.length) return;
    var hint = document.createElement("p");
    hint.id = "transcript-keys";
    hint.className = "transcript-keys";
    hint.textContent = "Keyboard: the times are one stop. Up and Down arrows move between them, Home and End " +
      "go to the first and last, Enter " + (player ? "plays from there." : "goes to the paragraph.");
    var tools = document.querySelector(".transcript-tools");
    if (tools) tools.appendChild(hint); else body.parentNode.insertBefore(hint, body);
    times.forEach(function (link) {
      link.tabIndex = -1;
      link.setAttribute("aria-describedby", hint.id);
    });
    setRoving(0);
    body.addEventListener("keydown", onTimeKey);
    body.addEventListener("focusin", function (event) { setRoving(times.indexOf(event.target)); });
    dropRepeatedSpeakerLinks();
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
  setupTimeLinks();
  setupFollow();
  setupClips();
  document.addEventListener("click", onClick);
  window.addEventListener("hashchange", function () { followHash(false); });
  if (player) {
    if (body) body.classList.add("is-live");
    player.addEventListener("timeupdate", onTimeUpdate);
    player.addEventListener("seeked", onTimeUpdate);
    player.addEventListener("play", function () { if (clip && clip.end !== null) checkClipEnd(); });
    addCopyButton();
  }
  if (window.location.hash) followHash(true);
})();
