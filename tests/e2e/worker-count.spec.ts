// One forecast pool plus one helper worker (issue 12): with the workspace,
// a comparison, a decision and the classroom (its quarter and its build-up)
// used in one page, the page never holds more workers than that.
import { expect, test, type Page } from './fixtures';
import { AppPage } from './app-page';

/** Counts the page's live workers (started and not yet closed) and the peak. */
function countWorkers(page: Page) {
  const tally = { live: 0, peak: 0, started: 0 };
  page.on('worker', (worker) => {
    tally.started += 1;
    tally.live += 1;
    tally.peak = Math.max(tally.peak, tally.live);
    worker.on('close', () => {
      tally.live -= 1;
    });
  });
  return tally;
}

async function saveAs(page: Page, name: string, asNew = false) {
  await page.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await page.getByRole('button', { name: asNew ? 'Save as new' : 'Save', exact: true }).click();
  await expect(
    page.getByRole('list', { name: 'Saved scenarios' }).getByRole('button', { name: `Open ${name}`, exact: true }),
  ).toBeVisible();
}

test('the page never holds more than the forecast pool plus one worker', async ({ page }) => {
  const POOL = 2;
  await page.goto(`./?workers=${POOL}`);
  // The first page's pool must be up before counting starts: a worker it
  // spawned after the count began would be counted with the reloaded page's.
  await expect.poll(() => page.workers().length).toBe(POOL);
  await page.evaluate(() => localStorage.clear());
  const counted = countWorkers(page);
  await page.reload();
  const app = new AppPage(page);
  await app.pastWelcome();
  await expect(app.status).toContainText('Done:');
  await expect.poll(() => counted.live).toBe(POOL);

  // A comparison.
  await saveAs(page, 'Baseline');
  await app.rate('Qualification').fill('80');
  await saveAs(page, 'Better qualification', true);
  await app.showSection('Compare');
  await page.getByRole('checkbox', { name: 'Compare Baseline' }).check();
  await page.getByRole('checkbox', { name: 'Compare Better qualification' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.locator('.beats li').first()).toContainText('beats');

  // A decision.
  await app.showSection('What to do');
  await page.getByRole('button', { name: 'Find the bottleneck' }).click();
  await expect(page.getByTestId('first-to-fix')).toContainText(/on average \(± .+\)|are worth about the same/, { timeout: 60_000 });

  // The classroom: a quarter in motion and the build-up to 10,000 quarters.
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'Small numbers and noise' }).click();
  await expect(page.getByTestId('week-counter')).toHaveText('Week 0 of 13');
  await page.getByRole('button', { name: 'Run 1 → 10 → 100 → 10,000 quarters' }).click();
  await expect(page.getByRole('table', { name: 'Build-up statistics' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('r'); // another quarter, on the same helper
  await expect(page.getByText(/^Quarter 2 · trial 1 of seed/)).toBeVisible();

  // Back to the workspace, and a run there.
  await page.getByRole('button', { name: 'Back to workspace' }).click();
  await app.runButton.click();
  await expect(app.status).toContainText('Done:');

  // No worker was taken for dead and replaced along the way (a busy page
  // must not look like a silent worker).
  await expect(page.getByRole('alert').filter({ hasText: 'A simulation worker stopped' })).toHaveCount(0);
  expect(counted.started).toBe(POOL + 1);
  expect(counted.peak).toBeLessThanOrEqual(POOL + 1);
  expect(counted.live).toBe(POOL + 1);
  // Cross-check with the browser's own list of the page's workers.
  expect(page.workers().length).toBeLessThanOrEqual(POOL + 1);
});
