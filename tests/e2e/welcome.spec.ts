// The first screen (issue 13): a first visit opens on a welcome with three
// ways in, each landing on a valid draft with a forecast; the default draft is
// a quarter whose headline is a chance; returning users go straight to their
// draft; opening writes nothing until a way in is chosen.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { AppPage, FORMAT_DEFAULT } from './app-page';

/** Each preset and the words its headline ends up with (its revenue target and horizon). */
const PRESETS = [
  ['B2B SaaS mid-market', 'chance to reach the $250,000 target by week 13'],
  ['SMB inbound', 'chance to reach the $500,000 target by week 13'],
  ['Enterprise, long cycles', 'chance to reach the $1,500,000 target by week 26'],
  ['Agency services', 'chance to reach the $300,000 target by week 13'],
] as const;

function storageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
}

/** A draft the user can run: no field flagged, Run enabled, a result for `headline`. */
async function expectValidDraft(app: AppPage, headline: string | RegExp) {
  await expect(app.runButton).toBeEnabled();
  await expect(app.page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(app.page.getByTestId('headline')).toContainText(headline, { timeout: 30_000 });
  await expect(app.status).toContainText('Done:', { timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('a first visit sees the welcome, with three ways in, and nothing is stored yet', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.welcome).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Funnelcast', level: 1 })).toBeVisible();
  await expect(app.runButton).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start from your CRM export' })).toBeVisible();
  const presets = page.getByRole('region', { name: 'Start from a preset' }).getByRole('button');
  await expect(presets).toHaveText(PRESETS.map(([name]) => new RegExp(`^${name}`)));
  await expect(app.startBlank).toBeVisible();
  await expect(app.startBlank).toHaveAccessibleDescription(/40 leads a week for 13 weeks/);
  expect(await storageDump(page)).toEqual({});

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'tests/e2e/screenshots/welcome-1280x800.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'tests/e2e/screenshots/welcome-390x844.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(app.errors).toEqual([]);
});

test('Start from your CRM export leaves the welcome and opens the history file picker', async ({ page }) => {
  const app = new AppPage(page);
  const crm = page.getByRole('button', { name: 'Start from your CRM export' });
  await expect(crm).toBeEnabled();
  const chooser = page.waitForEvent('filechooser');
  await crm.click();
  const picker = await chooser;
  expect(await picker.element().getAttribute('accept')).toBe('.csv,text/csv,text/plain');
  await expect(app.welcome).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import history…' })).toBeVisible();
  // The draft on screen is kept: the next visit is a returning one.
  expect(Object.keys(await storageDump(page))).toContain('funnelcast.draft');
});

test('Start blank opens the default draft: a quarter whose headline is a chance; a reload keeps it', async ({ page }) => {
  const app = new AppPage(page);
  await app.startBlank.click();
  await expect(app.welcome).toHaveCount(0);
  await expectValidDraft(app, /^\d+(\.\d)? % chance to reach the \$120,000 target by week 13; most likely \$/);
  await expect(app.leads).toHaveValue('40');
  await expect(page.getByRole('radio', { name: 'Every week' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Horizon' })).toHaveValue('13');
  await expect(page.getByRole('textbox', { name: 'Revenue target' })).toHaveValue('120000');
  // The choice is kept: the next visit is a returning one.
  expect(Object.keys(await storageDump(page))).toContain('funnelcast.draft');
  await page.reload();
  await expect(app.runButton).toBeVisible();
  await expect(app.welcome).toHaveCount(0);
  await expect(app.leads).toHaveValue('40');
  expect(app.errors).toEqual([]);
});

test('each preset opens as a valid draft with its forecast', async ({ page }) => {
  const app = new AppPage(page);
  for (const [name, headline] of PRESETS) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('region', { name: 'Start from a preset' }).getByRole('button', { name }).click();
    await expect(app.welcome).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveValue(name);
    await expectValidDraft(app, headline);
  }
  expect(app.errors).toEqual([]);
});

test('a returning profile skips the welcome: a draft, or only a saved scenario', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWith(FORMAT_DEFAULT);
  await expect(app.welcome).toHaveCount(0);
  await expect(app.leads).toHaveValue('1000');

  // A saved scenario and no draft (cleared by hand, say): still a returning user.
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Kept');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page.getByRole('list', { name: 'Saved scenarios' });
  await expect(saved.getByRole('button', { name: 'Open Kept' })).toBeVisible();
  await page.evaluate(() => {
    localStorage.removeItem('funnelcast.draft');
    localStorage.removeItem('funnelcast.open');
  });
  await page.reload();
  await expect(app.runButton).toBeVisible();
  await expect(app.welcome).toHaveCount(0);
  await expect(saved.getByRole('button', { name: 'Open Kept' })).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('classroom mode animates the default draft', async ({ page }) => {
  const app = new AppPage(page);
  await app.startBlank.click();
  await expect(app.status).toContainText('Done:');
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  const week = page.getByTestId('week-counter');
  await expect(week).toHaveText('Week 0 of 13');
  await expect(page.getByText(/Cannot animate/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Step one week' }).click();
  await expect(week).toHaveText('Week 1 of 13');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(/Week (\d+) of/.exec((await week.textContent()) ?? '')?.[1])).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(app.errors).toEqual([]);
});
