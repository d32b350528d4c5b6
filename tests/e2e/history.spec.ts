// The history import (issue 14): a CRM deals export, generated here with
// known counts, is read and fitted in the helper worker, reviewed, and put
// into the draft; stage rows then show "k of n"; a run uses the numbers.
// Broken files show their message and change nothing stored.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { AppPage, STAGES } from './app-page';
import { LABELS, expected, generate, toCsv } from './history-export';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const DEALS = generate(300);
const TRUTH = expected(DEALS);

function storageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
}

async function pick(page: Page, name: string, contents: string | Buffer, mimeType = 'text/csv') {
  await page.locator('#history-file').setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
}

const review = (page: Page) => page.getByRole('dialog', { name: 'Import history' });

test.beforeEach(async ({ page }) => {
  await new AppPage(page).open();
});

test('an export is reviewed, its numbers go into the draft with k of n, and a run uses them', async ({ page }) => {
  const app = new AppPage(page);
  await expect(page.getByRole('button', { name: 'Import history…' })).toBeVisible();
  await pick(page, 'hubspot-deals.csv', toCsv(DEALS));
  const dialog = review(page);
  await expect(dialog.getByRole('button', { name: 'Use these numbers' })).toBeEnabled({ timeout: 20_000 });
  await expect(dialog).toContainText('The file never leaves your browser.');
  await expect(dialog).toContainText('one row per deal');
  const table = dialog.getByRole('table', { name: /deals as of/ });
  await expect(table).toContainText(`300 deals as of ${longDay(TRUTH.asOf)}`);
  for (const [k, label] of LABELS.entries()) {
    const row = table.getByRole('row', { name: new RegExp(`^${label}\\b`) });
    const cells = await row.getByRole('cell').allTextContents();
    const entered = TRUTH.movedOn[k] + TRUTH.lost[k] + TRUTH.open[k];
    expect(cells.slice(0, 4).map(Number), label).toEqual([entered, TRUTH.movedOn[k], TRUTH.lost[k], TRUTH.open[k]]);
  }
  await expect(dialog).toContainText(`from ${TRUTH.won} won deals`);
  await expect(dialog).toContainText(`over ${TRUTH.weeks} complete weeks`);
  await expect(dialog.getByRole('img', { name: 'Deals created per week' })).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'docs/history-review.png' });
  const axe = await new AxeBuilder({ page }).include('.dialog').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  await dialog.getByRole('button', { name: 'Use these numbers' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Fitted from hubspot-deals.csv: 300 deals, as of ${longDay(TRUTH.asOf)}`)).toBeVisible();
  for (const [k, label] of LABELS.entries()) {
    const n = TRUTH.movedOn[k] + TRUTH.lost[k];
    const rate = Number(await app.rate(label).inputValue());
    expect(rate, label).toBeCloseTo((100 * TRUTH.movedOn[k]) / n, 6);
    const words = k === 5 ? 'won' : 'moved on';
    await expect(page.getByText(`${TRUTH.movedOn[k]} of ${n} ${words}`, { exact: false })).toBeVisible();
  }
  await expect(app.rate(STAGES[6])).not.toHaveValue('');
  expect(Number(await app.leads.inputValue())).toBeCloseTo(TRUTH.perWeek, 6);
  await app.run();
  await expect(page.getByTestId('headline')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('a CSV dropped on the Scenarios panel is imported the same way', async ({ page }) => {
  const csv = toCsv(DEALS);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    const panel = document.querySelector('section.library');
    panel?.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    panel?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, csv);
  const dialog = review(page);
  await expect(dialog.getByRole('button', { name: 'Use these numbers' })).toBeEnabled({ timeout: 20_000 });
  await expect(dialog).toContainText('dropped.csv');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a broken file shows its message and changes nothing stored', async ({ page }) => {
  const before = await storageDump(page);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  for (const [name, contents, message] of [
    ['picture.csv', png, /./],
    ['contacts.csv', 'First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n', /deals export/i],
  ] as const) {
    await pick(page, name, contents);
    const dialog = review(page);
    await expect(dialog.getByRole('alert')).toContainText(message, { timeout: 20_000 });
    await expect(dialog.getByRole('button', { name: 'Use these numbers' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  }
  expect(await storageDump(page)).toEqual(before);
});

test('an unmapped stage label asks for its place, and the fit follows the choice', async ({ page }) => {
  await pick(page, 'renamed.csv', toCsv(DEALS, { 'Needs assessment': 'Discovery call' }));
  const dialog = review(page);
  await expect(dialog.getByRole('alert')).toContainText('Discovery call', { timeout: 20_000 });
  const choice = dialog.getByRole('combobox', { name: 'Discovery call' });
  await expect(choice).toBeVisible();
  await choice.selectOption({ label: 'Needs assessment' });
  const row = dialog.getByRole('table', { name: /deals as of/ }).getByRole('row', { name: /^Needs assessment\b/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(TRUTH.movedOn[2]), { timeout: 20_000 });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Use these numbers' })).toBeEnabled();
});

test('dates that could be either order ask which, and the fit follows the answer', async ({ page }) => {
  // Every date has both parts ≤ 12: 05/02/2025 is 5 February or 2 May.
  const rows = Array.from({ length: 24 }, (_, i) => {
    const date = `${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + Math.floor(i / 12)).padStart(2, '0')}/2025`;
    return [i + 1, date, 1000, i % 2 ? 'Closed won' : 'Prospecting', '', date, i % 2 ? date : ''].join(',');
  });
  const csv = ['Record ID,Create Date,Amount,Deal Stage,Close Date,Date entered Prospecting,Date entered Closed won', ...rows].join('\n');
  await pick(page, 'ambiguous.csv', csv);
  const dialog = review(page);
  await expect(dialog.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('radio', { name: 'Day first (dd/mm/yyyy)' }).check();
  await expect(dialog.getByRole('button', { name: 'Use these numbers' })).toBeEnabled({ timeout: 20_000 });
  await expect(dialog.getByRole('radio', { name: 'Day first (dd/mm/yyyy)' })).toBeChecked();
  await expect(dialog.getByRole('table', { name: /deals as of/ })).toContainText('24 deals as of 12 Feb 2025');
});
