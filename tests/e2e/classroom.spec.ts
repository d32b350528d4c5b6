// Classroom mode (issue 7): the presenter view, deals in motion, the build-up
// from one run to many, lessons and keyboard shortcuts, in headless Chromium.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { AppPage } from './app-page';

const LESSONS = [
  ['A leaky qualification stage', 'Lesson: a leaky qualification stage'],
  ['Stricter qualification', 'Lesson: loose qualification'],
  ['A long closing stage against the quarter end', 'Lesson: closing against the quarter end'],
  ['Small numbers and noise', 'Lesson: small numbers'],
  ['The referral loop from good follow-up', 'Lesson: follow-up without referrals'],
] as const;



/** The counters as numbers, read in one go (one snapshot of the page). */
async function counters(page: Page) {
  return page.evaluate(() => {
    const num = (id: string) =>
      Number((document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/[^\d]/g, ''));
    let sumIn = 0;
    let sumLost = 0;
    for (let s = 0; s < 6; s++) {
      sumIn += num(`in-stage-${s}`);
      sumLost += num(`lost-${s}`);
    }
    return {
      entered: num('count-entered'),
      out: num('count-out'),
      inStages: num('count-in-stages'),
      sumIn,
      sumLost,
      won: num('in-stage-6'),
    };
  });
}

async function expectConsistent(page: Page) {
  const c = await counters(page);
  expect(c.entered).toBe(c.out + c.inStages); // deals in = out + still in stages
  expect(c.sumIn).toBe(c.inStages);
  expect(c.sumLost + c.won).toBe(c.out);
  return c;
}

function weekOf(text: string | null): number {
  return Number(/Week (\d+) of/.exec(text ?? '')?.[1]);
}

/** Waits until the counters below the dots change (the picture moved). */
async function balanceChanges(page: Page) {
  const before = await page.getByTestId('balance').textContent();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="balance"]')?.textContent !== text,
    before,
  );
}

/** Waits for `count` animation frames: the clock that moves the quarter. */
async function animationFrames(page: Page, count: number) {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let left = n;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await new AppPage(page).open();
});

test('classroom mode opens from the main view and play, pause and step keep the counters consistent', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.runButton).toBeVisible();
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('A leaky qualification stage');
  const week = page.getByTestId('week-counter');
  await expect(week).toHaveText('Week 0 of 13');
  let c = await expectConsistent(page);
  expect(c.entered).toBe(0);

  // Step: one week at a time, deals only ever enter.
  let previous = 0;
  for (let w = 1; w <= 4; w++) {
    await page.getByRole('button', { name: 'Step one week' }).click();
    await expect(week).toHaveText(`Week ${w} of 13`);
    c = await expectConsistent(page);
    expect(c.entered).toBeGreaterThan(previous);
    previous = c.entered;
  }
  await page.getByRole('button', { name: 'Step back one week' }).click();
  await expect(week).toHaveText('Week 3 of 13');
  c = await expectConsistent(page);
  expect(c.entered).toBeLessThan(previous);

  // Play: the week counter moves by itself; pause stops it.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  for (let i = 0; i < 5; i++) {
    await expectConsistent(page); // snapshots while the dots move
    await balanceChanges(page);
  }
  await expect.poll(async () => weekOf(await week.textContent())).toBeGreaterThan(4);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await week.textContent();
  const pausedBalance = await page.getByTestId('balance').textContent();
  await expectConsistent(page);
  // Playing, the clock moves the quarter on every animation frame; paused,
  // frames pass and nothing moves.
  await animationFrames(page, 40);
  await expect(week).toHaveText(paused ?? '');
  await expect(page.getByTestId('balance')).toHaveText(pausedBalance ?? '');

  // To the end of the quarter: the result is revealed.
  for (let i = 0; i < 13; i++) await page.getByRole('button', { name: 'Step one week' }).click();
  await expect(week).toHaveText('Week 13 of 13');
  c = await expectConsistent(page);
  await expect(page.getByTestId('quarter-result')).toContainText(`This quarter won ${c.won} deals`);
  expect(app.errors).toEqual([]);
});

