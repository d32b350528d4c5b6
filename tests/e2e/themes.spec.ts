// Dark mode and print (issue 8): the theme follows the system and can be
// switched (and stays switched); axe finds nothing in dark mode; the printed
// page is a results handout without the controls.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { AppPage } from './app-page';

/** Relative luminance of the page's background. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    const lin = rgb.map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  });
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('dark mode follows the system, can be switched, and has no axe violations', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  await page.screenshot({ path: 'tests/e2e/screenshots/workspace-dark-1280x800.png' });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  const theme = page.getByRole('combobox', { name: 'Colour theme' });
  await theme.selectOption('light');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await page.reload(); // the choice is kept
  await expect(theme).toHaveValue('light');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  await theme.selectOption('auto');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  // Dark on a light system, too.
  await page.emulateMedia({ colorScheme: 'light' });
  await theme.selectOption('dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  expect(app.errors).toEqual([]);
});

test('the printed page is a results handout', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.status).toContainText('Done:');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByText(/^Scenario: Untitled forecast · 10,000 trials, seed 42$/)).toBeVisible();
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(app.funnelTable()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeHidden();
  await expect(app.runButton).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Colour theme' })).toBeHidden();
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8); // light, whatever the theme
  await page.screenshot({ path: 'tests/e2e/screenshots/print-1280.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
});
