// A worker that dies mid-run (issue 8) is replaced, its share of the trials
// runs again, the user is told, and the result is exactly the one an
// undisturbed run gives.
import { expect, test } from './fixtures';
import { AppPage, FORMAT_DEFAULT } from './app-page';

/** Keeps a handle on every worker the page starts, so one can be killed. */
const KEEP_WORKERS = () => {
  const Original = window.Worker;
  const started: Worker[] = [];
  (window as unknown as { __workers: Worker[] }).__workers = started;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(this);
    }
  } as typeof Worker;
};

test('the decisions worker, killed mid-question, is replaced and answers the same', async ({ page }) => {
  await page.addInitScript(KEEP_WORKERS);
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await app.showSection('What to do');
  const ask = page.getByRole('button', { name: 'Find the bottleneck' });
  const verdict = page.getByTestId('first-to-fix');
  await ask.click();
  await expect(verdict).toContainText(/on average \(± .+\)|are worth about the same/, { timeout: 60_000 });
  const undisturbed = await verdict.textContent();

  // The same question again; its worker is killed in the same task as the
  // click, so the question is surely in the dead worker's hands (a question
  // takes about a second: killing it after a round trip could come too late).
  const bar = page.getByRole('progressbar', { name: 'Decision progress' });
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Find the bottleneck');
    button?.click();
    const workers = (window as unknown as { __workers: Worker[] }).__workers;
    workers[workers.length - 1].terminate(); // the decisions worker is the newest
  });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'A simulation worker stopped and was restarted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(bar).toBeHidden({ timeout: 60_000 });
  await expect(verdict).toHaveText(undisturbed ?? '');
});

test('a dead worker is restarted and the user told; the result is unchanged', async ({ page }) => {
  await page.addInitScript(KEEP_WORKERS);
  await page.goto('./?workers=2');
  await page.evaluate(() => localStorage.clear());
  const app = new AppPage(page);
  // The trial count below is sized for one batch of 1,000 leads.
  await app.openWith(FORMAT_DEFAULT, './?workers=2');
  await expect(app.status).toContainText('Done:');
  await app.trials.fill('8000000'); // seconds per worker: time to kill one mid-run
  await app.runButton.click();
  await expect(app.status).toContainText('Done: 8,000,000', { timeout: 60_000 });
  const undisturbed = await app.wonTable().getByRole('row').allTextContents();

  await app.runButton.click(); // the same scenario again
  await expect(app.progress).toBeVisible();
  const killed = await page.evaluate(() => {
    const workers = (window as unknown as { __workers: Worker[] }).__workers;
    workers[0].terminate(); // as if the browser had killed it
    return workers.length;
  });
  expect(killed).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('alert').filter({ hasText: 'A simulation worker stopped and was restarted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(app.status).toContainText('Done:', { timeout: 60_000 });
  await expect(app.status).toContainText('8,000,000');
  expect(await app.wonTable().getByRole('row').allTextContents()).toEqual(undisturbed);
});

test('the classroom quarter worker, killed, is replaced and the quarter arrives', async ({ page }) => {
  await page.addInitScript(KEEP_WORKERS);
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await new AppPage(page).open();
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'A leaky qualification stage' }).click();
  const week = page.getByTestId('week-counter');
  await expect(week).toHaveText('Week 0 of 13');
  await page.evaluate(() => {
    const workers = (window as unknown as { __workers: Worker[] }).__workers;
    workers[workers.length - 1].terminate(); // the quarter worker is the newest
  });
  await page.keyboard.press('r'); // asks the dead worker for the next quarter
  await expect(page.getByRole('alert').filter({ hasText: 'A simulation worker stopped and was restarted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/^Quarter 2 · trial 1 of seed/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(week).toHaveText('Week 1 of 13');
  await expect.poll(async () => Number((await page.getByTestId('count-entered').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
});
