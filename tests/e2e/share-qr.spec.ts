// The classroom's "Share to phones" (issue 16): the scenario on the
// projector as a QR code that decodes — read here by jsQR, an independent
// decoder — to the share link shown beneath it, and that link opens the same
// scenario on a phone.
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from './fixtures';
import { AppPage, STAGES } from './app-page';

const JSQR = resolve('node_modules/jsqr/dist/jsQR.js');
const TITLE = 'Open this scenario on your phone';
/** Pixels per module when the code is drawn for the decoder. */
const SCALE = 8;



/** The code as a standalone SVG file: the page's markup with the colours it
 * is drawn in (computed from the stylesheets) written onto each shape, at
 * SCALE pixels a module. */
async function standaloneSvg(code: Locator) {
  return code.evaluate((svg, scale) => {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const shapes = [...svg.querySelectorAll('rect, path')];
    const copies = [...clone.querySelectorAll('rect, path')];
    shapes.forEach((shape, i) => copies[i].setAttribute('fill', getComputedStyle(shape).fill));
    const side = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
    clone.setAttribute('width', String(side * scale));
    clone.setAttribute('height', String(side * scale));
    return { markup: new XMLSerializer().serializeToString(clone), side, fills: shapes.map((s) => getComputedStyle(s).fill) };
  }, SCALE);
}

/** Draws the SVG onto a canvas and reads it with jsQR. The decoding runs in a
 * blank page of the same browser: the app's Content-Security-Policy rightly
 * refuses an injected script. */
async function decode(page: Page, markup: string, side: number): Promise<string | null> {
  const decoder = await page.context().newPage();
  try {
    await decoder.addScriptTag({ path: JSQR });
    return await decoder.evaluate(
      async ({ markup, pixels }) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = pixels;
        const context = canvas.getContext('2d');
        if (!context) return null;
        context.imageSmoothingEnabled = false;
        context.drawImage(image, 0, 0, pixels, pixels);
        const data = context.getImageData(0, 0, pixels, pixels).data;
        type JsQr = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
        const found = (window as unknown as { jsQR: JsQr }).jsQR(data, pixels, pixels);
        return found ? found.data : null;
      },
      { markup, pixels: side * SCALE },
    );
  } finally {
    await decoder.close();
  }
}

/** Opens the dialog with `opener`, decodes its code and checks the code
 * against the link shown, a link to the page at `at`; returns the link. */
async function decodeShared(page: Page, opener: Locator, scenarioName: string, at = /^http:\/\/127\.0\.0\.1:\d+\/#s1\./) {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: TITLE });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Scan to open this scenario on your phone. Nothing is uploaded: the scenario is in the link.');
  const code = dialog.getByRole('img', { name: `QR code for ${scenarioName}` });
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('shape-rendering', 'crispEdges');
  const { markup, side, fills } = await standaloneSvg(code);
  // Black modules on a white square that holds the quiet zone, whatever the theme.
  expect(fills).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  await expect(code.locator('rect')).toHaveAttribute('width', String(side));
  expect((side - 8 - 17) % 4).toBe(0);
  // Square, and at least 4 screen pixels a module even on a laptop's screen.
  const box = await code.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(side * 4);
  expect(box?.height).toBe(box?.width);

  await expect(dialog.getByText(scenarioName, { exact: true })).toBeVisible();
  const shown = (await dialog.getByTestId('share-qr-link').textContent()) ?? '';
  expect(shown).toMatch(at);
  expect(await decode(page, markup, side)).toBe(shown);
  // The decoding can fail: the same picture without its dark modules reads as nothing.
  expect(await decode(page, markup.replace(/ d="[^"]*"/, ' d=""'), side)).toBeNull();
  return shown;
}

/** Opens `link` on a phone (a new browser context, 390×844) and checks that it
 * shows `name` with the Qualification rate `rate` (per cent). */
async function openOnPhone(page: Page, link: string, name: string, rate: string) {
  const phone = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const other = await phone.newPage();
    await other.goto(link);
    await expect(other.getByRole('region', { name: 'Shared scenario' })).toBeVisible();
    await expect(other.getByRole('textbox', { name: 'Scenario name' })).toHaveValue(name);
    await expect(other.getByRole('textbox', { name: 'Qualification conversion rate' })).toHaveValue(rate);
  } finally {
    await phone.close();
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the QR code decodes to the share link, which opens the lesson on a phone', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('A leaky qualification stage');

  const opener = page.getByRole('button', { name: 'Share to phones' });
  const link = await decodeShared(page, opener, 'Lesson: a leaky qualification stage');
  const dialog = page.getByRole('dialog', { name: TITLE });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
  // Keys belong to the dialog: the classroom's shortcuts behind it stay quiet.
  const week = page.getByTestId('week-counter');
  const before = await week.textContent();
  await dialog.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(week).toHaveText(before ?? '');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // …and work again once it is closed.
  await page.keyboard.press('ArrowRight');
  await expect(week).not.toHaveText(before ?? '');
  await openOnPhone(page, link, 'Lesson: a leaky qualification stage', '25');

  // The lesson with its change applied: the card's button shares what is loaded now.
  await page.getByRole('button', { name: 'Apply the change' }).click();
  const cardOpener = page.getByRole('button', { name: 'Share this lesson to phones' });
  const changed = await decodeShared(page, cardOpener, 'Lesson: qualification fixed');
  expect(changed).not.toBe(link);
  await page.getByRole('dialog', { name: TITLE }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog', { name: TITLE })).toHaveCount(0);
  await expect(cardOpener).toBeFocused();
  await openOnPhone(page, changed, 'Lesson: qualification fixed', '40');
  expect(app.errors).toEqual([]);
});

test('Copy link copies the link shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open();
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('Small numbers and noise');
  await page.getByRole('button', { name: 'Share to phones' }).click();
  const dialog = page.getByRole('dialog', { name: TITLE });
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  const shown = await dialog.getByTestId('share-qr-link').textContent();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(app.errors).toEqual([]);
});

test('the dialog at 1920×1080 in the dark theme, for the projector', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new AppPage(page);
  await app.open();
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('The referral loop from good follow-up');
  const link = await decodeShared(page, page.getByRole('button', { name: 'Share to phones' }), 'Lesson: follow-up without referrals');
  const code = page.getByRole('dialog', { name: TITLE }).getByRole('img');
  // Large on the projector: more than half the screen's height, at least 7
  // screen pixels a module.
  const height = (await code.boundingBox())?.height ?? 0;
  expect(height).toBeGreaterThan(540);
  const side = Number((await code.getAttribute('viewBox'))?.split(' ')[2]);
  expect(height / side).toBeGreaterThanOrEqual(7);
  await expect(page.getByTestId('share-qr-link')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'docs/share-qr.png' });
  expect(link).toContain('#s1.');
  expect(app.errors).toEqual([]);
});

