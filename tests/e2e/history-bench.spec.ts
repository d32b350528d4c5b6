// The browser's side of the history benchmark (issue 14): parse + fit of a
// 100,000-deal export in the helper worker, timed from the file chosen to the
// review shown. Prints the time; asserts none. Runs only when asked:
//   HISTORY_BENCH=1 E2E_PORT=8634 npx playwright test tests/e2e/history-bench.spec.ts
import { expect, test } from './fixtures';
import { AppPage } from './app-page';
import { generate, toCsv } from './history-export';

test.skip(!process.env.HISTORY_BENCH, 'set HISTORY_BENCH=1 to measure');

test('parse + fit of a 100,000-deal export in the worker', async ({ page }) => {
  test.setTimeout(180_000);
  await new AppPage(page).open();
  const csv = Buffer.from(toCsv(generate(100_000)));
  const input = page.locator('#history-file');
  const started = Date.now();
  await input.setInputFiles({ name: 'deals-100k.csv', mimeType: 'text/csv', buffer: csv });
  const use = page.getByRole('dialog', { name: 'Import history' }).getByRole('button', { name: 'Use these numbers' });
  await expect(use).toBeEnabled({ timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`history import: ${(csv.length / 1e6).toFixed(1)} MB, 100,000 deals, file chosen → review shown in ${seconds.toFixed(2)} s`);
});
