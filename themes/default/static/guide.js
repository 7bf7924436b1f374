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

  /* The theme's words, in the page's language: a JSON blob the build writes into each page
     (<script id="guide-strings">, from the theme's i18n tables). T(key, {name: value})
     fills {name}; P(key, n, ...) picks the plural form of n by the language's CLDR rule. */
  var WORDS = {}, plurals = null;
  function loadWords() {
    var s = doc.getElementById("guide-strings");
    WORDS = {};
    try { if (s) WORDS = JSON.parse(s.textContent) || {}; } catch (e) { WORDS = {}; }
    try { plurals = new Intl.PluralRules(html.getAttribute("lang") || "en"); } catch (e) { plurals = null; }
  }
  function fillIn(text, args) {
    return String(text).replace(/\{([a-z0-9-]+)\}/gi, function (m, k) {
      return args && args.hasOwnProperty(k) ? args[k] : m;
    });
  }
  function T(key, args) {
    var v = WORDS[key];
    if (v && typeof v === "object") v = v.other;
    return fillIn(v == null ? key : v, args);
  }
  function P(key, n, args) {
    var v = WORDS[key], a = { n: n };
    if (args) for (var k in args) if (args.hasOwnProperty(k)) a[k] = args[k];
    if (!v || typeof v !== "object") return T(key, a);
    var cat = plurals ? plurals.select(n) : (n === 1 ? "one" : "other");
    return fillIn(v[cat] != null ? v[cat] : v.other, a);
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
    if (s >= 60 && s % 60 === 0) return P("minutes", s / 60);
    return P("seconds", s);
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
    var name = label ? label.textContent.trim() : T("hold");

    var box = el("div", { "class": "hold-timer", role: "group", "aria-label": T("timer", { name: name }) });
    var start = el("button", { type: "button", "class": "button hold-start" }, T("start"));
    var time = el("span", { "class": "hold-time", role: "timer", "aria-label": T("elapsed") }, "0:00");
    var meter = el("span", { "class": "hold-meter", "aria-hidden": "true" });
    var fill = el("span", { "class": "hold-fill" });
    meter.appendChild(fill);
    if (max > min) {
      var mm = el("span", { "class": "hold-minmark" });
      mm.style.insetInlineStart = (100 * min / max) + "%";
      meter.appendChild(mm);
    }
    var status = el("span", { "class": "hold-status" }, max > min ? fmt(min) + "–" + fmt(max) : fmt(max));
    var reset = el("button", { type: "button", "class": "button hold-reset" }, T("reset"));
    reset.hidden = true;
    box.appendChild(start); box.appendChild(time); box.appendChild(meter); box.appendChild(status); box.appendChild(reset);
    // The timer is a block under its step (never inside the sentence): at the end of the
    // list item, or after the paragraph, holding the hold's text.
    var block = hold.closest("li, dd, td, th, p, blockquote") || hold.parentNode;
    if (block.tagName === "P") {
      var after = block.nextSibling;
      while (after && after.classList && after.classList.contains("hold-timer")) after = after.nextSibling;
      block.parentNode.insertBefore(box, after);
    } else {
      block.appendChild(box);
    }

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
        start.textContent = T("stop");
        box.classList.add("is-running");
      } else {
        clearInterval(tick); tick = null;
        running = Math.max(0, running - 1);
        start.textContent = elapsed > 0 && !maxDone ? T("resume") : T("start");
        box.classList.remove("is-running");
      }
      keepAwake(running > 0);
      reset.hidden = !(elapsed > 0 || on);
    }
    function update() {
      elapsed = now() - t0;
      if (!minDone && elapsed >= min && max > min) {
        minDone = true;
        box.classList.add("is-min");
        status.textContent = T("min-reached");
        announce(T("announce-min", { min: secondsText(min), max: secondsText(max) }));
      }
      if (elapsed >= max) {
        elapsed = max; maxDone = true;
        box.classList.add("is-min", "is-max");
        status.textContent = max > min ? T("max-release") : T("done-release");
        render();
        setRunning(false);
        start.textContent = T("start-again");
        var maxText = { max: secondsText(max) };
        announce(max > min ? T("announce-max", maxText) : T("announce-done", maxText));
        return;
      }
      render();
    }
    function clear() {
      elapsed = 0; minDone = maxDone = false;
      box.classList.remove("is-min", "is-max");
      status.textContent = max > min ? fmt(min) + "–" + fmt(max) : fmt(max);
      render();
    }
    start.addEventListener("click", function () {
      if (tick) { setRunning(false); return; }
      if (maxDone) clear();
      setRunning(true);
      if (elapsed === 0) announce(T("started"));
    });
    reset.addEventListener("click", function () {
      clear();
      setRunning(false);
      reset.hidden = true;
      start.textContent = T("start");
      start.focus();
    });
  }

  /* ---------- Search ----------
     The index (src/search/ in guide's source) is a set of scripts that call
     guideSearch.add(name, data): loaded with <script>, so search works from file:// too.
     The tokenizer and the evaluator below mirror src/search/tokens.rs and query.rs step for
     step (tests/search/vectors.json and queries.toml check both). */
  var api = window.guideSearch = window.guideSearch || {};
  var store = {}, pending = {};
  api.loaded = [];
  api.add = function (name, data) { store[name] = data; };
  /* A packed file's data (a string): base64 of deflated JSON (src/search/format.rs). */
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }
  function load(name) {
    if (!pending[name]) pending[name] = new Promise(function (resolve, reject) {
      var s = doc.createElement("script");
      s.src = SEARCH + name + ".js";
      s.onload = function () {
        s.parentNode.removeChild(s);
        api.loaded.push(name);
        if (name === "stem") { if (api.stem) return resolve(); }
        else if (name in store) {
          var data = store[name];
          delete store[name];
          return resolve(typeof data === "string" ? inflate(data) : data);
        }
        delete pending[name]; reject(new Error(name));
      };
      s.onerror = function () { s.parentNode.removeChild(s); delete pending[name]; reject(new Error(name)); };
      doc.head.appendChild(s);
    });
    return pending[name];
  }
  var meta = null;
  function ready() {
    return load("meta").then(function (m) {
      meta = m;
      return m.stem ? load("stem").then(function () { return m; }) : m;
    });
  }

  var ALNUM = /[\p{Alphabetic}\p{N}]/u, MAX_SECTIONS = 64;
  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x1100 && n <= 0x11FF) || (n >= 0x3040 && n <= 0x30FF) || (n >= 0x3130 && n <= 0x318F) ||
      (n >= 0x31F0 && n <= 0x31FF) || (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) ||
      (n >= 0xAC00 && n <= 0xD7AF) || (n >= 0xF900 && n <= 0xFAFF) || (n >= 0xFF66 && n <= 0xFF9F) ||
      (n >= 0x20000 && n <= 0x2FFFF);
  }
  function fold(s) {
    return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }
  function chars(s) { return Array.from(s); }
  /* Runs of letters and digits, split into CJK and other segments: [text, isCjk]. */
  function segments(folded) {
    var out = [], cur = "", kind = null;
    chars(folded).forEach(function (c) {
      var k = ALNUM.test(c) ? isCjk(c) : null;
      if (kind !== null && k === kind) { cur += c; return; }
      if (kind !== null) out.push([cur, kind]);
      cur = k === null ? "" : c; kind = k;
    });
    if (kind !== null) out.push([cur, kind]);
    return out;
  }
  function stemOf(w) {
    if (!meta || !meta.stem || !api.stem || /^[0-9]+$/.test(w)) return w;
    return api.stem(w);
  }
  /* Index terms of a text (what the build indexes). */
  function terms(text) {
    var out = [];
    segments(fold(text || "")).forEach(function (sg) {
      if (!sg[1]) { out.push(stemOf(sg[0])); return; }
      var c = chars(sg[0]);
      for (var i = 0; i < c.length; i++) { out.push(c[i]); if (i) out.push(c[i - 1] + c[i]); }
    });
    return out;
  }
  /* Query words: {raw, terms, cjk}. */
  function tokenize(q) {
    return segments(fold(q || "")).map(function (sg) {
      if (!sg[1]) return { raw: sg[0], terms: [stemOf(sg[0])], cjk: false };
      var c = chars(sg[0]), t = [];
      if (c.length === 1) t.push(sg[0]);
      for (var i = 1; i < c.length; i++) if (t.indexOf(c[i - 1] + c[i]) < 0) t.push(c[i - 1] + c[i]);
      return { raw: sg[0], terms: t, cjk: true };
    });
  }
  api.terms = terms;
  api.tokenize = tokenize;
  function shardOf(t) {
    var c = chars(t);
    return c.slice(0, c.length && isCjk(c[0]) ? 1 : 2).join("");
  }
  function fileName(key) {
    return chars(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }
  function needed(w, keys) {
    var out = [], pre = w.terms.slice();
    function push(k) { if (keys[k] && out.indexOf(k) < 0) out.push(k); }
    if (!w.cjk) pre.push(w.raw);
    pre.forEach(function (p) {
      var base = shardOf(p), nb = chars(base).length;
      push(base);
      if (chars(p).length > nb) push(chars(p).slice(0, nb + 1).join(""));
      else if (!w.cjk && nb >= 2) meta.shards.forEach(function (k) {
        if (k.lastIndexOf(base, 0) === 0 && chars(k).length === nb + 1) push(k);
      });
    });
    return out;
  }
  function starts(s, p) { return s.lastIndexOf(p, 0) === 0; }
  function weight(w, last, t) {
    if (w.terms.indexOf(t) > -1) return 1;
    if (w.cjk) return 0;
    var stem = w.terms[0] || "", nr = chars(w.raw).length, nt = chars(t).length;
    if ((nr >= 2 && starts(t, w.raw)) || (chars(stem).length >= 2 && starts(t, stem))) return 0.5;
    if (last && nt >= 4 && starts(w.raw, t) && nr - nt <= 3) return 0.5;
    return 0;
  }
  function better(a, b) { return !b || a.v > b.v || (a.v === b.v && a.tier > b.tier); }
  /* A term's postings: per section, its id's difference from the previous one in base64
     digits of five bits (lowest first, 32 added on all but the last), then its score in one
     digit (src/search/format.rs, encode_postings). */
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function eachPosting(list, fn) {
    var id = 0, i = 0, n = list.length;
    while (i < n) {
      var d = DIGITS.indexOf(list[i++]), delta = 0, shift = 0;
      while (d >= 32 && i < n) { delta += (d - 32) * Math.pow(2, shift); shift += 5; d = DIGITS.indexOf(list[i++]); }
      if (d < 0 || i >= n) return;
      id += delta + d * Math.pow(2, shift);
      fn(id, DIGITS.indexOf(list[i++]));
    }
  }
  function wordMatches(w, last, shards) {
    var per = w.terms.map(function () { return {}; }), any = {};
    shards.forEach(function (map) {
      Object.keys(map).forEach(function (t) {
        if (w.cjk) {
          var i = w.terms.indexOf(t);
          if (i < 0) return;
          eachPosting(map[t], function (id, s) {
            var sc = { v: s, tier: Math.floor(s / 16) };
            if (better(sc, per[i][id])) per[i][id] = sc;
          });
          return;
        }
        var wt = weight(w, last, t);
        if (!wt) return;
        eachPosting(map[t], function (id, s) {
          var sc = { v: wt * s, tier: Math.floor(s / 16) };
          if (better(sc, any[id])) any[id] = sc;
        });
      });
    });
    if (!w.cjk) return any;
    var out = {};
    Object.keys(per[0]).forEach(function (id) {
      var low = per[0][id];
      for (var k = 1; k < per.length; k++) {
        var o = per[k][id];
        if (!o) return;
        if (o.v < low.v) low = o;
      }
      out[id] = low;
    });
    return out;
  }
  function rank(maps, limit) {
    var titles = maps.map(function (m) {
      var t = {};
      Object.keys(m).forEach(function (id) { if (id % MAX_SECTIONS === 0 && m[id].tier === 2) t[id / MAX_SECTIONS] = m[id]; });
      return t;
    });
    var ids = {};
    maps.forEach(function (m) { Object.keys(m).forEach(function (id) { ids[id] = 1; }); });
    var scored = Object.keys(ids).map(function (key) {
      var id = +key, n = 0, tiers = 0, total = 0;
      maps.forEach(function (m, i) {
        var best = m[id], ts = titles[i][Math.floor(id / MAX_SECTIONS)];
        if (ts && better(ts, best)) best = ts;
        if (best) { n++; tiers += best.tier; total += best.v; }
      });
      return [n, tiers, total, id];
    });
    scored.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || a[3] - b[3]; });
    return scored.slice(0, limit);
  }
  /* The best `limit` sections for q: {words, hits: [{id, url, title, heading, text, matched}]}. */
  function runQuery(q, limit) {
    limit = limit || 10;
    return ready().then(function () {
      var words = tokenize(q);
      if (!words.length) return { words: words, hits: [] };
      var keys = {};
      meta.shards.forEach(function (k) { keys[k] = 1; });
      return Promise.all(words.map(function (w) {
        return Promise.all(needed(w, keys).map(function (k) { return load("t/" + fileName(k)); }));
      })).then(function (shardLists) {
        var maps = words.map(function (w, i) { return wordMatches(w, i === words.length - 1, shardLists[i]); });
        var top = rank(maps, limit), C = meta.chunk || 1;
        return Promise.all(top.map(function (r) {
          var page = Math.floor(r[3] / MAX_SECTIONS);
          return load("p/" + Math.floor(page / C)).then(function (rows) {
            var row = rows[page % C], sec = row && row[2][r[3] % MAX_SECTIONS];
            if (!sec) return null;
            return { id: r[3], url: row[1] + (sec[0] ? "#" + sec[0] : ""), title: row[0], heading: sec[1], text: sec[2], matched: r[0] };
          });
        })).then(function (hits) {
          return { words: words, hits: hits.filter(function (h) { return h; }) };
        });
      });
    });
  }
  api.query = runQuery;

  /* Marks in a text: word runs whose term matches a query word, and CJK query words where
     they occur. Returns [start, end] pairs in order. */
  function matchRanges(text, words) {
    var out = [], re = /[\p{Alphabetic}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(text))) {
      var f = fold(m[0]);
      if (segments(f).some(function (sg) {
        if (sg[1]) return false;
        var t = stemOf(sg[0]);
        return words.some(function (w, i) { return !w.cjk && (weight(w, i === words.length - 1, t) > 0 || (chars(w.raw).length >= 2 && starts(sg[0], w.raw))); });
      })) out.push([m.index, m.index + m[0].length]);
    }
    words.forEach(function (w) {
      if (!w.cjk) return;
      var at = text.indexOf(w.raw);
      while (at > -1) { out.push([at, at + w.raw.length]); at = text.indexOf(w.raw, at + w.raw.length); }
    });
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out.filter(function (r, i) { return !i || r[0] >= out[i - 1][1]; });
  }
  // Text with matches wrapped in <mark>, built as DOM nodes (never innerHTML).
  function appendMarked(parent, text, words, cls) {
    var last = 0, n = 0;
    matchRanges(text, words).forEach(function (r) {
      if (r[0] > last) parent.appendChild(doc.createTextNode(text.slice(last, r[0])));
      parent.appendChild(el("mark", cls ? { "class": cls } : null, text.slice(r[0], r[1])));
      last = r[1]; n++;
    });
    if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
    return n;
  }
  function snippet(text, words) {
    text = text || "";
    var r = matchRanges(text, words), at = r.length ? r[0][0] : 0, len = 160;
    var s = Math.max(0, at - 50);
    if (s > 0) { var sp = text.indexOf(" ", s); if (sp > -1 && sp < at) s = sp + 1; }
    var e = Math.min(text.length, s + len);
    if (e < text.length) { var sp2 = text.lastIndexOf(" ", e); if (sp2 > at) e = sp2; }
    return (s > 0 ? "… " : "") + text.slice(s, e) + (e < text.length ? " …" : "");
  }

  function setupSearch() {
    var box = $(".search"), input = $("#guide-search-input"), out = $("#guide-search-results");
    if (!box || !input || !out || !SEARCH) return;
    // The index is inflated with DecompressionStream (2023 on in every engine): without it
    // the box would only ever say the index failed to load, so it is hidden.
    if (!window.Promise || !window.DecompressionStream) { box.hidden = true; return; }
    var timer = null, seq = 0, lastQ = null;

    function open() { out.hidden = false; input.setAttribute("aria-expanded", "true"); }
    function close() { out.hidden = true; input.setAttribute("aria-expanded", "false"); }
    function links() { return $$(".search-list a", out); }
    function status(msg) {
      out.textContent = "";
      out.appendChild(el("p", { "class": "search-status" }, msg));
      open();
      announce(msg);
    }
    function render(q, res) {
      out.textContent = "";
      out.setAttribute("data-query", q);
      var n = res.hits.length;
      var msg = n ? (n === 10 ? T("top-results", { n: 10 }) : P("results", n)) : T("no-results", { query: q.trim() });
      out.appendChild(el("p", { "class": "search-status" }, msg));
      if (n) {
        var ul = el("ul", { "class": "search-list" });
        res.hits.forEach(function (h) {
          var li = el("li"), hash = h.url.indexOf("#");
          var path = hash < 0 ? h.url : h.url.slice(0, hash), frag = hash < 0 ? "" : h.url.slice(hash);
          var a = el("a", { href: fileHref(ROOT + path) + "?highlight=" + encodeURIComponent(q.trim()) + frag });
          // The title and the heading are marked too: a match may be in them alone.
          var title = el("span", { "class": "sr-title" });
          appendMarked(title, h.title || path || T("untitled"), res.words);
          a.appendChild(title);
          if (h.heading) {
            var head = el("span", { "class": "sr-section" });
            appendMarked(head, h.heading, res.words);
            a.appendChild(head);
          }
          var sn = el("span", { "class": "sr-snippet" });
          appendMarked(sn, snippet(h.text, res.words), res.words);
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
      runQuery(q, 10).then(function (res) {
        if (my === seq) render(q, res);
      }, function () {
        if (my !== seq) return;
        lastQ = null;
        status(T("index-failed"));
      });
    }
    // aria-expanded is allowed on a combobox, not on a plain search box (axe).
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("focus", function () { ready().catch(function () {}); });
    input.addEventListener("click", function () { if (input.value && out.childNodes.length) open(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 120);
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
    if (!q || !SEARCH) return;
    // The stemmer comes with the index; without it (index missing) words match as typed.
    ready().then(function () { mark(q, again); }, function () { mark(q, again); });
  }
  function mark(q, again) {
    var words = tokenize(q);
    if (!words.length) return;
    var root = $("main .content") ? $$("main .content") : [$("main")];
    var first = null, nodes = [];
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
      if (!matchRanges(n.nodeValue, words).length) return;
      var frag = doc.createDocumentFragment();
      appendMarked(frag, n.nodeValue, words, "search-hit");
      if (!first) first = frag.querySelector("mark");
      n.parentNode.replaceChild(frag, n);
    });
    if (first && !location.hash && !again) {
      var details = first.closest && first.closest("details");
      if (details) details.open = true;
      setTimeout(function () { first.scrollIntoView({ block: "center" }); }, 0);
    }
  }

  /* ---------- Zoom: a figure opens large in a modal dialog ----------
     A photo's figure links to its full-size copy (that is the no-script path); an SVG
     diagram gets an "Enlarge" button. Esc and the Close button close; focus goes back to
     what opened it. Pinch-zoom works inside; a tap on a photo toggles its actual size. */
  function setupZoom() {
    if (!window.HTMLDialogElement) return;
    var dialog = null, title, inner, opener = null;
    function make() {
      dialog = el("dialog", { "class": "zoom", "aria-labelledby": "zoom-title" });
      var bar = el("div", { "class": "zoom-bar" });
      title = el("p", { id: "zoom-title" });
      var close = el("button", { type: "button", "class": "zoom-close" }, T("zoom-close"));
      close.addEventListener("click", function () { dialog.close(); });
      bar.appendChild(title);
      bar.appendChild(close);
      inner = el("div", { "class": "zoom-body" });
      inner.addEventListener("click", function (e) {
        if (e.target.tagName === "IMG") inner.classList.toggle("actual");
      });
      dialog.appendChild(bar);
      dialog.appendChild(inner);
      dialog.addEventListener("close", function () {
        inner.textContent = "";
        if (opener && opener.isConnected) opener.focus();
      });
      body.appendChild(dialog);
    }
    function open(node, fig, from) {
      if (!dialog) make();
      var cap = $("figcaption", fig);
      title.textContent = cap ? cap.textContent : "Figure";
      inner.className = "zoom-body";
      inner.textContent = "";
      inner.appendChild(node);
      opener = from;
      dialog.showModal();
      $(".zoom-close", dialog).focus();
    }
    $$(".figure").forEach(function (fig) {
      var link = $("a.figure-zoom", fig);
      if (link) {
        link.addEventListener("click", function (e) {
          if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          var img = $("img", link);
          open(el("img", { src: link.getAttribute("href"), alt: img ? img.getAttribute("alt") : "" }), fig, link);
        });
        return;
      }
      var svg = $(":scope > svg", fig);
      if (!svg) return;
      var n = fig.id ? fig.id.replace("figure-", "") : "";
      var btn = el("button", { type: "button", "class": "figure-zoom-button" }, T("zoom-open"));
      btn.appendChild(el("span", { "class": "visually-hidden" }, " figure " + n));
      btn.addEventListener("click", function () {
        var copy = svg.cloneNode(true);
        copy.removeAttribute("width");
        copy.removeAttribute("height");
        copy.style.width = "min(100%, 70rem)";
        open(copy, fig, btn);
      });
      svg.insertAdjacentElement("afterend", btn);
    });
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
    loadWords();
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
    safe(setupZoom);
  }
  /* `guide serve` swaps an edited page's body in place and calls this again; a theme whose
     script lacks it gets a full reload instead. */
  window.guide = { init: init };
  init();
})();
