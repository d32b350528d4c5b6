// The trainer's kit (issue 16): mystery mode hides the forecast and the
// classroom's distribution until Reveal; the facilitator sheet prints on one
// to two A4 pages with no app chrome.
import { expect, test, type Page } from './fixtures';
import { violations } from './axe';
import { AppPage } from './app-page';

const LESSON_TITLES = [
  'A leaky qualification stage',
  'Stricter qualification',
  'A long closing stage against the quarter end',
  'Small numbers and noise',
  'The referral loop from good follow-up',
];



test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('mystery mode hides the distribution and the forecast until Reveal', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await expect(page.getByTestId('headline')).toBeVisible();

  await new AppPage(page).openClassroom();
  const mystery = page.getByRole('switch', { name: 'Mystery mode' });
  await expect(mystery).toHaveAttribute('aria-checked', 'false');
  await mystery.click();
  await expect(mystery).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'Small numbers and noise' }).click();
  await page.getByRole('textbox', { name: "Room's guess: deals won this quarter" }).fill('14');
  await page.getByRole('button', { name: 'Run 1 → 10 → 100 → 10,000 quarters' }).click();
  const veil = page.getByTestId('mystery-veil');
  await expect(veil).toContainText('the distribution is hidden');
  // The build-up ran to its end (the button is back), with nothing of its answer on the page.
  await expect(page.getByRole('button', { name: 'Run 1 → 10 → 100 → 10,000 quarters' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('listitem').filter({ hasText: /^10,000$/ })).toHaveClass('done');
  for (const id of ['build-up-headline', 'guess-reveal']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await expect(page.getByRole('table', { name: 'Build-up statistics' })).toHaveCount(0);
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.getByTestId('build-up-headline')).toContainText(/^10,000 quarters/);
  await expect(page.getByTestId('guess-reveal')).toContainText("The room's guess of 14:");
  await expect(page.getByRole('table', { name: 'Build-up statistics' })).toBeVisible();
  await expect(veil).toHaveCount(0);
  expect(await violations(page)).toEqual([]);

  // In the workspace: revealed for this scenario; a changed scenario is a new question.
  await page.getByRole('button', { name: 'Back to workspace' }).click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await app.seed.fill('7');
  await expect(veil).toContainText('the forecast is hidden');
  await expect(page.getByTestId('headline')).toHaveCount(0);
  await expect(app.wonTable()).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Forecast' }).getByText(/P10|P90|%/)).toHaveCount(0);
  // The rest of the workspace works: edit, run to the end, still hidden.
  await app.leads.fill('40');
  await app.run();
  await expect(page.getByTestId('headline')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(app.wonTable()).toBeAttached();
  expect(await violations(page)).toEqual([]);

  // Switched off from the hidden forecast, it stays off.
  await app.seed.fill('8');
  await expect(veil).toBeVisible();
  await veil.getByRole('switch', { name: 'Mystery mode' }).click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await app.seed.fill('9');
  await expect(veil).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('the facilitator sheet prints a 45-minute plan on at most two A4 pages', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await new AppPage(page).openClassroom();
  await page.getByRole('button', { name: 'Facilitator sheet' }).click();
  const title = page.getByRole('heading', { name: 'Funnelcast: a 45-minute forecasting session', level: 1 });
  await expect(title).toBeFocused();
  expect(await violations(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(title).toBeVisible();
  // No app chrome on paper: neither the classroom's bar nor the sheet's own buttons.
  await expect(page.getByRole('heading', { name: /^Classroom/, level: 1 })).toHaveCount(0);
  for (const name of ['Print', 'Back to classroom']) {
    await expect(page.getByRole('button', { name })).toBeHidden();
  }
  const blocks = page.locator('.sheet-block');
  await expect(blocks).toHaveCount(8);
  for (const block of await blocks.all()) {
    await expect(block).toBeVisible();
    await expect(block.getByText('Ask the room:')).toBeVisible();
    await expect(block.getByText('Look for:')).toBeVisible();
  }
  const minutes = (await page.locator('.sheet-time').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-minutes')))));
  expect(minutes.reduce((a, b) => a + b, 0)).toBe(45);
  await expect(page.locator('.sheet-time').last()).toHaveText('40–45 min');
  for (const lesson of [...LESSON_TITLES, 'The calibration game', 'Debrief']) {
    await expect(page.getByRole('region', { name: lesson })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'The calibration game' })).toContainText('80 % range');

  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);

  await page.setViewportSize({ width: 900, height: 1200 });
  await page.screenshot({ path: 'docs/facilitator-sheet.png', fullPage: true });

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Back to classroom' }).click();
  await expect(page.getByRole('heading', { name: /^Classroom/, level: 1 })).toBeFocused();
  expect(app.errors).toEqual([]);
});
