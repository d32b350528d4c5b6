// The browser's side of the backtest benchmark (issue 15): a 3-year,
// 20,000-deal export backtested in the helper worker at the default settings
// (13-week horizon, an origin every 13 weeks after 26 weeks of warm-up:
// 10 origins over 3 years) × 10,000 trials, timed from "How good is this
// forecast?" to the answer on screen. Prints the time; asserts none. Runs
// only when asked:
//   BACKTEST_BENCH=1 E2E_PORT=8670 npx playwright test tests/e2e/backtest-bench.spec.ts
import { expect, test } from './fixtures';
import { AppPage } from './app-page';
import { generate, toCsv } from './history-export';

test.skip(!process.env.BACKTEST_BENCH, 'set BACKTEST_BENCH=1 to measure');

test('backtest of a 3-year, 20,000-deal export in the worker', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new AppPage(page);
  await app.open();
  // 156 weeks × 129 deals a week ≈ 20,000 deals.
  const csv = Buffer.from(toCsv(generate(20_000, 7, 129)));
  await page.locator('#history-file').setInputFiles({ name: 'deals-3y.csv', mimeType: 'text/csv', buffer: csv });
  const use = page.getByRole('dialog', { name: 'Import history' }).getByRole('button', { name: 'Use these numbers' });
  await expect(use).toBeEnabled({ timeout: 60_000 });
  await use.click();
  const started = Date.now();
  await app.checkButton.click();
  await expect(app.calibration.getByTestId('check-headline')).toBeVisible({ timeout: 280_000 });
  const seconds = (Date.now() - started) / 1000;
  const chart = app.calibration.getByRole('img', { name: /^Forecast ranges at \d+ origins/ });
  const origins = Number((await chart.getAttribute('aria-label'))?.match(/at (\d+) origins/)?.[1]);
  console.log(
    `backtest in the browser: 20,000 deals over 3 years, ${origins} origins × 10,000 trials in ${seconds.toFixed(1)} s ` +
      `(${(seconds / origins).toFixed(2)} s an origin; 8 origins ≈ ${((8 * seconds) / origins).toFixed(1)} s)`,
  );
});
