// Accessibility: axe-core (WCAG 2 A and AA rules) on the main states.
import { expect, test, type Page } from './fixtures';
import { violations } from './axe';
import { AppPage } from './app-page';


test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('results view', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  expect(await violations(page)).toEqual([]);
});

test('editing with an error, and the expanded stage details', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('list', { name: 'Sales stages' }).getByRole('listitem').first().locator('summary').click();
  await app.rate('Qualification').fill('150');
  await expect(app.runButton).toBeDisabled();
  expect(await violations(page)).toEqual([]);
});

test('the check can fail', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:,';
    document.body.appendChild(img);
  });
  expect((await violations(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
});

test('library, notices, comparison and decisions', async ({ page }) => {
  const app = new AppPage(page);
  await page.evaluate(() => localStorage.setItem('funnelcast.scenario.bad', '{"oops'));
  await app.open();
  await expect(app.status).toContainText('Done:');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('A');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await app.rate('Closing').fill('50');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('B');
  await page.getByRole('button', { name: 'Save as new' }).click();
  await app.showSection('Compare');
  await page.getByRole('checkbox', { name: 'Compare A' }).check();
  await page.getByRole('checkbox', { name: 'Compare B' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.locator('.beats li').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await app.showSection('What to do');
  await page.getByRole('button', { name: 'Find the bottleneck' }).click();
  await expect(page.getByTestId('first-to-fix')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.locator('summary', { hasText: 'Start from a preset' }).click();
  expect(await violations(page)).toEqual([]);
});

test('phone layout', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  expect(await violations(page)).toEqual([]);
});

test('running: a long run in progress', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await app.trials.fill('50000000');
  await app.runButton.click();
  await expect(app.cancelButton).toBeEnabled();
  await expect(app.progress).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await app.cancelButton.click();
});

test('empty: before the first result, with nothing saved', async ({ page }) => {
  // A draft too large to finish at once: the page is checked as it opens.
  const scenario = JSON.parse((await import('node:fs')).readFileSync('docs/example-scenario.json', 'utf8'));
  await page.evaluate(
    (s) => localStorage.setItem('funnelcast.draft', JSON.stringify({ app: 'funnelcast', version: 1, saved_at: Date.now(), scenario: { ...s, trials: 1e9 } })),
    scenario,
  );
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});
