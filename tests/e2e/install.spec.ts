// Installable and quiet (issue 13): Chromium reports the app installable
// (its web app manifest parses without errors, its icons are served at the
// sizes it names), and a load writes no warning or error to the console —
// the page's nor its workers' — at the root and under a sub-path.
//
// Chromium never offers to install from an incognito profile, which is what
// Playwright's contexts are: these tests launch a persistent profile.
import { expect, guard, test, type Page } from './fixtures';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './app-page';

const SUBPATH = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}/funnelcast/`;
const PLACES = [
  { where: 'at the root', url: './', built: 'dist/index.html' },
  { where: 'under /funnelcast/', url: SUBPATH, built: 'target/subpath-site/funnelcast/index.html' },
];

/** Every console warning and error of the page and of the workers it starts. */
function watchConsole(page: Page): string[] {
  const said: string[] = [];
  const keep = (from: string) => (m: { type(): string; text(): string }) => {
    if (m.type() === 'warning' || m.type() === 'error') said.push(`${from} ${m.type()}: ${m.text()}`);
  };
  page.on('console', keep('page'));
  page.on('worker', (w) => w.on('console', keep(`worker ${w.url()}`)));
  page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
  return said;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

for (const { where, url, built } of PLACES) {
  test(`the app loads with a clean console and is installable ${where}`, async ({
    playwright,
    launchOptions,
    baseURL,
    cspViolations,
  }) => {
    test.skip(!existsSync(built), `${built} not built (scripts/test.sh builds it)`);
    const profile = mkdtempSync(join(tmpdir(), 'funnelcast-profile-'));
    const context = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      baseURL,
      viewport: { width: 1280, height: 800 },
    });
    try {
      await guard(context, cspViolations);
      const page = context.pages()[0] ?? (await context.newPage());
      await installable(page, url);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}

/** Loads the app at `url` and checks the console and the installability. */
async function installable(page: Page, url: string) {
  const said = watchConsole(page);
  const app = new AppPage(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(url);
  await app.pastWelcome(); // a fresh profile: the welcome first
  await expect(app.status).toContainText('Done:');
  expect(workers.length, 'the forecast ran in workers').toBeGreaterThan(0);
  // The service worker is active, so a launch from the home screen works offline.
  await expect(page.getByTestId('offline-status')).toBeVisible();

  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const base = new URL('./', page.url());
  expect(manifest.url).toBe(new URL('manifest.webmanifest', base).href);
  const data = JSON.parse(manifest.data) as {
    name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(data.name).toBe('Funnelcast');
  expect(data.display).toBe('standalone');
  // Relative in the file, so they land on the page's own path wherever it is served.
  expect(new URL(data.start_url, manifest.url).href).toBe(base.href);
  expect(new URL(data.scope, manifest.url).href).toBe(base.href);
  await expect
    .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
    .toEqual([]);

  for (const icon of data.icons) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    expect(response.status(), icon.src).toBe(200);
    if (icon.type === 'image/png') {
      const [w, h] = pngSize(await response.body());
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
    }
  }
  expect(data.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  expect(said).toEqual([]);
}

test('the mean beside "Most likely" shows its Monte Carlo error, never "± 0"', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  const sub = page.locator('.kpi', { has: page.getByTestId('most-likely') }).locator('.kpi-sub');
  const text = (await sub.textContent()) ?? '';
  expect(text).toMatch(/^mean .+ ± .+$/);
  const error = Number(text.split('±')[1].replace(/[^\d.]/g, ''));
  expect(error, text).toBeGreaterThan(0);
});
