// guide serve live-reload client. Injected into HTML responses by `guide serve` only;
// never part of built files. Protocol (JSON over /__guide/ws):
//   {"type":"reload"}                       reload, keeping the scroll position
//   {"type":"css","files":["/static/a.1f.css"]}  swap matching stylesheets in place
//   {"type":"error","text":"...","errors":[{file,line,col,message}]}  show the overlay
(function () {
  "use strict";
  if (window.__guideLiveReload) return;
  // Exposed so people (and browser tests) can see whether live reload is connected.
  var live = window.__guideLiveReload = { connected: false };
  var KEY = "__guide_scroll:" + location.pathname;
  var OVERLAY = "__guide_error_overlay";

  function restoreScroll() {
    var y = null;
    try { y = sessionStorage.getItem(KEY); } catch (e) { return; }
    if (y === null) return;
    window.scrollTo(0, parseFloat(y) || 0);
    window.addEventListener("load", function () {
      window.scrollTo(0, parseFloat(y) || 0);
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
      if (msg.type === "reload") reload();
      else if (msg.type === "css") { hideError(); swapCss(msg.files || []); }
      else if (msg.type === "error") showError(msg);
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
