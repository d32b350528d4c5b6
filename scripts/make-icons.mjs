// Draws the app's PNG icons from web/icons/icon.svg with the local Chromium
// (no network). Run once after changing the mark, and commit the PNGs:
//   node scripts/make-icons.mjs
// A maskable icon fills its square edge to edge and keeps the mark inside
// the central circle (80 % of the side) that every launcher mask leaves
// visible; Apple's touch icon is opaque too (iOS rounds its corners itself).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const dir = new URL('../web/icons/', import.meta.url);
const rounded = readFileSync(new URL('icon.svg', dir), 'utf8');
const fullBleed = rounded
  .replace('<rect width="32" height="32" rx="7"', '<rect width="32" height="32"')
  .replace('translate(4 3.25) scale(.75)', 'translate(6.4 5.8) scale(.6)');
const icons = [
  ['icon-192.png', 192, rounded],
  ['icon-512.png', 512, rounded],
  ['icon-maskable-512.png', 512, fullBleed],
  ['apple-touch-icon.png', 180, fullBleed],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [name, size, svg] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: new URL(name, dir).pathname, omitBackground: true });
  console.log(`web/icons/${name} ${size}×${size}`);
}
await browser.close();
