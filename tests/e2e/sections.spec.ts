// The results column's sections (issue 13; Calibration since issue 15):
// Forecast, What to do, Compare and Calibration sit behind one section bar beside the form, reached by keyboard, by mouse
// and by the address's fragment, never below the whole form.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from './fixtures';
import { violations } from './axe';
import { AppPage } from './app-page';

const example = JSON.parse(readFileSync('docs/example-scenario.json', 'utf8'));

const SECTIONS = [
  { tab: 'Forecast', heading: 'Forecast', fragment: '#forecast' },
  { tab: 'What to do', heading: 'What to do', fragment: '#what-to-do' },
  { tab: 'Compare', heading: 'Compare scenarios', fragment: '#compare' },
  { tab: 'Calibration', heading: 'How good is this forecast?', fragment: '#calibration' },
] as const;


/** Whether the element's box lies wholly inside the window. */
async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

/** Opens the address afresh, as a link from elsewhere does (a change of
 * fragment alone would not load the page again). */
async function openAfresh(page: Page, address: string) {
  await page.goto('about:blank');
  await page.goto(address);
}

function tab(page: Page, name: string): Locator {
  return page.getByRole('tab', { name, exact: true });
}

/** Checks that exactly the named section is on screen. */
async function expectShown(page: Page, shown: (typeof SECTIONS)[number]) {
  for (const s of SECTIONS) {
    const on = s === shown;
    await expect(tab(page, s.tab)).toHaveAttribute('aria-selected', String(on));
    const heading = page.getByRole('heading', { name: s.heading, exact: true });
    if (on) await expect(heading).toBeVisible();
    else await expect(heading).toBeHidden();
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate((s) => {
    localStorage.clear();
    localStorage.setItem('funnelcast.draft', JSON.stringify({ app: 'funnelcast', version: 1, saved_at: Date.now(), scenario: s }));
  }, example);
});

test('every section is reachable with the keyboard, and the address follows', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await expect(page.getByRole('tablist', { name: 'Results sections' })).toBeVisible();
  const before = await page.evaluate(() => history.length);

  // Tab reaches the bar once, on the section shown.
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab')) break;
  }
  await expect(tab(page, 'Forecast')).toBeFocused();

  const [forecast, whatToDo, compare, calibration] = SECTIONS;
  const steps: [string, (typeof SECTIONS)[number]][] = [
    ['ArrowRight', whatToDo],
    ['ArrowRight', compare],
    ['ArrowRight', calibration],
    ['ArrowRight', forecast], // wraps around
    ['ArrowLeft', calibration], // and back
    ['Home', forecast],
    ['End', calibration],
    ['ArrowLeft', compare],
    ['ArrowLeft', whatToDo],
    ['Enter', whatToDo],
  ];
  for (const [key, section] of steps) {
    await page.keyboard.press(key);
    await expect(tab(page, section.tab)).toBeFocused();
    await expectShown(page, section);
    expect(new URL(page.url()).hash).toBe(section.fragment);
  }
  // The section bar is one Tab stop: the next Tab goes into the section.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
  // The address was replaced, not pushed: Back still leaves the page.
  expect(await page.evaluate(() => history.length)).toBe(before);
  // A section's controls work: the bottleneck, asked from the keyboard.
  await page.getByRole('button', { name: 'Find the bottleneck' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('first-to-fix')).toBeVisible({ timeout: 60_000 });
  expect(app.errors).toEqual([]);
});

test('the address opens a section', async ({ page }) => {
  const app = new AppPage(page);
  for (const section of SECTIONS) {
    await openAfresh(page, `./${section.fragment}`);
    await expect(app.runButton).toBeVisible();
    await expectShown(page, section);
    await expect(page.getByRole('heading', { name: section.heading, exact: true })).toBeInViewport();
  }
  // Reloaded on a chosen section, the page opens on it again.
  await openAfresh(page, './');
  await app.showSection('Compare');
  await page.reload();
  await expectShown(page, SECTIONS[2]);
  expect(app.errors).toEqual([]);
});

test('a share link is never taken for a section, nor overwritten by one', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Shared plan');
  await app.rate('Presentation').fill('45');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const fragment = new URL(link).hash;
  expect(fragment).toMatch(/^#s/);

  await openAfresh(page, link);
  await expect(page.getByRole('region', { name: 'Shared scenario' })).toContainText('save a copy?');
  await expectShown(page, SECTIONS[0]);
  await app.showSection('What to do');
  await expectShown(page, SECTIONS[1]);
  expect(new URL(page.url()).hash).toBe(fragment); // still the share link
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Presentation conversion rate' })).toHaveValue('45');
  // Once saved, the link leaves the address and sections take its place.
  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page.getByRole('button', { name: 'Open Shared plan' })).toBeVisible();
  expect(page.url()).not.toContain('#');
  await app.showSection('Compare');
  expect(new URL(page.url()).hash).toBe('#compare');
  expect(app.errors).toEqual([]);
});

test('at 1280 × 800 each answer opens beside the form, without scrolling past it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  // The form scrolls on its own: its end brought into view moves neither the
  // page nor the section bar.
  await app.seed.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const bar = page.getByRole('tablist', { name: 'Results sections' });
  expect(await inViewport(page, bar)).toBe(true);
  for (const section of SECTIONS.slice(1)) {
    await app.showSection(section.tab);
    const heading = page.getByRole('heading', { name: section.heading, exact: true });
    await expect(heading).toBeVisible();
    expect(await inViewport(page, heading)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  }
  // Read down the forecast, then choose What to do: it starts at its top.
  await app.showSection('Forecast');
  await page.getByRole('button', { name: 'Download summary (CSV)' }).scrollIntoViewIfNeeded();
  await app.showSection('What to do');
  await expect(page.getByRole('heading', { name: 'What to do', exact: true })).toBeInViewport({ ratio: 1 });
  expect(app.errors).toEqual([]);
});

test('axe finds nothing with each section shown', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  for (const section of SECTIONS) {
    await app.showSection(section.tab);
    await expect(page.getByRole('heading', { name: section.heading, exact: true })).toBeVisible();
    expect(await violations(page), section.tab).toEqual([]);
  }
});

test('the printed page is the forecast, whichever section is shown', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await app.showSection('What to do');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What to do', exact: true })).toBeHidden();
  await expect(page.getByRole('tablist', { name: 'Results sections' })).toBeHidden();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`screenshots of the forecast and What to do at ${width} × ${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const app = new AppPage(page);
    await app.open();
    await expect(app.status).toContainText('Done:');
    await app.showSection('Forecast');
    await expect(page.getByRole('heading', { name: 'Forecast', exact: true })).toBeInViewport();
    await page.screenshot({ path: `tests/e2e/screenshots/sections-forecast-${width}x${height}.png` });
    await app.showSection('What to do');
    await expect(page.getByRole('heading', { name: 'What to do', exact: true })).toBeInViewport();
    await page.getByRole('button', { name: 'Find the bottleneck' }).click();
    await expect(page.getByTestId('first-to-fix')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'What to do', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e/screenshots/sections-what-to-do-${width}x${height}.png` });
    // Nothing is cut off sideways, in either section.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await app.showSection('Compare');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(app.errors).toEqual([]);
  });
}
