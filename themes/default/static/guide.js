/* guide — default theme behaviour. Vanilla JS, no dependencies, every part optional:
   nothing here is needed to read the guide, and nothing throws when an element is missing. */
(function () {
  "use strict";

  var doc = document;
  var html = doc.documentElement;
  var body, ROOT, SEARCH, live; // per page body: set by init()
  var isFile = location.protocol === "file:";

  function $(sel, ctx) { return (ctx || doc).querySelector(sel); }
  function $$(sel, ctx) { return Array.prototype.slice.call((ctx || doc).querySelectorAll(sel)); }
  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs.hasOwnProperty(k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function safe(fn) { try { fn(); } catch (e) { if (window.console) console.error(e); } }
  function mq(q) { return window.matchMedia ? window.matchMedia(q) : { matches: false }; }
  /* What init() hooks onto objects that outlive the body (document, media queries, timers,
     observers) is undone before the next init(), so that serve's in-place page swap does
     not stack listeners or leave timers running on a detached page. */
  var undo = [];
  function later(fn) { undo.push(fn); }
  function listen(target, type, fn) {
    target.addEventListener(type, fn);
    later(function () { target.removeEventListener(type, fn); });
  }
  function onChange(m, fn) {
    if (m.addEventListener) listen(m, "change", fn);
    else if (m.addListener) { m.addListener(fn); later(function () { m.removeListener(fn); }); }
  }

  function announce(msg) {
    live.textContent = "";
    setTimeout(function () { live.textContent = msg; }, 60);
  }

  /* ---------- file:// : folders need an explicit index.html ---------- */
  var SCHEME = /^[a-z][a-z0-9+.-]*:/i;
  function fileHref(href) {
    if (!isFile || !href || SCHEME.test(href) || href.charAt(0) === "#" || href.charAt(0) === "/") return href;
    var m = /^([^?#]*)([?#].*)?$/.exec(href);
    var path = m[1], rest = m[2] || "";
    if (path === "" ) return href;
    if (path.charAt(path.length - 1) === "/") return path + "index.html" + rest;
    if (path === "." || path === ".." || /\/\.\.?$/.test(path)) return path + "/index.html" + rest;
    return href;
  }
  function fixFileLinks(ctx) {
    if (!isFile) return;
    $$("a[href]", ctx).forEach(function (a) {
      var h = a.getAttribute("href"), f = fileHref(h);
      if (f !== h) a.setAttribute("href", f);
    });
  }

  /* ---------- Theme toggle ---------- */
  function setupTheme() {
    var btn = $(".theme-toggle");
    if (!btn) return;
    var dark = mq("(prefers-color-scheme: dark)");
    function isDark() {
      var t = html.getAttribute("data-theme");
      return t ? t === "dark" : dark.matches;
    }
    function sync() { btn.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    btn.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      html.setAttribute("data-theme", next);
      try { localStorage.setItem("guide-theme", next); } catch (e) { /* private mode */ }
      sync();
    });
    onChange(dark, sync);
    sync();
  }

  /* ---------- Disclosures: sidebar and in-page TOC open on wide screens ---------- */
  function setupDisclosures() {
    function bind(sel, query) {
      var d = $(sel);
      if (!d) return;
      var m = mq(query);
      function apply() { d.open = m.matches; }
      onChange(m, apply);
      apply();
    }
    bind(".nav-details", "(min-width: 60rem)");
    bind(".toc-details", "(min-width: 75rem)");
    // Keep the current page visible in a long sidebar.
    var side = $(".sidebar"), cur = $('.site-nav a[aria-current="page"]');
    if (side && cur && side.scrollHeight > side.clientHeight) {
      var top = cur.offsetTop - side.clientHeight / 3;
      if (top > 0) side.scrollTop = top;
    }
  }

  /* ---------- In-page TOC scroll spy ---------- */
  function setupScrollSpy() {
    var toc = $(".toc");
    if (!toc || !("IntersectionObserver" in window)) return;
    var links = {}, heads = [];
    $$('a[href^="#"]', toc).forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute("href").slice(1));
      var h = doc.getElementById(id);
      if (h) { links[id] = a; heads.push(h); }
    });
    if (!heads.length) return;
    var visible = {}, current = null;
    function mark(id) {
      if (id === current) return;
      if (current && links[current]) links[current].removeAttribute("aria-current");
      current = id;
      if (id && links[id]) links[id].setAttribute("aria-current", "true");
    }
    function pick() {
      for (var i = 0; i < heads.length; i++) if (visible[heads[i].id]) return mark(heads[i].id);
      // None in the band: the last heading above it is the section being read.
      var last = null;
      for (var j = 0; j < heads.length; j++) {
        if (heads[j].getBoundingClientRect().top < 80) last = heads[j].id; else break;
      }
      mark(last);
    }
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      pick();
    }, { rootMargin: "0px 0px -65% 0px", threshold: 0 });
    heads.forEach(function (h) { io.observe(h); });
    later(function () { io.disconnect(); });
  }

  /* ---------- Hold timer ---------- */
  function fmt(s) {
    s = Math.max(0, Math.floor(s));
    var m = Math.floor(s / 60), r = s % 60;
    return m + ":" + (r < 10 ? "0" : "") + r;
  }
  function secondsText(s) {
    if (s >= 60 && s % 60 === 0) return (s / 60) + (s === 60 ? " minute" : " minutes");
    return s + (s === 1 ? " second" : " seconds");
  }
  var wakeLock = null;
  function keepAwake(on) {
    try {
      if (on && navigator.wakeLock && !wakeLock) {
        navigator.wakeLock.request("screen").then(function (l) { wakeLock = l; }, function () {});
      } else if (!on && wakeLock) { wakeLock.release(); wakeLock = null; }
    } catch (e) { /* unsupported */ }
  }
  var running = 0;

  function setupHold(hold) {
    var min = parseFloat(hold.getAttribute("data-min"));
    var max = parseFloat(hold.getAttribute("data-max"));
    if (!(min > 0) && max > 0) min = max;
    if (!(max > 0)) max = min;
    if (!(min > 0)) return;
    if (max < min) max = min;
    var label = $(".hold-label", hold);
    var name = label ? label.textContent.trim() : "Hold";

    var box = el("span", { "class": "hold-timer", role: "group", "aria-label": "Timer: " + name });
    var start = el("button", { type: "button", "class": "button hold-start" }, "Start timer");
    var time = el("span", { "class": "hold-time", role: "timer", "aria-label": "Elapsed time" }, "0:00");
    var meter = el("span", { "class": "hold-meter", "aria-hidden": "true" });
    var fill = el("span", { "class": "hold-fill" });
    meter.appendChild(fill);
    if (max > min) {
      var mm = el("span", { "class": "hold-minmark" });
      mm.style.left = (100 * min / max) + "%";
      meter.appendChild(mm);
    }
    var status = el("span", { "class": "hold-status" }, max > min ? fmt(min) + "–" + fmt(max) : fmt(max));
    var reset = el("button", { type: "button", "class": "button hold-reset" }, "Reset");
    reset.hidden = true;
    box.appendChild(start); box.appendChild(time); box.appendChild(meter); box.appendChild(status); box.appendChild(reset);
    hold.appendChild(box);

    var t0 = 0, elapsed = 0, tick = null, minDone = false, maxDone = false;
    later(function () { clearInterval(tick); });
    function now() { return Date.now() / 1000; }
    function render() {
      time.textContent = fmt(elapsed);
      fill.style.width = Math.min(100, 100 * elapsed / max) + "%";
    }
    function setRunning(on) {
      if (on === !!tick) return;
      if (on) {
        t0 = now() - elapsed;
        tick = setInterval(update, 250);
        running++;
        start.textContent = "Stop";
        hold.classList.add("is-running");
      } else {
        clearInterval(tick); tick = null;
        running = Math.max(0, running - 1);
        start.textContent = elapsed > 0 && !maxDone ? "Resume" : "Start timer";
        hold.classList.remove("is-running");
      }
      keepAwake(running > 0);
      reset.hidden = !(elapsed > 0 || on);
    }
    function update() {
      elapsed = now() - t0;
      if (!minDone && elapsed >= min && max > min) {
        minDone = true;
        hold.classList.add("is-min");
        status.textContent = "Minimum reached";
        announce(secondsText(min) + ": minimum reached. Keep holding, up to " + secondsText(max) + ".");
      }
      if (elapsed >= max) {
        elapsed = max; maxDone = true;
        hold.classList.add("is-min", "is-max");
        status.textContent = max > min ? "Maximum: release" : "Done: release";
        render();
        setRunning(false);
        start.textContent = "Start again";
        announce(secondsText(max) + (max > min ? ": maximum reached. Release now." : ": done. Release now."));
        return;
      }
      render();
    }
    function clear() {
      elapsed = 0; minDone = maxDone = false;
      hold.classList.remove("is-min", "is-max");
      status.textContent = max > min ? fmt(min) + "–" + fmt(max) : fmt(max);
      render();
    }
    start.addEventListener("click", function () {
      if (tick) { setRunning(false); return; }
      if (maxDone) clear();
      setRunning(true);
      if (elapsed === 0) announce("Timer started.");
    });
    reset.addEventListener("click", function () {
      clear();
      setRunning(false);
      reset.hidden = true;
      start.textContent = "Start timer";
      start.focus();
    });
  }

  /* ---------- Search ---------- */
  var WORD = /[\p{L}\p{N}]+/gu;
  function chars(s) { return Array.from(s); }
  function tokenize(q) {
    var out = [], m = (q || "").toLowerCase().match(WORD) || [];
    m.forEach(function (w) { if (chars(w).length >= 2) out.push(w); });
    return out;
  }
  function escRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function wordsRe(words) {
    return words.length ? new RegExp("(" + words.map(escRe).join("|") + ")", "giu") : null;
  }
  // Text with matches wrapped in <mark>, built as DOM nodes (never innerHTML).
  function appendMarked(parent, text, re, cls) {
    var last = 0, m, n = 0;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      if (m[0] === "") { re.lastIndex++; continue; }
      if (m.index > last) parent.appendChild(doc.createTextNode(text.slice(last, m.index)));
      var mk = el("mark", cls ? { "class": cls } : null, m[0]);
      parent.appendChild(mk);
      last = m.index + m[0].length; n++;
    }
    if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
    return n;
  }

  var cache = { meta: null, terms: {}, docs: {} };
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }
  function memo(store, key, url) {
    if (!store[key]) {
      store[key] = getJSON(url);
      store[key].catch(function () { delete store[key]; });
    }
    return store[key];
  }
  function loadMeta() { return memo(cache, "meta", SEARCH + "meta.json"); }
  /* Shards are keyed by a word's first two characters, or three where the index split a big one. */
  function shardOf(w, meta) {
    var c = chars(w), three = c.slice(0, 3).join("");
    return c.length > 2 && meta.shards && meta.shards.indexOf(three) > -1 ? three : c.slice(0, 2).join("");
  }
  function loadShard(meta, p) {
    if (meta.shards && meta.shards.indexOf(p) < 0) return Promise.resolve({});
    return memo(cache.terms, p, SEARCH + "terms/" + encodeURIComponent(p) + ".json");
  }

  function runQuery(q) {
    var words = tokenize(q);
    if (!words.length) return Promise.resolve({ words: words, hits: [] });
    return loadMeta().then(function (meta) {
      var shards = words.map(function (w) { return loadShard(meta, shardOf(w, meta)); });
      return Promise.all(shards).then(function (maps) {
        var total = null;
        for (var i = 0; i < words.length; i++) {
          var w = words[i], map = maps[i] || {}, scores = {};
          var last = i === words.length - 1;
          var keys = last ? Object.keys(map).filter(function (t) { return t.lastIndexOf(w, 0) === 0; }) : (map[w] ? [w] : []);
          keys.forEach(function (t) {
            (map[t] || []).forEach(function (p) { scores[p[0]] = (scores[p[0]] || 0) + p[1]; });
          });
          if (total === null) total = scores;
          else {
            var next = {};
            for (var id in total) if (id in scores) next[id] = total[id] + scores[id];
            total = next;
          }
        }
        var hits = Object.keys(total || {}).map(function (id) { return { id: +id, score: total[id] }; });
        hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        hits = hits.slice(0, 10);
        var C = meta.chunk || 1, need = {};
        hits.forEach(function (h) { need[Math.floor(h.id / C)] = 1; });
        return Promise.all(Object.keys(need).map(function (k) {
          return memo(cache.docs, k, SEARCH + "docs/" + k + ".json").then(function (arr) { return [k, arr]; });
        })).then(function (chunks) {
          var byChunk = {};
          chunks.forEach(function (c) { byChunk[c[0]] = c[1]; });
          hits.forEach(function (h) {
            var arr = byChunk[Math.floor(h.id / C)] || [];
            h.doc = arr[h.id - Math.floor(h.id / C) * C];
          });
          return { words: words, hits: hits.filter(function (h) { return h.doc; }) };
        });
      });
    });
  }

  function snippet(text, re) {
    text = (text || "").replace(/\s+/g, " ").trim();
    re.lastIndex = 0;
    var m = re.exec(text), at = m ? m.index : 0, len = 160;
    var s = Math.max(0, at - 50);
    if (s > 0) { var sp = text.indexOf(" ", s); if (sp > -1 && sp < at) s = sp + 1; }
    var e = Math.min(text.length, s + len);
    if (e < text.length) { var sp2 = text.lastIndexOf(" ", e); if (sp2 > at) e = sp2; }
    return (s > 0 ? "… " : "") + text.slice(s, e) + (e < text.length ? " …" : "");
  }

  function setupSearch() {
    var box = $(".search"), input = $("#guide-search-input"), out = $("#guide-search-results");
    if (!box || !input || !out || !SEARCH || !window.fetch) return;
    var timer = null, seq = 0, lastQ = null;

    function open() { out.hidden = false; }
    function close() { out.hidden = true; }
    function links() { return $$(".search-list a", out); }
    function status(msg) {
      out.textContent = "";
      out.appendChild(el("p", { "class": "search-status" }, msg));
      open();
    }
    function render(q, res) {
      out.textContent = "";
      var n = res.hits.length;
      var msg = n ? (n === 10 ? "Top 10 results" : n + (n === 1 ? " result" : " results")) : "No pages match “" + q.trim() + "”";
      out.appendChild(el("p", { "class": "search-status" }, msg));
      if (n) {
        var re = wordsRe(res.words), ul = el("ul", { "class": "search-list" });
        res.hits.forEach(function (h) {
          var d = h.doc, li = el("li");
          var a = el("a", { href: fileHref(ROOT + (d[1] || "")) + "?highlight=" + encodeURIComponent(q.trim()) });
          a.appendChild(el("span", { "class": "sr-title" }, d[0] || d[1] || "Untitled"));
          if (d[2]) a.appendChild(el("span", { "class": "sr-section" }, d[2]));
          var sn = el("span", { "class": "sr-snippet" });
          appendMarked(sn, snippet(d[3], re), re);
          a.appendChild(sn);
          li.appendChild(a);
          ul.appendChild(li);
        });
        out.appendChild(ul);
      }
      open();
      announce(msg);
    }
    function search() {
      var q = input.value;
      if (q === lastQ && !out.hidden) return;
      lastQ = q;
      var my = ++seq;
      if (!tokenize(q).length) { close(); out.textContent = ""; return; }
      runQuery(q).then(function (res) {
        if (my === seq) render(q, res);
      }, function () {
        if (my !== seq) return;
        lastQ = null;
        status("Search needs the site to be served over HTTP.");
      });
    }
    input.addEventListener("focus", function () { loadMeta().catch(function () {}); });
    input.addEventListener("click", function () { if (input.value && out.childNodes.length) open(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 160);
    });
    input.addEventListener("keydown", function (e) {
      var l;
      if (e.key === "ArrowDown") {
        l = links(); if (l.length) { e.preventDefault(); open(); l[0].focus(); }
      } else if (e.key === "Enter") {
        clearTimeout(timer);
        l = links();
        if (l.length && !out.hidden && lastQ === input.value) { e.preventDefault(); l[0].click(); }
        else search();
      } else if (e.key === "Escape") {
        if (!out.hidden) { e.preventDefault(); close(); }
        else if (input.value) { input.value = ""; lastQ = null; }
        else input.blur();
      }
    });
    out.addEventListener("keydown", function (e) {
      var l = links(), i = l.indexOf(doc.activeElement);
      if (e.key === "ArrowDown") { e.preventDefault(); if (i < l.length - 1) l[i + 1].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (i > 0) l[i - 1].focus(); else input.focus(); }
      else if (e.key === "Escape") { e.preventDefault(); close(); input.focus(); }
    });
    box.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !box.contains(e.relatedTarget)) setTimeout(function () {
        if (!box.contains(doc.activeElement)) close();
      }, 0);
    });
    listen(doc, "click", function (e) { if (!box.contains(e.target)) close(); });
    listen(doc, "keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  /* ---------- ?highlight= : mark the search words on the page ---------- */
  function setupHighlight(again) {
    var q;
    try { q = new URLSearchParams(location.search).get("highlight"); } catch (e) { return; }
    var words = tokenize(q);
    if (!words.length) return;
    var root = $("main .content") ? $$("main .content") : [$("main")];
    var re = wordsRe(words), first = null, nodes = [];
    root.forEach(function (r) {
      if (!r) return;
      var w = doc.createTreeWalker(r, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          var p = n.parentNode;
          if (!n.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
          if (p.closest && p.closest("script, style, svg, textarea, .heading-anchor, .hold-timer, mark")) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_ACCEPT;
        }
      });
      while (w.nextNode()) nodes.push(w.currentNode);
    });
    nodes.forEach(function (n) {
      re.lastIndex = 0;
      if (!re.test(n.nodeValue)) return;
      var frag = doc.createDocumentFragment();
      appendMarked(frag, n.nodeValue, re, "search-hit");
      if (!first) first = frag.querySelector("mark");
      n.parentNode.replaceChild(frag, n);
    });
    if (first && !location.hash && !again) {
      var details = first.closest && first.closest("details");
      if (details) details.open = true;
      setTimeout(function () { first.scrollIntoView({ block: "center" }); }, 0);
    }
  }

  /* ---------- Print view ---------- */
  function setupPrint() {
    $$('[data-action="print"]').forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  }

  var inits = 0;
  function init() {
    undo.splice(0).forEach(safe);
    running = 0;
    keepAwake(false);
    body = doc.body;
    if (!body) return;
    ROOT = body.getAttribute("data-root") || "";
    SEARCH = body.getAttribute("data-search") || "";
    /* One polite live region for announcements (timer milestones, search counts). */
    live = el("div", { "class": "visually-hidden", "aria-live": "polite", "aria-atomic": "true" });
    body.appendChild(live);
    safe(function () { fixFileLinks(doc); });
    safe(setupTheme);
    safe(setupDisclosures);
    safe(setupScrollSpy);
    safe(function () { $$(".hold").forEach(function (h) { safe(function () { setupHold(h); }); }); });
    safe(setupSearch);
    var again = inits++ > 0;
    safe(function () { setupHighlight(again); });
    safe(setupPrint);
  }
  /* `guide serve` swaps an edited page's body in place and calls this again; a theme whose
     script lacks it gets a full reload instead. */
  window.guide = { init: init };
  init();
})();
