// Hostile inputs (issue 8), table-driven: names with markup, formula-like
// CSV cells, huge and malformed files, damaged links. Each gets its message,
// no script runs, no dialog opens, and nothing stored is lost or changed
// (an accepted import only adds its own entry).
import { expect, test, type Page } from './fixtures';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './app-page';

const MARKUP = '<img src=x onerror="window.__pwned=1">';
const dir = mkdtempSync(join(tmpdir(), 'funnelcast-hostile-'));
const example = JSON.parse(readFileSync('docs/example-scenario.json', 'utf8'));

function storageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

type Case = {
  what: string;
  /** Does the hostile thing; returns nothing. */
  act: (page: Page) => Promise<void>;
  /** The message the user must see. */
  message: RegExp;
  /** An accepted import adds exactly this many entries; refusals add none. */
  adds?: number;
};

const importFile = (path: string) => async (page: Page) => {
  await page.getByLabel('Import file…').setInputFiles(path);
};
const openLink = (fragment: string) => async (page: Page) => {
  await page.goto(`./#${fragment}`);
  await page.reload(); // a new fragment alone does not load the page again
};

const CASES: Case[] = [
  {
    what: 'a scenario named with markup is imported and shown as text',
    act: importFile(file('markup.json', JSON.stringify({ ...example, name: MARKUP }))),
    message: /Imported 1 scenario/,
    adds: 1,
  },
  {
    what: 'a file over the size cap',
    act: importFile(file('huge.json', `{"name":"${'x'.repeat(6 * 1024 * 1024)}"}`)),
    message: /was not imported: it is larger than the \d+ KB allowed/,
  },
  {
    what: 'truncated JSON',
    act: importFile(file('truncated.json', JSON.stringify(example).slice(0, 200))),
    message: /was not imported: it is not valid JSON/,
  },
  {
    what: 'binary garbage',
    act: importFile(file('garbage.json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)))),
    message: /was not imported: it is not valid JSON/,
  },
  {
    what: 'a file from a newer version',
    act: importFile(file('newer.json', JSON.stringify({ ...example, version: 99 }))),
    message: /was not imported: it was made by a newer version of Funnelcast/,
  },
  {
    what: 'JSON that is not a scenario',
    act: importFile(file('array.json', '[1, 2, 3]')),
    message: /was not imported: it is neither a Funnelcast scenario nor a Funnelcast library/,
  },
  {
    what: 'an out-of-range rate, named by its field',
    act: importFile(
      file('rate.json', JSON.stringify({ ...example, stages: example.stages.map((s: any, i: number) => (i === 1 ? { ...s, rate: 3 } : s)) })),
    ),
    message: /was not imported: .*stages\[1\]\.rate/,
  },
  {
    what: 'a damaged share link',
    act: openLink('s1.!!not-base64!!'),
    message: /This share link could not be opened: the link is damaged/,
  },
  {
    what: 'a share link far over the length cap',
    act: openLink(`s1.${'A'.repeat(60_000)}`),
    message: /This share link could not be opened/,
  },
  {
    what: 'a share link of valid base64 that does not inflate',
    act: openLink(`s1.${Buffer.from('this is not deflate data at all').toString('base64url')}`),
    message: /This share link could not be opened/,
  },
];

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await new AppPage(page).open();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  // Something stored that must survive every case.
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Keep me');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('button', { name: 'Open Keep me' })).toBeVisible();
});

for (const c of CASES) {
  test(`hostile input: ${c.what}`, async ({ page }) => {
    const app = new AppPage(page);
    const before = await storageDump(page);
    await c.act(page);
    await expect(page.getByText(c.message).first()).toBeVisible({ timeout: 20_000 });
    await expect(app.runButton).toBeVisible(); // the app still works
    const after = await storageDump(page);
    for (const [key, value] of Object.entries(before)) {
      if (key === 'funnelcast.draft') continue; // the draft follows the open scenario
      expect(after[key], `stored ${key} is untouched`).toBe(value);
    }
    const added = Object.keys(after).filter((k) => !(k in before) && k.startsWith('funnelcast.scenario.'));
    expect(added).toHaveLength(c.adds ?? 0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    if (c.adds) {
      await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('button', { name: `Open ${MARKUP}` })).toHaveText(MARKUP);
    }
  });
}

test('hostile input: formula-like names never start a CSV cell', async ({ page }) => {
  const app = new AppPage(page);
  const stages = example.stages.map((s: any, i: number) => ({ ...s, name: ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', 'a,"b"', 'Follow-up'][i] }));
  await page.getByLabel('Import file…').setInputFiles(file('formulas.json', JSON.stringify({ ...example, name: '=cmd|"/C calc"!A0', stages, trials: 2000 })));
  await expect(page.getByText(/Imported 1 scenario/)).toBeVisible();
  await page.getByRole('list', { name: 'Saved scenarios' }).getByRole('button', { name: /^Open =cmd/ }).click();
  await app.run();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download summary (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // A minimal CSV reader: quoted fields may hold commas and doubled quotes.
  const cells = csv
    .trim()
    .split('\n')
    .flatMap((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).filter((_, i, a) => i < a.length - 1 || a.length === 1))
    .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
  const risky = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell)));
  expect(risky).toEqual([]);
  expect(csv).toContain('reached =HYPERLINK');
});
