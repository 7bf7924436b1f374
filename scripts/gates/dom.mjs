// The links gate's browser half: loads each URL in one headless Chromium (launched once for
// all of them, which is what makes the 404 check cheap) and prints, as JSON, each page's root
// links (`a[data-root-rel]`: href as written and the root-relative target) after its scripts
// ran. Used by links.py to check that 404.html finds the site's root at any URL depth.
//
//   node dom.mjs URL...     prints {"URL": [[href, rel], ...], ...}

import { chromium } from 'playwright-core';

const urls = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
// After `load`, a page's script may still be requesting (404.html probes for the site's root
// with HEAD requests, one after another): a page is done when no request has been in flight
// or started for 100 ms (Playwright's `networkidle` waits 500 ms per page).
async function settled(page, url) {
  let inflight = 0;
  let last = Date.now();
  const start = () => { inflight += 1; last = Date.now(); };
  const end = () => { inflight -= 1; last = Date.now(); };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  await page.goto(url, { waitUntil: 'load' });
  while (inflight > 0 || Date.now() - last < 100) await page.waitForTimeout(20);
  page.off('request', start);
  page.off('requestfinished', end);
  page.off('requestfailed', end);
}

const out = {};
try {
  await Promise.all([0, 1, 2, 3].map(async (k) => {
    const page = await browser.newPage();
    for (let i = k; i < urls.length; i += 4) {
      await settled(page, urls[i]);
      out[urls[i]] = await page.$$eval('a[data-root-rel]', (links) =>
        links.map((a) => [a.getAttribute('href') || '', a.getAttribute('data-root-rel') || '']));
    }
  }));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
