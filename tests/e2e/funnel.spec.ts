// The foundation's user flows, end to end in headless Chromium against the
// release build.
import { expect, test } from './fixtures';
import { AppPage, FORMAT_DEFAULT, STAGES, parseNumber } from './app-page';

test.beforeEach(async ({ page }) => {
  // Every test starts from an empty localStorage.
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('shows the seven stages in order, each with its explanation and rate', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const items = page.getByRole('list', { name: 'Sales stages' }).getByRole('listitem');
  await expect(items).toHaveCount(7);
  for (const [i, name] of STAGES.entries()) {
    await expect(items.nth(i)).toContainText(name);
    await expect(app.rate(name)).toBeVisible();
  }
  await expect(items.nth(1)).toContainText('BANT');
  await expect(items.nth(5)).toContainText('is won');
  // The default draft: a quarter of weekly leads.
  await expect(app.leads).toHaveValue('40');
  await expect(page.getByRole('textbox', { name: 'Horizon' })).toHaveValue('13');
  expect(app.errors).toEqual([]);
});

test('editing Qualification and running shows progress, then results that reflect the edit; reload keeps it', async ({ page }) => {
  const app = new AppPage(page);
  const workerRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('worker')) workerRequests.push(r.url());
  });
  await app.openWith(FORMAT_DEFAULT); // one batch of leads: the arithmetic below
  await app.leads.fill('20000');
  await app.trials.fill('400000');
  await app.rate('Qualification').fill('30');
  await app.runButton.click();
  await expect(app.progress).toBeVisible();
  await expect(app.cancelButton).toBeEnabled();
  await expect(app.status).toContainText('Done:', { timeout: 45_000 });
  // The bar stays, full, once the run is done.
  await expect(app.progress).toHaveJSProperty('position', 1);

  // 20,000 leads × 50 % reach Qualification; × 30 % reach Needs assessment.
  const [qual] = await app.funnelRow('Qualification');
  const [needs, p10, p90] = await app.funnelRow('Needs assessment');
  expect(Math.abs(qual - 10_000)).toBeLessThan(20);
  expect(Math.abs(needs - 3_000)).toBeLessThan(10);
  expect(p10).toBeLessThan(needs);
  expect(p90).toBeGreaterThan(needs);
  await expect(
    app.funnelTable().getByRole('row', { name: /^Needs assessment/ }).getByRole('cell').last(),
  ).toHaveText('70 %');
  // Won: 20,000 × .5 × .3 × .7 × .6 × .5 × .4 = 252.
  const mean = parseNumber(
    (await app.wonTable().getByRole('row', { name: /^Mean/ }).getByRole('cell').textContent()) ?? '',
  );
  expect(Math.abs(mean - 252)).toBeLessThan(1);
  expect(workerRequests.some((u) => u.endsWith('worker_bg.wasm'))).toBe(true);

  await page.screenshot({ path: 'tests/e2e/screenshots/results-1280.png', fullPage: true });

  await page.reload();
  await expect(app.rate('Qualification')).toHaveValue('30');
  await expect(app.leads).toHaveValue('20000');
  expect(app.errors).toEqual([]);
});

test('results stream in while the run progresses, and Cancel stops it at once', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.trials.fill('100000000');
  await app.runButton.click();
  await expect(page.getByText(/^Streaming: [\d,]+ of 100,000,000 trials$/)).toBeVisible();
  await expect(app.status).toContainText('Running');
  await app.cancelButton.click();
  await expect(app.status).toContainText(/Cancelled after [\d,]+ of 100,000,000 trials/);
  expect(await app.progress.evaluate((p: HTMLProgressElement) => p.position)).toBeLessThan(1);
  await expect(app.cancelButton).toBeDisabled();
  await expect(app.runButton).toBeEnabled();
  const badge = page.getByText(/^Partial: [\d,]+ of 100,000,000 trials$/);
  const before = await badge.textContent();
  // Nothing arrives any more: the partial count stays put. Every text the
  // badge shows is recorded until the next run is done (a worker reports in
  // order, so whatever the worker running it had left of the cancelled run
  // would come before that).
  await page.evaluate(() => {
    const w = window as unknown as { __badges: string[] };
    w.__badges = [];
    new MutationObserver(() => {
      const text = document.querySelector('.results-head .badge')?.textContent ?? '';
      if (w.__badges[w.__badges.length - 1] !== text) w.__badges.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await expect(badge).toHaveText(before ?? '');

  // The worker is free again: a small run completes.
  await app.trials.fill('2000');
  await app.run();
  await expect(page.getByText(/^2,000 trials · seed 42$/)).toBeVisible();
  const badges = await page.evaluate(() => (window as unknown as { __badges: string[] }).__badges);
  // (Until the next run's first report the badge says "Streaming:" with the
  // cancelled run's count; the count itself never moves.)
  const count = (text: string | null) => /([\d,]+) of 100,000,000 trials/.exec(text ?? '')?.[1];
  const counts = badges.map(count).filter((c) => c !== undefined);
  expect(counts.filter((c) => c !== count(before))).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('a bad input shows a message next to the field and disables Run', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWith(FORMAT_DEFAULT); // a count of leads: whole numbers only
  const cases: Array<[() => ReturnType<AppPage['rate']>, string, RegExp]> = [
    [() => app.rate('Qualification'), '150', /Qualification rate must be between 0 % and 100 %/],
    [() => app.rate('Closing'), '-1', /Closing rate must be between 0 % and 100 %/],
    [() => app.leads, '-5', /Leads must be at least 0/],
    [() => app.leads, '12.5', /Leads must be a whole number/],
    [() => app.leads, '', /Enter the number of leads/],
    [() => app.trials, 'many', /Enter the number of trials as a whole number/],
    [() => app.seed, 'abc', /seed must be a whole number/],
  ];
  for (const [field, value, message] of cases) {
    const input = field();
    const original = await input.inputValue();
    await input.fill(value);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(message);
    await expect(app.runButton).toBeDisabled();
    await input.fill(original);
    await expect(input).toHaveAttribute('aria-invalid', 'false');
    await expect(app.runButton).toBeEnabled();
  }

  // An invalid value is never saved: after a reload the last valid one is back.
  await app.rate('Qualification').fill('45');
  await app.rate('Qualification').fill('450');
  await page.reload();
  await expect(app.rate('Qualification')).toHaveValue('45');
  expect(app.errors).toEqual([]);
});

test('a corrupted saved scenario is reported, kept and downloadable', async ({ page }) => {
  const app = new AppPage(page);
  // The first page must have read storage before the draft is damaged, or it
  // would find (and set aside) the damage itself.
  await app.open();
  await page.evaluate(() => localStorage.setItem('funnelcast.draft', '{"app":"funnelcast","vers'));
  await app.open();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('funnelcast.unreadable.'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"app":"funnelcast","vers']);
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('funnelcast-unreadable-draft.json');
  // The app works normally from the default scenario.
  await app.trials.fill('1000');
  await app.run();
  expect(app.errors).toEqual([]);
});

test('the results view on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.open();
  await app.run();
  await page.screenshot({ path: 'tests/e2e/screenshots/results-390.png', fullPage: true });
  // Nothing pushes the page sideways (wide charts scroll inside their card).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(app.errors).toEqual([]);
});
