/* podsite preview: reload on rebuild, keep the place, show build errors. */
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script && script.getAttribute("data-epoch")) || 0;
  var key = "podsite-preview:" + location.pathname;
  var overlay = null;

  function media() {
    return document.getElementById("player") || document.querySelector("audio, video");
  }

  function remember() {
    var state = { x: window.scrollX, y: window.scrollY };
    var player = media();
    if (player && (player.currentTime > 0 || !player.paused)) {
      state.media = { time: player.currentTime, playing: !player.paused && !player.ended };
    }
    try { sessionStorage.setItem(key, JSON.stringify(state)); } catch (error) { /* private mode */ }
  }

  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key) || "null");
      sessionStorage.removeItem(key);
    } catch (error) { return; }
    if (!saved) return;
    window.scrollTo(saved.x, saved.y);
    var player = media();
    if (player && saved.media) resume(player, saved.media);
  }

  function resume(player, saved) {
    function go() {
      try { player.currentTime = saved.time; } catch (error) { return; }
      if (saved.playing) {
        var attempt = player.play();  // the browser may refuse without a click; the time is kept anyway
        if (attempt && typeof attempt.catch === "function") attempt.catch(function () {});
      }
    }
    if (player.readyState >= 1) {
      go();
    } else {
      player.addEventListener("loadedmetadata", go, { once: true });
      if (player.preload === "none" || player.networkState === 0) player.load();
    }
  }

  function reload() {
    remember();
    location.reload();
  }

  function hideProblems() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showProblems(problems) {
    hideProblems();
    if (!problems.length) return;
    overlay = element("div");
    overlay.id = "podsite-overlay";
    var root = overlay.attachShadow ? overlay.attachShadow({ mode: "open" }) : overlay;
    var style = element("style", "", [
      ".box{position:fixed;z-index:2147483647;left:1rem;right:1rem;bottom:1rem;max-height:60vh;overflow:auto;",
      "background:#1d1f21;color:#f3f3f3;border-left:6px solid #e5484d;border-radius:6px;padding:1rem 1.25rem;",
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 32px rgba(0,0,0,.4)}",
      "h2{font:600 15px/1.4 system-ui,sans-serif;margin:0 2rem .75rem 0}",
      ".where{color:#8ab4f8}.error{color:#ff8a80}.warning{color:#ffd27f}.hint{color:#b0b0b0;padding-left:2ch}",
      "ul{list-style:none;margin:0;padding:0}li{margin:0 0 .5rem}",
      "button{position:absolute;top:.5rem;right:.75rem;background:none;border:0;color:inherit;font-size:20px;cursor:pointer}"
    ].join(""));
    var box = element("div", "box");
    box.setAttribute("role", "alert");
    box.appendChild(element("h2", "", "The last change broke the build. This is the last good version; fix the file and it reloads."));
    var list = element("ul");
    problems.forEach(function (problem) {
      var item = element("li");
      item.appendChild(element("span", "where", problem.location + ": "));
      item.appendChild(element("span", problem.severity, problem.severity + ": "));
      item.appendChild(element("span", "message", problem.message));
      if (problem.hint) item.appendChild(element("div", "hint", "hint: " + problem.hint));
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = element("button", "", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Hide these errors");
    close.addEventListener("click", hideProblems);
    box.appendChild(close);
    root.appendChild(style);
    root.appendChild(box);
    document.body.appendChild(overlay);
  }

  var initial = document.getElementById("podsite-problems");
  if (initial) showProblems(JSON.parse(initial.textContent));
  if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);

  if (!window.EventSource) return;
  var events = new EventSource("/__podsite/events");
  events.addEventListener("hello", function (event) {
    var state = JSON.parse(event.data);
    if (state.problems.length) showProblems(state.problems);
    else if (state.epoch > epoch) reload();  // a rebuild finished while this page was loading
    else hideProblems();
  });
  events.addEventListener("problems", function (event) { showProblems(JSON.parse(event.data).problems); });
  events.addEventListener("reload", reload);
})();