test('a link too long for any QR code is offered as a link, and says why', async ({ page }) => {
  // A valid scenario that no QR code holds: names as long as allowed (200
  // and 60 characters) of rare CJK ideographs (U+20000 to U+3134F), which deflate worst, and
  // numbers at full precision.
  let seed = 16;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const text = (n: number) => Array.from({ length: n }, () => String.fromCodePoint(0x20000 + Math.floor(next() * 0x11350))).join('');
  const name = text(200);
  const scenario = {
    version: 2,
    name,
    leads: { per_week: 20 + next() * 100, dispersion: 2 + next() * 20 },
    horizon_weeks: 13,
    market: { sd: next() * 0.4 },
    stages: STAGES.map(() => ({ name: text(60), rate: 0.2 + next() * 0.7, days: 1 + next() * 30, evidence: 1 + Math.floor(next() * 99999) })),
    pipeline: STAGES.slice(0, 6).map(() => Math.floor(next() * 5000)),
    deal_value: { median: 1000 + next() * 9000, p90: 20000 + next() * 80000 },
    follow_up: { repeat_value: next() * 0.5, referrals: next() * 0.5 },
    target: { revenue: 1e5 + next() * 1e5, won: 1 + Math.floor(next() * 499) },
    trials: 10000,
    seed: Math.floor(next() * 2 ** 52),
  };
  const app = new AppPage(page);
  await app.openWith(scenario);
  await new AppPage(page).openClassroom();
  await page.getByRole('button', { name: 'Share to phones' }).click();
  const dialog = page.getByRole('dialog', { name: TITLE });
  await expect(dialog.getByRole('status').first()).toContainText(/^This scenario's link is too long for a QR code \(3,\d{3} characters; a QR code holds at most 2,953\)\./);
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await expect(dialog).toContainText('Open the link on your phone. Nothing is uploaded: the scenario is in the link.');
  await expect(dialog.getByText(/^Scan to open/)).toHaveCount(0);
  const link = (await dialog.getByTestId('share-qr-link').textContent()) ?? '';
  expect(link.length).toBeGreaterThan(2953);
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The link itself still opens the scenario.
  const phone = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 } });
  const other = await phone.newPage();
  await other.goto(link);
  await expect(other.getByRole('textbox', { name: 'Scenario name' })).toHaveValue(name);
  await phone.close();
  expect(app.errors).toEqual([]);
});

test('served from a sub-path, the link keeps the path', async ({ page }) => {
  test.skip(!existsSync('target/subpath-site/funnelcast/index.html'), 'sub-path build not made (scripts/test.sh makes it)');
  const root = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}/funnelcast/`;
  const app = new AppPage(page);
  await app.open(root);
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('Stricter qualification');
  const at = new RegExp(`^${root.replace(/[.]/g, '\\.')}#s1\\.`);
  const link = await decodeShared(page, page.getByRole('button', { name: 'Share to phones' }), 'Lesson: loose qualification', at);
  await openOnPhone(page, link, 'Lesson: loose qualification', '70');
  expect(app.errors).toEqual([]);
});
