// shoot.cjs FILE.html OUTPREFIX WIDTH[,WIDTH…] [SLICE]
// Loads a page in headless Chromium at each viewport width and prints one JSON line per
// width: the page's scroll and client width (a test checks that nothing overflows
// sideways), its height, the fonts that loaded and any request that left the file.
// With an OUTPREFIX it also screenshots the full page in slices of SLICE pixels (default
// 2400): OUTPREFIX-WIDTH-00.png, -01.png …
// Needs playwright-core (NODE_PATH) and Chromium (CHROMIUM, default /usr/bin/chromium).
const { chromium } = require('playwright-core');
const path = require('path');

(async () => {
  const [file, prefix, widths, slice] = process.argv.slice(2);
  const sh = parseInt(slice || '2400', 10);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    for (const width of (widths || '1280').split(',')) {
      const w = parseInt(width, 10);
      const page = await browser.newPage({ viewport: { width: w, height: 900 } });
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
      dims.width = w;
      dims.requests = requests;
      if (prefix) {
        await page.setViewportSize({ width: w, height: sh });
        for (let y = 0, i = 0; y < dims.height; y += sh, i++) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.screenshot({ path: `${prefix}-${w}-${String(i).padStart(2, '0')}.png`, timeout: 60000 });
        }
      }
      console.log(JSON.stringify(dims));
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
