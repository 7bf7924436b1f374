// Runs queries against a built site's search index, as a browser would, counting the bytes
// each query downloads. Used by bench/search_vs_pagefind.py.
//
//   node bench/search_eval.mjs guide|pagefind SITE_DIR QUERIES.json > results.json
//
// guide: the theme's real guide.js in a VM context whose <script> loads read the site's
// files; pagefind: the site's real pagefind.js (ES module, WASM) with fetch reading files.
// Every query starts cold (nothing cached), like a reader's first search on a page.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { pathToFileURL } from "node:url";

const [tool, site, queriesPath] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));

function findGuideJs() {
  const dir = path.join(site, "static");
  const f = fs.readdirSync(dir).find((n) => /^guide\..*\.js$/.test(n));
  return fs.readFileSync(path.join(dir, f), "utf8");
}

async function guideQuery(code, q, limit) {
  let bytes = 0;
  const files = [];
  const head = {
    appendChild(s) {
      s.parentNode = head;
      setTimeout(() => {
        const file = path.join(site, s.src);
        let text;
        try { text = fs.readFileSync(file); } catch (e) { s.onerror && s.onerror(); return; }
        bytes += text.length; files.push(s.src);
        vm.runInContext(text.toString("utf8"), ctx);
        s.onload && s.onload();
      }, 0);
    },
    removeChild() {},
  };
  const body = { getAttribute: (n) => (n === "data-search" ? "search/" : n === "data-root" ? "" : null), appendChild() {} };
  const document = {
    documentElement: { getAttribute() { return null; }, setAttribute() {} },
    body, head,
    querySelector() { return null; }, querySelectorAll() { return []; }, getElementById() { return null; },
    createElement() { return { setAttribute() {}, appendChild() {}, style: {} }; },
    addEventListener() {}, removeEventListener() {},
  };
  const ctx = vm.createContext({ document, location: { protocol: "file:", search: "" }, console, setTimeout, clearTimeout, Promise, URLSearchParams, atob, Blob, Response, DecompressionStream });
  ctx.window = ctx;
  vm.runInContext(code, ctx);
  const res = await ctx.guideSearch.query(q, limit);
  return { urls: res.hits.map((h) => h.url), bytes, files };
}

async function pagefindQuery(i, q) {
  let bytes = 0;
  const files = [];
  globalThis.fetch = async (url) => {
    const rel = String(url).replace(/^.*?\/pagefind\//, "pagefind/").split("?")[0];
    const buf = fs.readFileSync(path.join(site, rel));
    bytes += buf.length; files.push(rel);
    return new Response(buf);
  };
  globalThis.window = globalThis;
  globalThis.location = { origin: "file://", href: "file:///" };
  const url = pathToFileURL(path.join(site, "pagefind", "pagefind.js")).href + "?fresh=" + i;
  const js = fs.readFileSync(path.join(site, "pagefind", "pagefind.js"));
  bytes += js.length; files.push("pagefind/pagefind.js");
  const pf = await import(url);
  await pf.options({ basePath: "/pagefind/" });
  const r = await pf.search(q);
  const urls = [];
  let firstBytes = null;
  for (const res of r.results.slice(0, 5)) {
    const d = await res.data();
    if (firstBytes === null) firstBytes = bytes;
    for (const s of d.sub_results) urls.push(s.url);
    if (urls.length >= 5) break;
  }
  return { urls: urls.slice(0, 5).map((u) => u.replace(/^\//, "").replace(/index\.html/, "")), bytes: firstBytes ?? bytes, files };
}

const code = tool === "guide" ? findGuideJs() : null;
const out = [];
for (let i = 0; i < queries.length; i++) {
  const q = queries[i];
  if (tool === "guide") {
    // Bytes to show the first result (cold); the ranking of the top five for recall.
    const first = await guideQuery(code, q, 1);
    const top = await guideQuery(code, q, 5);
    out.push({ urls: top.urls, bytes: first.bytes, files: first.files });
  } else out.push(await pagefindQuery(i, q));
}
process.stdout.write(JSON.stringify(out));
