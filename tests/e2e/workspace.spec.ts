// The forecast workspace (issue 4): a full scenario entered through the UI
// gives the command line's numbers; the target can be dragged; CSV exports
// hold the table's numbers; edits re-run by themselves; one worker and
// several give identical results.
import { expect, test, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AppPage, FORMAT_DEFAULT, STAGES, parseNumber } from './app-page';

const example = JSON.parse(readFileSync('docs/example-scenario.json', 'utf8'));

function cli(args: string[]): any {
  const bin = ['target/debug/funnelcast', 'target/release/funnelcast'].find((b) => existsSync(b));
  if (!bin) throw new Error('build the command line first (cargo build --bin funnelcast)');
  return JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }));
}

/** Types the whole example scenario into the form, as a user would. */
async function enterExample(page: Page) {
  const app = new AppPage(page);
  await page.getByRole('radio', { name: 'Every week' }).check();
  await app.leads.fill(String(example.leads.per_week));
  await page.getByRole('textbox', { name: 'Horizon' }).fill(String(example.horizon_weeks));
  for (const [i, stage] of example.stages.entries()) {
    const name = STAGES[i];
    await app.rate(name).fill(String(stage.rate * 100));
    const row = page.getByRole('list', { name: 'Sales stages' }).getByRole('listitem').nth(i);
    await row.locator('summary').click();
    await page.getByRole('textbox', { name: `${name} days in stage` }).fill(String(stage.days));
    if (stage.evidence) {
      await page.getByRole('textbox', { name: `${name} evidence` }).fill(String(stage.evidence));
    }
    if (i < 6) {
      await page.getByRole('textbox', { name: `${name} open deals` }).fill(String(example.pipeline[i]));
    }
  }
  await page.getByRole('checkbox', { name: 'Forecast revenue' }).check();
  await page.getByRole('textbox', { name: 'Median deal value' }).fill(String(example.deal_value.median));
  await page.getByRole('textbox', { name: '90th percentile deal value' }).fill(String(example.deal_value.p90));
  await page.getByRole('textbox', { name: 'Repeat purchase value' }).fill(String(example.follow_up.repeat_value));
  await page.getByRole('textbox', { name: 'Referrals per customer' }).fill(String(example.follow_up.referrals));
  await page.getByRole('textbox', { name: 'Revenue target' }).fill(String(example.target.revenue));
  await page.getByRole('textbox', { name: 'Won deals target' }).fill(String(example.target.won));
  await app.trials.fill(String(example.trials));
  await app.seed.fill(String(example.seed));
}

function money(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9.-]/g, ''));
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('a full scenario entered in the UI gives the command line\'s numbers', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await enterExample(page);
  await app.run();
  const want = cli(['simulate', 'docs/example-scenario.json', '--json']);
  await expect(page.getByText(/^10,000 trials · seed 42$/)).toBeVisible();
  expect(money(await page.getByTestId('most-likely').textContent())).toBe(Math.round(want.revenue.p50));
  expect(money(await page.getByTestId('commit').textContent())).toBe(Math.round(want.revenue.p10));
  expect(money(await page.getByTestId('best-case').textContent())).toBe(Math.round(want.revenue.p90));
  const chance = parseNumber((await page.getByTestId('chance').textContent()) ?? '');
  expect(chance).toBeCloseTo(Math.round(want.target.p_revenue * 1000) / 10, 5);
  for (const [i, name] of STAGES.entries()) {
    const [mean] = await app.funnelRow(name);
    expect(Math.abs(mean - want.stages[i].reached.mean)).toBeLessThanOrEqual(0.5);
  }
  await expect(page.getByTestId('headline')).toContainText('chance to reach the $250,000 target by week 13');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'tests/e2e/screenshots/workspace-1280x800.png' });
  await page.screenshot({ path: 'tests/e2e/screenshots/workspace-1280-full.png', fullPage: true });
  expect(app.errors).toEqual([]);
});

