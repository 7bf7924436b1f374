// Accessibility gate: axe-core (WCAG 2.2 A and AA rules) in headless Chromium, on every page
// of a built site, in the light and dark schemes (system preference and the theme toggle), at
// desktop and phone widths. Exits 1 on any violation.
//
//   node axe.mjs --site DIR --base http://127.0.0.1:PORT/ [--label NAME]
//
// DIR is the built site (its *.html files are the pages); BASE is where DIR is served.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = require('axe-core/package.json').version;
const pwVersion = require('playwright-core/package.json').version;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 390];
// system: the `prefers-color-scheme` the browser reports; toggle: the theme toggle's state.
const SCHEMES = [
  { name: 'light', system: 'light', toggle: null },
  { name: 'dark (system)', system: 'dark', toggle: null },
  { name: 'dark (toggle)', system: 'light', toggle: 'dark' },
  { name: 'light (toggle)', system: 'dark', toggle: 'light' },
];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback !== undefined) return fallback;
  console.error(`axe.mjs: missing --${name}`);
  process.exit(2);
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

const site = arg('site');
const base = arg('base');
const label = arg('label', site);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const started = Date.now();

// Pages as URLs: `a/index.html` is served as `a/` (the URL the site links to).
const pages = htmlFiles(site).map((f) => {
  const rel = relative(site, f).split(sep).join('/');
  return rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1');
});

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const chromeVersion = browser.version();

let rules = 0;
let runs = 0;
let violations = 0;
let incomplete = 0;
const failures = [];
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const url of pages) {
      const response = await page.goto(base + url, { waitUntil: 'load' });
      if (!response || (!response.ok() && !url.endsWith('404.html'))) {
        failures.push(`${url} @${width}px: HTTP ${response ? response.status() : 'no response'}`);
        continue;
      }
      await page.addScriptTag({ content: axeSource });
      const backgrounds = {};
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme.system, reducedMotion: 'reduce' });
        const result = await page.evaluate(
          async ({ toggle, tags }) => {
            const root = document.documentElement;
            if (toggle) root.dataset.theme = toggle;
            else delete root.dataset.theme;
            // Let style changes and any transitions settle before measuring contrast.
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
            const r = await window.axe.run(document, {
              runOnly: { type: 'tag', values: tags },
              resultTypes: ['violations'],
            });
            return {
              background: getComputedStyle(document.body).backgroundColor,
              rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
              incomplete: r.incomplete.length,
              violations: r.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
              })),
            };
          },
          { toggle: scheme.toggle, tags: TAGS },
        );
        runs += 1;
        backgrounds[scheme.name] = result.background;
        rules = Math.max(rules, result.rules);
        incomplete += result.incomplete;
        for (const v of result.violations) {
          violations += v.nodes.length;
          for (const n of v.nodes) {
            failures.push(
              `/${url} [${scheme.name}, ${width}px] ${v.id} (${v.impact}): ${v.help}\n    at ${n.target}\n    ${(n.summary || '').replace(/\n/g, '\n    ')}`,
            );
          }
        }
      }
      // The gate checks itself: each dark state must really change the page's colours.
      for (const dark of ['dark (system)', 'dark (toggle)']) {
        if (backgrounds[dark] === backgrounds.light) {
          failures.push(`/${url} @${width}px: ${dark} did not change the background (${backgrounds.light}); the scheme was not applied`);
        }
      }
      for (const e of errors.splice(0)) failures.push(`/${url} @${width}px: script error: ${e}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `axe [${label}]: axe-core ${axeVersion} (tags ${TAGS.join(',')}), playwright-core ${pwVersion}, Chromium ${chromeVersion}`,
);
console.log(
  `axe [${label}]: ${pages.length} pages x ${SCHEMES.length} schemes x ${WIDTHS.length} widths = ${runs} runs, ${rules} rules per run, ${violations} violations (${incomplete} needing review), ${secs}s`,
);
if (failures.length) {
  for (const f of failures) console.log(`  violation: ${f}`);
  process.exit(1);
}
