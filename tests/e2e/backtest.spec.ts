// How good is this forecast? (issue 15): the backtest of the imported history
// runs in the helper worker with progress and Stop, and its answer — the
// sentence, the ranges over time, the coverage, the PIT histogram, the
// scores, every chart with its table — equals `funnelcast backtest --json` on
// the same file and seed. And the two fields that make intervals honest
// (lead bursts, market swings) change the forecast, survive a reload and
// show their problems at themselves.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { AppPage, FORMAT_DEFAULT } from './app-page';
import { generate, toCsv } from './history-export';

// 130 weeks of 15 deals: first origin 26 weeks in, one every 13 weeks while
// 13 weeks remain after it: 8 origins, 8 quarters.
const CSV = toCsv(generate(130 * 15));
const FILE = 'two-and-a-half-years.csv';

function cliBacktest(csv: string): any {
  const bin = ['target/debug/funnelcast', 'target/release/funnelcast'].find((b) => existsSync(b));
  if (!bin) throw new Error('build the command line first');
  const path = join(mkdtempSync(join(tmpdir(), 'funnelcast-')), FILE);
  writeFileSync(path, csv);
  return JSON.parse(execFileSync(bin, ['backtest', path, '--json'], { encoding: 'utf8' }));
}

const number = (text: string) => Number(text.replace(/[^0-9.\-]/g, ''));

/** Imports the export through the review and uses its numbers. */
async function importHistory(page: Page) {
  await page.locator('#history-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  const use = page.getByRole('dialog', { name: 'Import history' }).getByRole('button', { name: 'Use these numbers' });
  await expect(use).toBeEnabled({ timeout: 20_000 });
  await use.click();
}

test('the check without a history asks for one, runs once its numbers are used, and equals the command line', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open();
  await page.setViewportSize({ width: 1440, height: 900 });
  // No history yet: the button says so and opens the file picker first.
  await expect(app.checkButton).toHaveAccessibleDescription(/choose the export first/);
  const chooser = page.waitForEvent('filechooser');
  await app.checkButton.click();
  await (await chooser).setFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  const use = page.getByRole('dialog', { name: 'Import history' }).getByRole('button', { name: 'Use these numbers' });
  await expect(use).toBeEnabled({ timeout: 20_000 });
  await use.click();

  // The Calibration section shows the check's progress, then its answer.
  await expect(page.getByRole('tab', { name: 'Calibration' })).toHaveAttribute('aria-selected', 'true');
  const section = app.calibration;
  const headline = section.getByTestId('check-headline');
  await expect(headline).toBeVisible({ timeout: 150_000 });
  await expect(app.checkButton).not.toHaveAttribute('aria-describedby', /.+/);

  const truth = cliBacktest(CSV);
  expect(truth.origins.length).toBe(8);
  const hits = truth.origins.filter((o: any) => o.won.p10 <= o.actual.won && o.actual.won <= o.won.p90).length;
  await expect(headline).toHaveText(
    `Over the last 8 quarters, the 80 % range contained the actual result ${hits === 1 ? 'once' : hits === 0 ? 'no time' : `${hits} times`}.`,
  );
  await expect(section.getByTestId('check-scores')).toContainText(`CRPS ${truth.summary.won.crps.toFixed(2)} deals`);

  // Every origin's row equals the command line's (each chart's table is
  // behind its "Show the numbers").
  for (const summary of await section.getByText('Show the numbers').all()) await summary.click();
  const table = section.getByRole('table', { name: 'Forecasts and what happened' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(8);
  for (const [i, o] of truth.origins.entries()) {
    const row = rows.nth(i);
    await expect(row.locator('th')).toHaveText(o.as_of);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 4).map(number), o.as_of).toEqual([o.actual.won, o.won.p10, o.won.p50, o.won.p90]);
    expect(cells[4], o.as_of).toBe(o.won.pit.toFixed(3));
  }
  const coverage = section.getByRole('table', { name: 'Coverage against the promise' });
  for (const percent of [50, 80, 90]) {
    const k = Math.round(truth.summary.won[`coverage${percent}`] * 8);
    await expect(coverage.getByRole('row', { name: new RegExp(`^${percent} % range`) })).toContainText(`${k} of 8`);
  }
  await expect(section.getByRole('table', { name: 'PIT histogram' }).locator('tbody tr')).toHaveCount(5);
  for (const chart of [/^Forecast ranges at 8 origins/, /^Origins inside each range/, /^PIT histogram over 8 origins/]) {
    await expect(section.getByRole('img', { name: chart })).toBeVisible();
  }

  // Revenue, the same way.
  await section.getByRole('radio', { name: 'Revenue' }).check();
  const revenueRows = truth.origins.filter((o: any) => o.revenue);
  await expect(rows).toHaveCount(revenueRows.length);
  for (const [i, o] of revenueRows.entries()) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    expect(cells.slice(0, 4).map(number), o.as_of).toEqual(
      [o.actual.revenue, o.revenue.p10, o.revenue.p50, o.revenue.p90].map(Math.round),
    );
    expect(cells[4], o.as_of).toBe(o.revenue.pit.toFixed(3));
  }

  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.screenshot({ path: 'docs/backtest.png' });
  if (process.env.CHECK_SHOT) {
    await section.getByRole('img', { name: /^Origins inside each range/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: process.env.CHECK_SHOT });
  }
  await section.getByRole('radio', { name: 'Won deals' }).check();
  const axe = await new AxeBuilder({ page }).include('#section-calibration').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('Stop ends a check in progress, and the check runs again on the kept history', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open();
  await importHistory(page);
  await app.checkButton.click();
  const section = app.calibration;
  await expect(section.getByRole('progressbar', { name: 'Checking the forecast' })).toBeVisible();
  await section.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(section).toContainText('Stopped.');
  await expect(section.getByRole('progressbar')).toHaveCount(0);
  await expect(section.getByTestId('check-headline')).toHaveCount(0);
  // Again, without choosing the file again: it is kept for the session.
  await app.checkButton.click();
  await expect(section.getByTestId('check-headline')).toBeVisible({ timeout: 150_000 });
  expect(app.errors).toEqual([]);
});

test('lead bursts and market swings change the forecast, survive a reload and show their problems at themselves', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWith({ ...FORMAT_DEFAULT, leads: { per_week: 100 }, horizon_weeks: 13 });
  await app.run();
  const won = async () => (await app.wonTable().textContent()) ?? '';
  const plain = await won();

  await app.marketSd.fill('0.3');
  await expect(app.status).toContainText('Done:', { timeout: 30_000 });
  await expect.poll(won).not.toBe(plain);
  const swung = await won();
  await app.leadDispersion.fill('2');
  await expect.poll(won).not.toBe(swung);

  await page.reload();
  await expect(app.marketSd).toHaveValue('0.3');
  await expect(app.leadDispersion).toHaveValue('2');

  await app.marketSd.fill('-1');
  await expect(page.locator('#market-sd-error')).toHaveText(/market swing must be at least 0/);
  await expect(app.marketSd).toHaveAttribute('aria-invalid', 'true');
  await app.leadDispersion.fill('0');
  await expect(page.locator('#lead-dispersion-error')).toHaveText(/dispersion must be above 0/);
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).not.toHaveAttribute('aria-invalid', 'true');
  // With one batch of leads there are no weeks to burst in: the field goes.
  await page.getByRole('radio', { name: 'One-off batch' }).check();
  await expect(app.leadDispersion).toHaveCount(0);
  expect(app.errors).toEqual([]);
});
