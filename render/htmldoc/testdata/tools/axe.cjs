// axe.cjs WIDTH FILE.html…
// Loads each file in headless Chromium at the given viewport width, runs axe-core with
// its WCAG 2.x A/AA and best-practice rules, and prints the violations as JSON lines
// ({"file", "id", "impact", "help", "nodes": [target…]}). Exit status 1 on any violation.
// Needs axe-core and playwright-core (NODE_PATH) and Chromium (CHROMIUM).
const { chromium } = require('playwright-core');
const path = require('path');
const fs = require('fs');

(async () => {
  const [width, ...files] = process.argv.slice(2);
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  let failed = 0;
  try {
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: parseInt(width, 10), height: 900 } });
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const res = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          resultTypes: ['violations'],
        });
      });
      for (const v of res.violations) {
        failed++;
        console.log(JSON.stringify({ file, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
