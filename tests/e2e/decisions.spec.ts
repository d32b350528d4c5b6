// Decisions (issue 6): the stage to fix matches the command line, and the
// planner's answer, fed back as the lead volume, gives the asked confidence.
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AppPage } from './app-page';

function cli(args: string[]): any {
  const bin = ['target/debug/funnelcast', 'target/release/funnelcast'].find((b) => existsSync(b));
  if (!bin) throw new Error('build the command line first');
  return JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }));
}

test.beforeEach(async ({ page }) => {
  const scenario = JSON.parse(readFileSync('docs/example-scenario.json', 'utf8'));
  await page.goto('./');
  await page.evaluate((s) => {
    localStorage.clear();
    localStorage.setItem('funnelcast.draft', JSON.stringify({ app: 'funnelcast', version: 1, saved_at: Date.now(), scenario: s }));
  }, scenario);
  await page.reload();
  await new AppPage(page).showSection('What to do');
});

test('the stage to fix matches the command line', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.status).toContainText('Done:');
  await page.getByRole('button', { name: 'Find the bottleneck' }).click();
  const verdict = page.getByTestId('first-to-fix');
  await expect(verdict).toContainText('at the median', { timeout: 60_000 });
  const want = cli(['sensitivity', 'docs/example-scenario.json', '--json']);
  await expect(verdict).toContainText(want.first_to_fix);
  await expect(page.getByRole('img', { name: /Tornado chart/ })).toBeVisible();
  await page.getByRole('heading', { name: 'What to do' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/decisions-1280.png' });
  expect(app.errors).toEqual([]);
});

test('the planned lead volume gives at least the asked confidence', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.status).toContainText('Done:');
  await page.getByRole('textbox', { name: 'Target to reach' }).fill('450000');
  await page.getByRole('button', { name: 'Leads needed per week' }).click();
  const answer = page.getByTestId('plan-answer');
  await expect(answer).toContainText('Leads needed per week:', { timeout: 60_000 });
  const leads = Number(((await answer.textContent()) ?? '').match(/week: ([\d,.]+)/)?.[1].replace(/,/g, ''));
  expect(leads).toBeGreaterThan(100);
  // Fed back as the lead volume with the target set, a fresh run gives ≥ 85 %
  // (within the Monte Carlo error of 10,000 trials).
  await app.leads.fill(String(leads));
  await page.getByRole('textbox', { name: 'Revenue target' }).fill('450000');
  await app.run();
  await app.showSection('Forecast');
  const chance = Number(((await page.getByTestId('chance').textContent()) ?? '').replace(/[^\d.]/g, ''));
  expect(chance).toBeGreaterThanOrEqual(85 - 4.5 * Math.sqrt((85 * 15) / 10000));
});

test('an out-of-reach target says so', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.status).toContainText('Done:');
  await page.getByRole('combobox', { name: 'Target kind' }).selectOption('won');
  await page.getByRole('textbox', { name: 'Target to reach' }).fill('100000000');
  await page.getByRole('button', { name: 'Leads needed per week' }).click();
  await expect(page.getByTestId('plan-answer')).toContainText('cannot be reached', { timeout: 60_000 });
});

test('the open pipeline a target needs is compared with the 3 × rule', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.status).toContainText('Done:');
  await page.getByRole('textbox', { name: 'Target to reach' }).fill('600000');
  await page.getByRole('button', { name: 'Open pipeline needed' }).click();
  await expect(page.getByTestId('plan-answer')).toContainText('rule of thumb is 3 ×', { timeout: 60_000 });
});

test('a decision shows its progress and can be stopped', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.status).toContainText('Done:');
  await app.trials.fill('20000');
  await expect(app.status).toContainText('Done:');
  await page.getByRole('button', { name: 'Find the bottleneck' }).click();
  const bar = page.getByRole('progressbar', { name: 'Decision progress' });
  await expect(bar).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('button', { name: 'Find the bottleneck' })).toBeEnabled();
  // Nothing arrives from the stopped run: watched from now until the same
  // worker has answered a later question (it answers in order, so anything
  // left of the stopped run would come before that answer).
  await page.evaluate(() => {
    const w = window as unknown as { __staleVerdict: boolean };
    w.__staleVerdict = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="first-to-fix"]')) w.__staleVerdict = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('textbox', { name: 'Target to reach' }).fill('600000');
  await page.getByRole('button', { name: 'Open pipeline needed' }).click();
  await expect(page.getByTestId('plan-answer')).toContainText('rule of thumb is 3 ×', { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { __staleVerdict: boolean }).__staleVerdict)).toBe(false);
  await expect(page.getByTestId('first-to-fix')).toHaveCount(0);
  // And the worker answers the next question.
  await page.getByRole('button', { name: 'Find the bottleneck' }).click();
  await expect(page.getByTestId('first-to-fix')).toContainText('at the median', { timeout: 60_000 });
});
