// shoot.cjs FILE.html OUTPREFIX WIDTH [SLICE]
// Screenshots a page in headless Chromium at a viewport width: the full page cut into
// slices of SLICE pixels (default 2400), OUTPREFIX-00.png, -01.png … Prints the page's
// scroll width and height as JSON, so a test can check that nothing overflows sideways.
// Needs playwright-core (NODE_PATH) and Chromium (CHROMIUM, default /usr/bin/chromium).
const { chromium } = require('playwright-core');
const path = require('path');

(async () => {
  const [file, prefix, width, slice] = process.argv.slice(2);
  const w = parseInt(width || '1280', 10), sh = parseInt(slice || '2400', 10);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: w, height: 900 } });
    // Nothing may be fetched: fail any request that is not the file itself.
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const dims = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
      fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family + ' ' + f.weight),
    }));
    dims.requests = requests;
    if (prefix) {
      await page.setViewportSize({ width: w, height: sh });
      for (let y = 0, i = 0; y < dims.height; y += sh, i++) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.screenshot({ path: `${prefix}-${String(i).padStart(2, '0')}.png`, timeout: 60000 });
      }
    }
    console.log(JSON.stringify(dims));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