test('the build-up ends with the same distribution as a normal run with the same seed', async ({ page }) => {
  const app = new AppPage(page);
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('Small numbers and noise');
  await page.getByRole('textbox', { name: "Room's guess: deals won this quarter" }).fill('14');
  await page.getByRole('button', { name: 'Run 1 → 10 → 100 → 10,000 quarters' }).click();
  const headline = page.getByTestId('build-up-headline');
  await expect(headline).toContainText(/^1 quarters/);
  await expect(headline).toContainText(/^10 quarters/);
  await expect(headline).toContainText(/^100 quarters/);
  const table = page.getByRole('table', { name: 'Build-up statistics' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('guess-reveal')).toContainText("The room's guess of 14:");
  const buildUp = await table.getByRole('row').allTextContents();

  await page.getByRole('button', { name: 'Back to workspace' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveValue('Lesson: small numbers');
  await expect(app.trials).toHaveValue('10000');
  await app.run();
  const normal = await app.wonTable().getByRole('row').allTextContents();
  expect(buildUp.slice(1)).toEqual(normal.slice(1)); // same rows below the header
  expect(app.errors).toEqual([]);
});

test('each lesson loads its scenario, and its change', async ({ page }) => {
  await new AppPage(page).openClassroom();
  for (const [title, name] of LESSONS) {
    await new AppPage(page).loadLesson(title);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(page.getByTestId('week-counter')).toHaveText('Week 0 of 13');
  }
  await page.getByRole('button', { name: 'Apply the change' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lesson: the referral loop');
  await page.getByRole('button', { name: 'Back to workspace' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveValue('Lesson: the referral loop');
  await expect(page.getByRole('textbox', { name: 'Referrals per customer' })).toHaveValue('3');
});

test('keyboard shortcuts: space, arrows, R, F and the help overlay', async ({ page }) => {
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('The referral loop from good follow-up');
  const week = page.getByTestId('week-counter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(week).toHaveText('Week 2 of 13');
  await page.keyboard.press('ArrowLeft');
  await expect(week).toHaveText('Week 1 of 13');
  // Space plays and pauses, even with focus on another button.
  await page.getByRole('button', { name: 'Step one week' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expectConsistent(page);
  // R: a new quarter, back at the start.
  await expect(page.getByText(/^Quarter 1 · trial 0 of seed/)).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByText(/^Quarter 2 · trial 1 of seed/)).toBeVisible();
  await expect(week).toHaveText('Week 0 of 13');
  await page.getByRole('button', { name: 'Restart with a new seed' }).click();
  await expect(page.getByText(/^Quarter 3 · trial 2 of seed/)).toBeVisible();
  // F: full screen on and off.
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
  // ?: the help overlay lists the shortcuts, keeps focus and gives it back.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const key of ['Space', '→', '←', 'R', 'F', '?']) {
    await expect(dialog.getByRole('rowheader', { name: key, exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('ArrowRight'); // shortcuts are off while the dialog is open
  await expect(week).toHaveText('Week 0 of 13');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
});

test('reduced motion plays week by week', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('A long closing stage against the quarter end');
  await expect(page.getByText('Reduced motion: the quarter moves a week at a time.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  // Every picture the page shows while playing, as (week, balance) pairs.
  await page.evaluate(() => {
    const w = window as unknown as { __shown: Array<[string, string]> };
    w.__shown = [];
    const read = () => {
      const week = document.querySelector('[data-testid="week-counter"]')?.textContent ?? '';
      const balance = document.querySelector('[data-testid="balance"]')?.textContent ?? '';
      const last = w.__shown[w.__shown.length - 1];
      if (!last || last[0] !== week || last[1] !== balance) w.__shown.push([week, balance]);
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /^Week 1 of/.test(document.querySelector('[data-testid="week-counter"]')?.textContent ?? ''));
  await expectConsistent(page);
  await page.waitForFunction(() => /^Week 2 of/.test(document.querySelector('[data-testid="week-counter"]')?.textContent ?? ''));
  await expectConsistent(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const shown = await page.evaluate(() => (window as unknown as { __shown: Array<[string, string]> }).__shown);
  const seen = new Set(shown.map(([w]) => weekOf(w)));
  expect(Math.max(...seen)).toBeGreaterThanOrEqual(1);
  expect(Math.max(...seen)).toBeLessThanOrEqual(3);
  // Whole weeks only: the counters never show a moment inside a week, so
  // each week is shown with one balance only, and weeks go up one at a time.
  const balances = new Map<number, Set<string>>();
  for (const [w, balance] of shown) balances.set(weekOf(w), (balances.get(weekOf(w)) ?? new Set()).add(balance));
  for (const [w, seenBalances] of balances) expect(seenBalances.size, `balances shown in week ${w}`).toBe(1);
  const weeks = [...new Set(shown.map(([w]) => weekOf(w)))];
  expect(weeks).toEqual(weeks.map((_, i) => weeks[0] + i));
});

test('presenter view at 1920×1080, with no accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await new AppPage(page).openClassroom();
  await new AppPage(page).loadLesson('The referral loop from good follow-up');
  await page.getByRole('button', { name: 'Apply the change' }).click();
  await page.getByRole('textbox', { name: "Room's guess: deals won this quarter" }).fill('20');
  for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Step one week' }).click();
  await page.getByRole('button', { name: 'Run 1 → 10 → 100 → 10,000 quarters' }).click();
  await expect(page.getByRole('table', { name: 'Build-up statistics' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'tests/e2e/screenshots/classroom-1920x1080.png' });
  await page.screenshot({ path: 'tests/e2e/screenshots/classroom-full-1920.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/classroom-help-1920x1080.png' });
  const axeDialog = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axeDialog.violations.map((v) => v.id)).toEqual([]);
});