test('dragging the target changes the chance shown, then sets the target', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.trials.fill('5000');
  await app.run();
  const card = page.getByRole('figure').filter({ has: page.getByRole('heading', { name: 'Deals won' }) });
  const svg = card.locator('svg.histogram');
  await svg.scrollIntoViewIfNeeded();
  const box = await svg.boundingBox();
  if (!box) throw new Error('no histogram');
  const chance = card.locator('.chance');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await expect(chance).toContainText('chance of at least');
  const low = parseNumber((await chance.locator('.chance-value').textContent()) ?? '');
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await expect(chance.locator('.chance-value')).not.toHaveText(`${low} %`);
  const high = parseNumber((await chance.locator('.chance-value').textContent()) ?? '');
  expect(high).toBeLessThan(low);
  await page.mouse.up();
  // Released: the target is set in the form, and the keyboard moves it too.
  const target = page.getByRole('textbox', { name: 'Won deals target' });
  await expect(target).not.toHaveValue('');
  const before = Number(await target.inputValue());
  await page.getByRole('slider', { name: 'Won deals target' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(target).toHaveValue(String(before + 1));
  expect(app.errors).toEqual([]);
});

test('CSV downloads hold the table\'s numbers', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.run();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download summary (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('funnelcast-summary.csv');
  const csv = readFileSync(await file.path(), 'utf8');
  const [qualMean] = await app.funnelRow('Qualification');
  const row = csv.split('\n').find((l) => l.startsWith('reached Qualification,')) ?? '';
  expect(Math.round(Number(row.split(',')[1]))).toBe(qualMean);
  const wonMean = parseNumber(
    (await app.wonTable().getByRole('row', { name: /^Mean/ }).getByRole('cell').textContent()) ?? '',
  );
  const wonRow = csv.split('\n').find((l) => l.startsWith('won deals,')) ?? '';
  expect(Number(wonRow.split(',')[1])).toBeCloseTo(wonMean, 1);
});

test('charts download as SVG and PNG files', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Funnel as SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('funnelcast-funnel.svg');
  const text = readFileSync(await svg.path(), 'utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('Qualification');
  expect(text).toContain('fill=');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Deals won as PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe('funnelcast-won.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(bytes.length).toBeGreaterThan(5000);
});

test('the scenario name is kept with the scenario', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Q3 pipeline review');
  await expect(app.status).toContainText('Done:');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveValue('Q3 pipeline review');
});

test('edits re-run the forecast without pressing Run', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWith(FORMAT_DEFAULT); // one batch of 1,000 leads: the arithmetic below
  await expect(app.status).toContainText('Done:');
  const headline = page.getByTestId('headline');
  const before = await headline.textContent();
  await app.rate('Closing').fill('20');
  await expect(headline).not.toHaveText(before ?? '');
  await expect(app.status).toContainText('Done:');
  const [closing] = await app.funnelRow('Follow-up');
  // 1000 × .5 × .6 × .7 × .6 × .5 × .2 = 12.6 won on average.
  expect(Math.abs(closing - 12.6)).toBeLessThan(0.5);
});

test('one worker and several give identical results', async ({ page }) => {
  const csvFor = async (workers: number) => {
    const app = new AppPage(page);
    await app.open(`./?workers=${workers}`);
    await app.trials.fill('60000');
    await app.run();
    await expect(page.getByText(/^60,000 trials · seed 42$/)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download summary (CSV)' }).click();
    return readFileSync(await (await download).path(), 'utf8');
  };
  const one = await csvFor(1);
  const two = await csvFor(2);
  const four = await csvFor(4);
  expect(two).toBe(one);
  expect(four).toBe(one);
});

test('the workspace on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.open();
  await enterExample(page);
  await app.run();
  await page.getByRole('heading', { name: 'Forecast' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/workspace-390x844.png' });
  await page.screenshot({ path: 'tests/e2e/screenshots/workspace-390-full.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
