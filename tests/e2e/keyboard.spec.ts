// The main flow with the keyboard alone, with a visible focus.
import { expect, test, type Page } from './fixtures';
import { AppPage, FORMAT_DEFAULT } from './app-page';

/** Presses Tab until the element matching `name` (accessible name) has focus. */
async function tabTo(page: Page, name: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '') ?? '';
      return `${label}|${el.textContent ?? ''}`.trim();
    });
    if (focused.includes(name)) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

test('edit a rate, run, and move the target with the keyboard only', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  const app = new AppPage(page);
  await app.openWith(FORMAT_DEFAULT); // one batch of 1,000 leads: the arithmetic below
  await expect(app.status).toContainText('Done:');

  await tabTo(page, 'Qualification conversion rate');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow + getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('nonenone');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('30');
  await expect(app.rate('Qualification')).toHaveValue('30');

  await tabTo(page, 'Qualification rate slider');
  await page.keyboard.press('ArrowRight');
  await expect(app.rate('Qualification')).toHaveValue('30.5');

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, 'Run');
  await page.keyboard.press('Enter');
  await expect(app.status).toContainText('Done:');
  const [needs] = await app.funnelRow('Needs assessment');
  expect(Math.abs(needs - 1000 * 0.5 * 0.305)).toBeLessThan(5);

  await tabTo(page, 'Won deals target: ');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('textbox', { name: 'Won deals target' })).not.toHaveValue('');
});
