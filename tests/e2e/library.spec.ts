// The scenario library (issue 5): save/open/rename/duplicate/delete with
// undo, presets, files, share links, two tabs, and storage that fails.
import { expect, test, type Page } from './fixtures';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './app-page';

const saved = (page: Page) => page.getByRole('list', { name: 'Saved scenarios' });
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Scenario name' });

async function saveAs(page: Page, name: string, asNew = false) {
  await nameField(page).fill(name);
  await page.getByRole('button', { name: asNew ? 'Save as new' : 'Save', exact: true }).click();
  await expect(saved(page).getByRole('button', { name: `Open ${name}`, exact: true })).toBeVisible();
}

function storageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the library flow survives a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await saveAs(page, 'Baseline');
  await expect(saved(page).getByRole('listitem').first()).toContainText('just now');
  await app.rate('Qualification').fill('35');
  await saveAs(page, 'What-if', true);
  await saved(page).getByRole('button', { name: 'Rename What-if' }).click();
  await page.getByRole('textbox', { name: 'New name for What-if' }).fill('Stricter qualification');
  await page.getByRole('button', { name: 'Save name' }).click();
  await saved(page).getByRole('button', { name: 'Duplicate Baseline' }).click();
  await expect(saved(page).getByRole('button', { name: 'Open Baseline copy' })).toBeVisible();
  await saved(page).getByRole('button', { name: 'Delete Baseline copy' }).click();
  await expect(saved(page).getByRole('button', { name: 'Open Baseline copy' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(saved(page).getByRole('button', { name: 'Open Baseline copy' })).toBeVisible();
  await saved(page).getByRole('button', { name: 'Delete Baseline copy' }).click();

  await page.reload();
  await expect(saved(page).getByRole('listitem')).toHaveCount(2);
  // The draft still belongs to the scenario it was saved as.
  await expect(page.getByText('Editing “Stricter qualification”')).toBeVisible();
  await saved(page).getByRole('button', { name: 'Open Baseline', exact: true }).click();
  await expect(app.rate('Qualification')).toHaveValue('60');
  await expect(nameField(page)).toHaveValue('Baseline');
  await saved(page).getByRole('button', { name: 'Open Stricter qualification' }).click();
  await expect(app.rate('Qualification')).toHaveValue('35');
  expect(app.errors).toEqual([]);
});

test('a preset opens as an editable copy', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.locator('summary', { hasText: 'Start from a preset' }).click();
  await page.getByRole('button', { name: 'Open a copy of Enterprise, long cycles' }).click();
  await expect(nameField(page)).toHaveValue('Enterprise, long cycles');
  await expect(page.getByRole('textbox', { name: 'Horizon' })).toHaveValue('26');
  await expect(saved(page)).toHaveCount(0);
  await app.rate('Closing').fill('30');
  await expect(app.rate('Closing')).toHaveValue('30');
  await expect(app.status).toContainText('Done:');
});

test('export then import a scenario; hostile names stay text', async ({ page }) => {
  const app = new AppPage(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  await app.open();
  await nameField(page).fill('Export me');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported.version).toBe(2); // the app writes the current format (issue 15: version 2)
  expect(exported.name).toBe('Export me');
  expect(exported.stages).toHaveLength(7);

  const dir = mkdtempSync(join(tmpdir(), 'funnelcast-'));
  const hostile = '<img src=x onerror=alert(1)>';
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify({ ...exported, name: hostile }));
  await page.getByLabel('Import file…').setInputFiles(file);
  await expect(page.getByText('Imported 1 scenario')).toBeVisible();
  await expect(saved(page).getByRole('button', { name: `Open ${hostile}` })).toHaveText(hostile);
  expect(await page.locator('img[src=x]').count()).toBe(0);

  // The same name again is kept as a numbered copy, never replaced.
  await page.getByLabel('Import file…').setInputFiles(file);
  await expect(saved(page).getByRole('button', { name: `Open ${hostile} (2)` })).toBeVisible();

  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...exported, stages: exported.stages.map((s: any, i: number) => (i === 1 ? { ...s, rate: 3 } : s)) }));
  await page.getByLabel('Import file…').setInputFiles(bad);
  await expect(page.getByText(/was not imported: .*stages\[1\]\.rate/)).toBeVisible();
  expect(dialogs).toBe(0);
});

