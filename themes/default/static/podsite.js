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

  // A Copy button and a status line after `field` (an input or a textarea). `how`: the class prefix (kind), the
  // button's name (label), what the status says once copied (copied) or else (fallback, with the text selected),
  // and a function to run first (before), which may bring the field up to date.
  function addCopy(field, how) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = how.kind + "-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", how.label);
    status.className = how.kind + "-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      status.textContent = "";
      if (how.before) how.before();
      copyText(field).then(
        function () { status.textContent = how.copied; },
        function () { field.select(); status.textContent = how.fallback; }
      );
    });
    field.addEventListener("focus", function () { field.select(); });
    field.parentNode.appendChild(button);
    field.parentNode.appendChild(status);
  }

  function addFeedCopy(field) {
    addCopy(field, { kind: "subscribe", label: "Copy the RSS feed address",
                     copied: "Copied: paste it into your podcast app",
                     fallback: "Press Ctrl+C (or ⌘C) to copy the selected address" });
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
    if (!paras.length) return checkClipEnd();
    var at = indexAt(player.currentTime);
    var now = current ? paras.indexOf(current) : -1;
    // Paragraphs that share a start time (estimated ones often do): the one the listener chose stays marked.
    if (now < 0 || starts[now] !== starts[at]) markCurrent(paras[at]);
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
      if (event.key !== "Escape") return;
      hideShareBox();
      window.getSelection().removeAllRanges();
      if (roving >= 0) times[roving].focus();  // back to the times the clip was chosen from
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
    tools.appendChild(followToggle);  // after the Skip transcript link, which stays the first stop
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
    if (event.shiftKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      if (selectingFrom < 0) selectingFrom = index;
      selectParagraphs(times[selectingFrom], times[next]);
      var found = selectedClip();
      if (found) showShareBox(found);  // now, not a frame later: the next Tab must find the control in place
    } else {
      selectingFrom = -1;
    }
    setRoving(next);
    times[next].focus();
    if (following) listenerScrolled();
  }

  // Shift with Up or Down selects whole paragraphs, from the time where the selection began to the one
  // focused now: the keyboard's way to a clip, since text cannot otherwise be selected without a pointer.
  var selectingFrom = -1;

  function selectParagraphs(fromLink, toLink) {
    var from = paraIndexOf(fromLink, true);  // a chapter heading's time: the paragraph it opens
    var to = paraIndexOf(toLink, true);
    if (from < 0 || to < 0) return;
    var first = paras[Math.min(from, to)];
    var last = paras[Math.max(from, to)];
    var range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.childNodes.length);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
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
      "go to the first and last, Enter " + (player ? "plays from there; Shift with Up or Down selects paragraphs " +
      "to share as a clip." : "goes to the paragraph.");
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

  /* ---- Share / Embed ------------------------------------------------- */
  /* The episode page's Share / Embed box gives its link and its embed code as text to select. Here each gets
     a Copy button, and between them comes the link to the time playing now, kept current while the box is
     open. The link's "#t=4:34" is what followHash reads. */

  function setupShare() {
    var box = document.getElementById("share");
    var link = document.getElementById("share-link");
    var code = document.getElementById("share-embed");
    if (!box || !link || !code) return;
    addCopy(link, { kind: "share", label: "Copy the link", copied: "Link copied",
                    fallback: "Press Ctrl+C (or ⌘C) to copy the selected link" });
    if (player) {
      var at = make("input", "share-value");
      var row = make("p", "share-field");
      var label = make("label", "", "Link at the current time");
      at.id = "share-time";
      at.type = "text";
      at.readOnly = true;
      at.spellcheck = false;
      label.htmlFor = at.id;
      row.appendChild(label);
      row.appendChild(document.createTextNode(" "));
      row.appendChild(at);
      code.parentNode.parentNode.insertBefore(row, code.parentNode);
      var showTime = function () { at.value = link.value.split("#")[0] + "#t=" + formatTime(player.currentTime); };
      showTime();
      box.addEventListener("toggle", showTime);
      ["timeupdate", "seeked"].forEach(function (name) {
        player.addEventListener(name, function () { if (box.open) showTime(); });
      });
      addCopy(at, { kind: "share", label: "Copy the link at the current time", copied: "Link copied",
                    fallback: "Press Ctrl+C (or ⌘C) to copy the selected link", before: showTime });
    }
    addCopy(code, { kind: "share", label: "Copy the embed code",
                    copied: "Embed code copied: paste it into your page's HTML",
                    fallback: "Press Ctrl+C (or ⌘C) to copy the selected code" });
  }

  /* ---- Player: control bar, chapters, resume, lock screen, keys -------
     A bar of real buttons over the <audio> (whose own controls it hides), built only when this script runs. */

  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  var BACK = 15;
  var AHEAD = 30;
  var HEARD = 20;        // an episode this close to its end counts as finished: no resume offered
  var SPEED_KEY = "podsite:speed";
  var PLACE_KEY = "podsite:position:" + window.location.pathname;
  var ui = {};           // the bar's parts
  var chapters = [];     // {start, title}, ascending
  var info = {};         // title, show, artwork from #player-data
  var chapterShown = -2;
  var played = false;    // positions are kept only once the listener has played something
  var savedAt = 0;

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, String(value));
    } catch (error) { /* storage blocked or full: the player works without it */ }
  }

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var ICONS = {
    play: "M8 5v14l11-7z",
    pause: "M6 5h4v14H6zm8 0h4v14h-4z",
    prev: "M6 6h2v12H6zm3.5 6 8.5 6V6z",
    next: "M16 6h2v12h-2zM6 18l8.5-6L6 6z"
  };

  function icon(name) {
    return '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="' +
      ICONS[name] + '"/></svg>';
  }

  function control(className, label, html, action) {
    var node = make("button", "pb-button " + className);
    node.type = "button";
    node.setAttribute("aria-label", label);
    node.innerHTML = html;
    node.addEventListener("click", action);
    return node;
  }

  // 83 -> "1 minute 23 seconds": what a screen reader says for a position.
  function spokenTime(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var parts = [[Math.floor(s / 3600), "hour"], [Math.floor(s % 3600 / 60), "minute"], [s % 60, "second"]];
    var words = parts.filter(function (p) { return p[0]; }).map(function (p) {
      return p[0] + " " + p[1] + (p[0] === 1 ? "" : "s");
    });
    return words.length ? words.join(" ") : "0 seconds";
  }

  function say(text) {
    ui.status.textContent = "";
    // Emptied first and refilled a moment later, so that the same words twice are announced twice.
    window.setTimeout(function () { ui.status.textContent = text; }, 50);
  }

  function duration() {
    return isFinite(player.duration) ? player.duration : 0;
  }

  function jumpTo(seconds) {
    var end = duration();
    seek(Math.max(0, end ? Math.min(seconds, end) : seconds), false);
  }

  function play() {
    var attempt = player.play();
    if (attempt && typeof attempt.catch === "function") attempt.catch(function () {});
  }

  function togglePlay() {
    if (player.paused) play(); else player.pause();
  }

  function setSpeed(rate) {
    player.defaultPlaybackRate = rate;  // load() resets the rate to this
    player.playbackRate = rate;
  }

  function stepSpeed(step) {
    var index = SPEEDS.indexOf(player.playbackRate);
    if (index < 0) index = SPEEDS.indexOf(1);
    setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index + step))]);
  }

  /* Chapters */

  function chapterAt(seconds) {
    var found = -1;
    for (var i = 0; i < chapters.length && chapters[i].start <= seconds; i++) found = i;
    return found;
  }

  // Previous goes to the start of this chapter first, as a track list does, unless that start was just heard.
  function previousChapter() {
    var index = chapterAt(player.currentTime);
    if (index >= 0 && player.currentTime - chapters[index].start < 3) index -= 1;
    jumpTo(index >= 0 ? chapters[index].start : 0);
    announceChapter(index);
  }

  function nextChapter() {
    var index = chapterAt(player.currentTime) + 1;
    if (index >= chapters.length) return;
    jumpTo(chapters[index].start);
    announceChapter(index);
  }

  function announceChapter(index) {
    if (chapters[index]) say("Chapter " + (index + 1) + ": " + chapters[index].title);
  }

  function showChapter(seconds) {
    var index = chapterAt(seconds);
    if (index === chapterShown || !ui.chapter) return;
    chapterShown = index;
    ui.chapter.textContent = index >= 0 ? chapters[index].title : "";
    ui.next.setAttribute("aria-disabled", String(index + 1 >= chapters.length));
    setMetadata();
  }

  function markChapters() {
    var end = duration();
    if (!ui.marks || !end || ui.marks.childNodes.length) return;
    chapters.forEach(function (chapter) {
      if (chapter.start <= 0 || chapter.start >= end) return;
      var mark = make("span", "pb-mark");
      mark.style.setProperty("--at", String(chapter.start / end));
      ui.marks.appendChild(mark);
    });
  }

  /* Time display, seek bar, play state */

  function showTime(seconds) {
    var end = duration();
    ui.elapsed.textContent = formatTime(seconds);
    ui.remaining.textContent = end ? "\u2212" + formatTime(end - seconds) : "";
    ui.seek.max = String(end || 0);
    if (!ui.dragging) ui.seek.value = String(seconds);
    ui.seek.setAttribute("aria-valuetext", spokenTime(seconds) + (end ? " of " + spokenTime(end) : ""));
    showChapter(seconds);
  }

  function showPlaying() {
    var paused = player.paused;
    ui.play.setAttribute("aria-label", paused ? "Play" : "Pause");
    ui.play.innerHTML = icon(paused ? "play" : "pause");
  }

  function showSpeed() {
    ui.speed.value = String(player.playbackRate);
    if (SPEEDS.indexOf(player.playbackRate) >= 0) store(SPEED_KEY, player.playbackRate);
  }

  /* Resume */

  // Kept once the listener has played; forgotten near the end, so that a finished episode is not offered again.
  function keepPlace(force) {
    var now = Date.now();
    if (!played || (!force && now - savedAt < 2000)) return;
    savedAt = now;
    var at = player.currentTime;
    var end = duration();
    store(PLACE_KEY, player.ended || (end && end - at < HEARD) || at < 5 ? null : Math.floor(at));
  }

  function offerResume() {
    var at = parseFloat(stored(PLACE_KEY) || "");
    if (!(at > 0) || rangeFromHash(window.location.hash) !== null) return;  // a #t= link says where to start
    var offer = make("button", "player-button player-resume", "Resume at " + formatTime(at));
    offer.type = "button";
    offer.addEventListener("click", function () { playFrom(at); });
    player.addEventListener("play", function () { offer.remove(); }, { once: true });
    ui.inner.appendChild(offer);
  }

  // Plays from `seconds`: for the rest of this script (transcript links, prompts) as for the resume offer.
  function playFrom(seconds) {
    seek(seconds, true);
  }

  /* Lock screen and media keys */

  function setMetadata() {
    if (!("mediaSession" in navigator) || typeof window.MediaMetadata !== "function") return;
    var chapter = chapters[chapterShown];
    navigator.mediaSession.metadata = new window.MediaMetadata({
      title: info.title || document.title,
      artist: info.show || "",
      album: chapter ? chapter.title : "",
      artwork: info.artwork ? [{ src: new URL(info.artwork, window.location.href).href }] : []
    });
  }

  function setPosition() {
    var end = duration();
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState || !end) return;
    try {
      navigator.mediaSession.setPositionState({
        duration: end, playbackRate: player.playbackRate, position: Math.min(player.currentTime, end)
      });
    } catch (error) { /* a position the browser refuses: the lock screen shows none */ }
  }

  function setMediaHandlers() {
    if (!("mediaSession" in navigator)) return;
    var handlers = {
      play: play,
      pause: function () { player.pause(); },
      seekbackward: function (details) { jumpTo(player.currentTime - (details.seekOffset || BACK)); },
      seekforward: function (details) { jumpTo(player.currentTime + (details.seekOffset || AHEAD)); },
      seekto: function (details) { jumpTo(details.seekTime); },
      previoustrack: chapters.length ? previousChapter : null,
      nexttrack: chapters.length ? nextChapter : null
    };
    Object.keys(handlers).forEach(function (action) {
      try {
        navigator.mediaSession.setActionHandler(action, handlers[action]);
      } catch (error) { /* an action this browser does not know */ }
    });
  }

  /* Keyboard shortcuts */

  var NOT_TYPING = /^(button|submit|reset|checkbox|radio|range|color|file|image)$/;

  function typingIn(node) {
    if (!node || !node.closest) return false;
    if (node.closest("textarea, select, [contenteditable]:not([contenteditable='false'])")) return true;
    return node.tagName === "INPUT" && !NOT_TYPING.test(node.type);
  }

  function onControl(node) {
    return Boolean(node && node.closest && node.closest(
      "a[href], button, input, select, textarea, summary, audio, video, [contenteditable], " +
      "[role=button], [role=link], [role=slider], [role=checkbox], [role=switch], [role=tab], [role=option], [role=menuitem]"));
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
    var key = event.key;
    var lower = key.length === 1 ? key.toLowerCase() : key;
    if (lower === "k" || (key === " " && !onControl(event.target))) {
      if (!event.repeat) {
        togglePlay();
        say(player.paused ? "Paused" : "Playing");
      }
    } else if (lower === "j" || lower === "l") {
      jumpTo(player.currentTime + (lower === "j" ? -BACK : AHEAD));
      say(lower === "j" ? "Back " + BACK + " seconds" : "Forward " + AHEAD + " seconds");
    } else if (key === "<" || key === ">") {
      stepSpeed(key === "<" ? -1 : 1);
      say("Speed " + player.playbackRate + "\u00d7");
    } else {
      return;
    }
    event.preventDefault();
  }

  /* Building the bar */

  function readInfo() {
    var data = document.getElementById("player-data");
    try {
      info = data ? JSON.parse(data.textContent) : {};
    } catch (error) {
      info = {};
    }
    chapters = (info.chapters || []).filter(function (c) { return typeof c.start === "number"; });
  }

  function buildBar() {
    var bar = make("div", "player-bar");
    var track = make("div", "pb-track");
    var times = make("div", "pb-times");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Player controls");
    ui.back = control("pb-back", "Back " + BACK + " seconds", "\u2212" + BACK, function () {
      jumpTo(player.currentTime - BACK);
    });
    ui.play = control("pb-play", "Play", icon("play"), togglePlay);
    ui.ahead = control("pb-ahead", "Forward " + AHEAD + " seconds", "+" + AHEAD, function () {
      jumpTo(player.currentTime + AHEAD);
    });
    ui.seek = make("input", "pb-seek");
    ui.seek.type = "range";
    ui.seek.min = "0";
    ui.seek.step = "1";
    ui.seek.value = "0";
    ui.seek.setAttribute("aria-label", "Position");
    ui.seek.addEventListener("input", function () {
      ui.dragging = true;
      showTime(parseFloat(ui.seek.value));
    });
    ui.seek.addEventListener("change", function () {
      ui.dragging = false;
      jumpTo(parseFloat(ui.seek.value));
    });
    ui.elapsed = make("span", "pb-elapsed", "0:00");
    ui.remaining = make("span", "pb-remaining");
    times.setAttribute("aria-hidden", "true");  // the seek bar's value text says the same to screen readers
    times.appendChild(ui.elapsed);
    times.appendChild(ui.remaining);
    if (chapters.length) {
      ui.chapter = make("span", "pb-chapter");
      ui.marks = make("span", "pb-marks");
      ui.marks.setAttribute("aria-hidden", "true");
      track.appendChild(ui.chapter);
    }
    track.appendChild(ui.seek);
    if (ui.marks) track.appendChild(ui.marks);
    track.appendChild(times);
    [ui.back, ui.play, ui.ahead, track].forEach(function (node) { bar.appendChild(node); });
    if (chapters.length) {
      ui.prev = control("pb-prev", "Previous chapter", icon("prev"), previousChapter);
      ui.next = control("pb-next", "Next chapter", icon("next"), nextChapter);
      bar.appendChild(ui.prev);
      bar.appendChild(ui.next);
    }
    ui.status = make("span", "visually-hidden");
    ui.status.setAttribute("role", "status");
    bar.appendChild(ui.status);
    return bar;
  }

  function buildMore() {
    var more = make("div", "wrap player-more");
    var label = make("label", "pb-speed");
    ui.speed = make("select");
    SPEEDS.forEach(function (rate) {
      var option = make("option", "", rate + "\u00d7");
      option.value = String(rate);
      ui.speed.appendChild(option);
    });
    ui.speed.addEventListener("change", function () { setSpeed(parseFloat(ui.speed.value)); });
    label.appendChild(document.createTextNode("Speed "));
    label.appendChild(ui.speed);
    more.appendChild(label);
    // What the sticky bar has no room for: the download link, the copy button and the like scroll with the page.
    Array.prototype.slice.call(ui.inner.children).forEach(function (node) {
      if (node !== player && node !== ui.bar && node.id !== "player-data") more.appendChild(node);
    });
    var keys = make("p", "player-keys");
    keys.innerHTML = "Keys: <kbd>k</kbd> or <kbd>Space</kbd> play/pause, <kbd>j</kbd> back " + BACK +
      " s, <kbd>l</kbd> forward " + AHEAD + " s, <kbd>&lt;</kbd> <kbd>&gt;</kbd> speed";
    more.appendChild(keys);
    return more;
  }

  // The sticky bar's real height, for the scroll margins that keep anchors from landing under it.
  function trackHeight() {
    var first = true;
    function measure() {
      document.documentElement.style.setProperty("--player-height", ui.section.getBoundingClientRect().height + "px");
      var target = first && window.location.hash ? document.querySelector(":target") : null;
      first = false;
      if (target) target.scrollIntoView();  // the page's own jump to it may have used the height before the bar
    }
    if (typeof window.ResizeObserver === "function") new window.ResizeObserver(measure).observe(ui.section);
    else measure();
  }

  function startPlayer() {
    ui.inner = player.parentNode;
    ui.section = ui.inner.closest(".player") || ui.inner;
    readInfo();
    ui.bar = buildBar();
    player.controls = false;
    ui.inner.insertBefore(ui.bar, player.nextSibling);
    ui.section.parentNode.insertBefore(buildMore(), ui.section.nextSibling);
    ui.section.classList.add("is-enhanced");
    var speed = parseFloat(stored(SPEED_KEY) || "");
    if (SPEEDS.indexOf(speed) >= 0) setSpeed(speed);
    showSpeed();
    showTime(player.currentTime);
    showPlaying();
    setMetadata();
    setMediaHandlers();
    offerResume();
    trackHeight();
    markChapters();  // the audio's metadata may have come before this script ran, and its event with it
    player.addEventListener("timeupdate", function () {
      showTime(player.currentTime);
      if (!player.paused) keepPlace(false);
    });
    ["durationchange", "loadedmetadata"].forEach(function (name) {
      player.addEventListener(name, function () {
        markChapters();
        showTime(player.currentTime);
        setPosition();
      });
    });
    player.addEventListener("seeked", function () {
      showTime(player.currentTime);
      setPosition();
      keepPlace(true);
    });
    player.addEventListener("playing", function () { played = true; });
    ["play", "pause"].forEach(function (name) {
      player.addEventListener(name, function () {
        showPlaying();
        setPosition();
        keepPlace(true);
      });
    });
    player.addEventListener("ended", function () { keepPlace(true); });
    player.addEventListener("ratechange", function () {
      showSpeed();
      setPosition();
    });
    window.addEventListener("pagehide", function () { keepPlace(true); });
    document.addEventListener("keydown", onKey);
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
    startPlayer();
  }
  setupShare();
  if (window.location.hash) followHash(true);
})();
