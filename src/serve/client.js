// guide serve live-reload client. Injected into HTML responses by `guide serve` only;
// never part of built files. Protocol (JSON over /__guide/ws):
//   {"type":"reload"}                       refresh the page, keeping the scroll position:
//       the new HTML is fetched and its body swapped in place when its stylesheets and
//       scripts are the ones already running and the theme can re-initialise
//       (window.guide.init); otherwise a real reload
//   {"type":"css","files":["/static/a.1f.css"]}  swap matching stylesheets in place
//   {"type":"error","text":"...","errors":[{file,line,col,message}]}  show the overlay
//   {"type":"warnings","text":"...","warnings":[{file,line,col,message}]}  a small panel
(function () {
  "use strict";
  if (window.__guideLiveReload) return;
  // Exposed so people (and browser tests) can see whether live reload is connected.
  var live = window.__guideLiveReload = { connected: false, swaps: 0 };
  var SELF = "__guide_live";
  var KEY = "__guide_scroll:" + location.pathname;
  var OVERLAY = "__guide_error_overlay";

  // Instant even where the theme asks for smooth scrolling: the page must not visibly travel.
  function jump(y) {
    try { window.scrollTo({ top: y, left: 0, behavior: "instant" }); } catch (e) { window.scrollTo(0, y); }
  }

  function restoreScroll() {
    var y = null;
    try { y = sessionStorage.getItem(KEY); } catch (e) { return; }
    if (y === null) return;
    jump(parseFloat(y) || 0);
    window.addEventListener("load", function () {
      jump(parseFloat(y) || 0);
      try { sessionStorage.removeItem(KEY); } catch (e) {}
    });
    if (document.readyState === "complete") {
      try { sessionStorage.removeItem(KEY); } catch (e) {}
    }
  }

  function reload() {
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) {}
    location.reload();
  }

  // What runs or styles a page, this client aside; a CSS swap's cache-buster is ignored.
  function assets(d) {
    var out = [], nodes = d.querySelectorAll('link[rel~="stylesheet"], script');
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n.id === SELF || /json/i.test(n.type || "")) continue;
      if (n.tagName === "LINK") out.push("L" + (n.getAttribute("href") || "").replace(/[?&]guide-t=\d+$/, ""));
      else out.push("S" + (n.getAttribute("src") || n.textContent));
    }
    return out.join("\n");
  }

  // A whole navigation costs tens of milliseconds; swapping the body of the freshly built
  // page costs a few. Any doubt (a new stylesheet, a changed script, an error) reloads.
  var seq = 0;
  function refresh() {
    var theme = window.guide;
    if (!theme || typeof theme.init !== "function" || !window.fetch || !window.DOMParser) return reload();
    var mine = ++seq;
    fetch(location.href.split("#")[0], { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (text) {
      if (mine !== seq) return;
      var next = new DOMParser().parseFromString(text, "text/html");
      if (!next.body || assets(next) !== assets(document)) return reload();
      var y = window.scrollY, self = next.getElementById(SELF);
      if (self) self.remove();
      document.title = next.title;
      var desc = next.querySelector('meta[name="description"]'), cur = document.querySelector('meta[name="description"]');
      if (desc && cur) cur.setAttribute("content", desc.getAttribute("content") || "");
      document.documentElement.replaceChild(document.adoptNode(next.body), document.body);
      theme.init();
      jump(y);
      live.swaps++;
    }).catch(function () { reload(); });
  }

  // "static/style.1a2b3c4d.css" -> "style": the name before the fingerprint hash.
  function cssStem(path) {
    var name = path.split("?")[0].split("#")[0].split("/").pop() || "";
    name = name.replace(/\.css$/i, "");
    return name.replace(/\.[0-9a-f]{6,}$/i, "");
  }

  function swapCss(files) {
    var stamp = "guide-t=" + Date.now();
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var stem = cssStem(new URL(link.href, location.href).pathname);
      for (var j = 0; j < files.length; j++) {
        if (cssStem(files[j]) === stem) {
          link.href = files[j] + (files[j].indexOf("?") < 0 ? "?" : "&") + stamp;
          break;
        }
      }
    }
  }

  function hideError() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function showError(msg) {
    hideError();
    var box = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,24,.94);color:#f5f5f5;padding:2rem;" +
      "font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-live", "assertive");
    var close = el("button", "float:right;font:inherit;cursor:pointer;", "Dismiss");
    close.type = "button";
    close.onclick = hideError;
    box.appendChild(close);
    box.appendChild(el("h2", "margin:0 0 1rem;color:#ff8080;font-size:1.2rem;", "guide: build failed"));
    var list = el("ul", "list-style:none;margin:0 0 1.5rem;padding:0;");
    (msg.errors || []).forEach(function (e) {
      var li = el("li", "margin:0 0 .5rem;");
      li.appendChild(el("strong", "color:#ffd479;", e.file + ":" + e.line + ":" + e.col));
      li.appendChild(document.createTextNode("  " + e.message));
      list.appendChild(li);
    });
    box.appendChild(list);
    box.appendChild(el("pre", "white-space:pre-wrap;margin:0;font:inherit;color:#ddd;", msg.text || ""));
    box.appendChild(el("p", "color:#aaa;", "The last good build is still being served. Fix the error and save; this page will reload."));
    (document.body || document.documentElement).appendChild(box);
  }

  var WARN = "__guide_warnings";
  // Warnings do not stop the build: a small corner panel, collapsed to a count,
  // that never covers the page (the full text is in the terminal too).
  function showWarnings(msg) {
    var old = document.getElementById(WARN);
    if (old) old.remove();
    var list = msg.warnings || [];
    if (!list.length) return;
    var box = el("details", "position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;" +
      "max-width:min(40rem,calc(100vw - 1.5rem));max-height:50vh;overflow:auto;" +
      "background:#fff8e1;color:#3d2c00;border:1px solid #b8860b;border-radius:.4rem;" +
      "padding:.4rem .7rem;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;");
    box.id = WARN;
    box.appendChild(el("summary", "cursor:pointer;font-weight:bold;",
      "guide: " + list.length + (list.length === 1 ? " warning" : " warnings")));
    var ul = el("ul", "list-style:none;margin:.4rem 0 0;padding:0;");
    list.forEach(function (w) {
      var li = el("li", "margin:0 0 .35rem;");
      li.appendChild(el("strong", "", w.file + (w.line ? ":" + w.line + ":" + w.col : "")));
      li.appendChild(document.createTextNode("  " + w.message));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    (document.body || document.documentElement).appendChild(box);
  }

  var delay = 250;
  var wasConnected = false;

  function connect() {
    var proto = location.protocol === "https:" ? "wss:" : "ws:";
    var ws;
    try { ws = new WebSocket(proto + "//" + location.host + "/__guide/ws"); } catch (e) { retry(); return; }
    ws.onopen = function () {
      delay = 250;
      live.connected = true;
      // The server went away and came back: it may be serving something new.
      if (wasConnected) { reload(); return; }
      wasConnected = true;
    };
    ws.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      live.messageAt = Date.now(); // for the latency benchmark
      if (msg.type === "reload") refresh();
      else if (msg.type === "css") { hideError(); swapCss(msg.files || []); }
      else if (msg.type === "error") showError(msg);
      else if (msg.type === "warnings") showWarnings(msg);
    };
    ws.onclose = function () { live.connected = false; retry(); };
  }

  var pending = false;
  function retry() {
    if (pending) return;
    pending = true;
    setTimeout(function () { pending = false; connect(); }, delay);
    delay = Math.min(delay * 2, 5000);
  }

  restoreScroll();
  connect();
})();