test('a share link shows the scenario and changes nothing until saved', async ({ page, browser }) => {
  const app = new AppPage(page);
  await app.open();
  await nameField(page).fill('Shared plan');
  await app.rate('Presentation').fill('45');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await expect(page.getByText('including your open pipeline')).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Shared scenario' })).toContainText('save a copy?');
  await expect(other.getByRole('textbox', { name: 'Presentation conversion rate' })).toHaveValue('45');
  await expect(other.getByRole('status').filter({ hasText: 'Done:' })).toBeVisible();
  expect(await storageDump(other)).toEqual({});
  await other.getByRole('button', { name: 'Save a copy' }).click();
  await expect(other.getByRole('button', { name: 'Open Shared plan' })).toBeVisible();
  const keys = Object.keys(await storageDump(other));
  expect(keys.some((k) => k.startsWith('funnelcast.scenario.'))).toBe(true);
  expect(other.url()).not.toContain('#');
  await context.close();
});

test('two tabs see each other and never overwrite a newer save', async ({ page, context }) => {
  const a = new AppPage(page);
  await a.open();
  await saveAs(page, 'Team plan');
  const pageB = await context.newPage();
  const b = new AppPage(pageB);
  await b.open();
  await expect(saved(pageB).getByRole('button', { name: 'Open Team plan' })).toBeVisible();
  await saved(pageB).getByRole('button', { name: 'Open Team plan' }).click();

  // A saves a change; B, still on the older version, tries to save its own.
  await a.rate('Closing').fill('45');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await b.rate('Closing').fill('25');
  await pageB.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pageB.getByRole('alert').filter({ hasText: 'was saved in another tab' })).toBeVisible();
  const stored = Object.entries(await storageDump(pageB)).find(([k]) => k.startsWith('funnelcast.scenario.'));
  expect(JSON.parse(stored?.[1] ?? '{}').scenario.stages[5].rate).toBe(0.45);
  // B keeps its work as a copy.
  await pageB.getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(saved(pageB).getByRole('listitem')).toHaveCount(2);
  await expect(saved(page).getByRole('listitem')).toHaveCount(2);
});

test('a corrupted entry is reported and kept; the others still load', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await saveAs(page, 'Good one');
  await page.evaluate(() => localStorage.setItem('funnelcast.scenario.broken', '{"app":"funnelcast","vers'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'A saved scenario could not be opened' })).toBeVisible();
  await expect(saved(page).getByRole('button', { name: 'Open Good one' })).toBeVisible();
  const dump = await storageDump(page);
  expect(Object.values(dump)).toContain('{"app":"funnelcast","vers');
});

test('a full storage shows its message and damages nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await saveAs(page, 'Before the quota');
  const before = await storageDump(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('funnelcast.')) throw new DOMException('quota', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await app.rate('Closing').fill('33');
  await expect(page.getByRole('alert').filter({ hasText: 'storage for this site is full' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export a backup' })).toBeVisible();
  await nameField(page).fill('After the quota');
  await page.getByRole('button', { name: 'Save as new' }).click();
  expect(await storageDump(page)).toEqual(before);
  // The app keeps working in memory.
  await expect(app.status).toContainText('Done:');
});

test('storage that throws on access still leaves a working app', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  const app = new AppPage(page);
  await page.goto('./');
  await expect(app.runButton).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'does not allow this site to store data' }).first()).toBeVisible();
  await app.rate('Qualification').fill('40');
  await expect(app.status).toContainText('Done:');
});

test('compare shows the better scenario beating the other', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await saveAs(page, 'Baseline');
  await app.rate('Qualification').fill('80');
  await saveAs(page, 'Better qualification', true);
  await app.showSection('Compare');
  await page.getByRole('checkbox', { name: 'Compare Baseline' }).check();
  await page.getByRole('checkbox', { name: 'Compare Better qualification' }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const verdict = page.locator('.beats li').first();
  await expect(verdict).toContainText('“Better qualification” beats “Baseline” in');
  const share = Number((await verdict.textContent())?.match(/in ([\d.]+) %/)?.[1]);
  expect(share).toBeGreaterThan(60);
  await expect(page.getByRole('table', { name: 'Differences' })).toContainText('Most likely (P50)');
  await expect(page.getByRole('table', { name: 'Funnels side by side' })).toContainText('Needs assessment');
  await page.getByRole('heading', { name: 'Compare scenarios' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/compare-1280.png' });
  expect(app.errors).toEqual([]);
});

test('a scenario file dropped on the library is imported', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const text = readFileSync('docs/example-scenario.json', 'utf8');
  await page.evaluate((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'q1.json', { type: 'application/json' }));
    const panel = document.querySelector('section.library');
    panel?.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    panel?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(saved(page).getByRole('button', { name: 'Open Q1 forecast' })).toBeVisible();
  await saved(page).getByRole('button', { name: 'Open Q1 forecast' }).click();
  await expect(page.getByRole('textbox', { name: 'Horizon' })).toHaveValue('13');
});
