// The app served from a sub-path of a static host (built with
// `trunk build --release --public-url /funnelcast/`).
import { expect, test } from './fixtures';
import { existsSync } from 'node:fs';
import { AppPage, FORMAT_DEFAULT } from './app-page';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;

test('the app and its workers run from /funnelcast/', async ({ page }) => {
  test.skip(!existsSync('target/subpath-site/funnelcast/index.html'), 'sub-path build not made (scripts/test.sh makes it)');
  const app = new AppPage(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // One batch of 1,000 leads: the arithmetic below.
  await app.openWith(FORMAT_DEFAULT, `http://127.0.0.1:${PORT}/funnelcast/`);
  await expect(app.status).toContainText('Done:');
  await app.rate('Qualification').fill('30');
  // The edit's run starts after a short pause, so "Done:" may still be the
  // previous run's: wait for the number the edit gives.
  await expect
    .poll(async () => Math.abs((await app.funnelRow('Needs assessment'))[0] - 150))
    .toBeLessThan(10);
  await expect(app.status).toContainText('Done:');
  expect(failed).toEqual([]);
  expect(app.errors).toEqual([]);
});
