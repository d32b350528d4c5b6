// The classroom calibration game (issue 16): a whole three-team, three-round
// game by keyboard only, with the scoreboard checked against what the typed
// ranges and the shown actuals imply; reloads in the middle; export and
// import; a damaged stored game; axe in every state; the two screenshots.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { AppPage, parseNumber } from './app-page';
import { enterRange, low, openGame, press, storedGame, teamRow, verdict, violations, winkler } from './game-page';

const TEAMS = ['Team 1', 'Team 2', 'Team 3'];
/** Per round, per team: [low, high]. Wide, narrow and middling, so hits and misses both happen. */
const RANGES: [number, number][][] = [
  [[0, 400], [0, 1], [20, 60]],
  [[5, 400], [30, 31], [10, 90]],
  [[60, 140], [80, 95], [90, 120]],
];

/** Revenue ranges typed (round, team index → [low, high] as typed, and as numbers). */
const REVENUE: Record<string, { typed: [string, string]; value: [number, number] }> = {
  '1,2': { typed: ['100k', '5M'], value: [100_000, 5_000_000] },
};

/** Reads the round's actual off the page and checks every team's Hit or Miss against it. */
async function checkReveal(page: Page, round: number): Promise<[number, number]> {
  const actualText = await page.getByTestId('game-actual').textContent();
  const match = /^Actual: ([\d,]+) deals won$/.exec(actualText ?? '');
  expect(match, actualText ?? '').not.toBeNull();
  const actual = parseNumber(match![1]);
  const results = page.getByRole('list', { name: 'Ranges this round' });
  const revenueText = await page.getByText(/^Revenue: \$[\d,]+$/).textContent();
  const revenue = parseNumber((revenueText ?? '').replace('Revenue: $', ''));
  for (const [i, team] of TEAMS.entries()) {
    const [lo, hi] = RANGES[round][i];
    const word = lo <= actual && actual <= hi ? 'Hit' : 'Miss';
    const item = results.getByRole('listitem').filter({ hasText: team });
    const given = REVENUE[`${round},${i}`];
    if (given) {
      // The revenue's verdict from the revenue shown (rounded to whole units; the ends are far from it).
      const [rlo, rhi] = given.value;
      const revenueWord = rlo <= revenue && revenue <= rhi ? 'Hit' : 'Miss';
      await expect(item).toContainText(`revenue $${rlo.toLocaleString('en-US')}–$${rhi.toLocaleString('en-US')}: ${revenueWord}`);
      await expect(item.locator('.game-verdict')).toHaveText(new RegExp(`${word}$`));
    } else {
      await expect(item).toContainText(word);
      await expect(item).not.toContainText(word === 'Hit' ? 'Miss' : 'Hit');
    }
  }
  return [actual, revenue];
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('a three-team, three-round game by keyboard only, with reloads, files and the scoreboard', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  await app.open();
  await openGame(page);
  await expect(page.getByRole('heading', { name: 'Set up the game' })).toBeVisible();
  for (const [i, team] of TEAMS.entries()) {
    await expect(page.getByRole('textbox', { name: `Team ${i + 1} name` })).toHaveValue(team);
  }
  expect(await violations(page)).toEqual([]);

  // Rounds to 3 by keyboard: the spinbutton's arrows.
  const rounds = page.getByRole('spinbutton', { name: 'Rounds' });
  await rounds.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(rounds).toHaveValue('3');
  await press(page, 'Start game');
  await expect(page.getByRole('heading', { name: 'Round 1 of 3', level: 2 })).toBeVisible();

  const actuals: number[] = [];
  const revenues: number[] = [];
  for (let round = 0; round < 3; round++) {
    if (round > 0) await expect(page.getByRole('heading', { name: `Round ${round + 1} of 3`, level: 2 })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Stages/ })).toBeVisible();
    await enterRange(page, TEAMS[0], RANGES[round][0], round === 0);
    // Hidden until all are locked: no numbers, no Reveal.
    const first = teamRow(page, TEAMS[0]);
    await expect(first).toContainText('•••');
    await expect(first).not.toContainText(String(RANGES[round][0][1]));
    await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toHaveCount(0);
    if (round === 0) expect(await violations(page)).toEqual([]);

    if (round === 1) {
      // A range typed but not locked (Team 3's) is kept too, as the team's unlocked entry.
      const high3 = page.getByRole('textbox', { name: `${TEAMS[2]} high`, exact: true });
      await low(page, TEAMS[2]).focus();
      await page.keyboard.type('12');
      await page.keyboard.press('Tab');
      await page.keyboard.type('34');
      type Entry = { locked: boolean; range: { low: number; high: number } | null };
      await expect
        .poll(async () => (await storedGame(page)).played[1].entries.map((e: Entry) => [e.locked, e.range?.low, e.range?.high]))
        .toEqual([[true, RANGES[1][0][0], RANGES[1][0][1]], [false, undefined, undefined], [false, 12, 34]]);
      // A reload during entry keeps the locked range (still hidden), the typed one and the round: the same stored game.
      const before = await storedGame(page);
      expect(before.played[1].entries.filter((e: Entry) => e.locked)).toHaveLength(1);
      await page.reload();
      await app.pastWelcome();
      await openGame(page);
      await expect(page.getByRole('heading', { name: 'Round 2 of 3', level: 2 })).toBeVisible();
      await expect(teamRow(page, TEAMS[0])).toContainText('Locked');
      await expect(teamRow(page, TEAMS[0])).toContainText('•••');
      await expect(low(page, TEAMS[2])).toHaveValue('12');
      await expect(high3).toHaveValue('34');
      expect(await storedGame(page)).toEqual(before);
      // Cleared by keyboard, to be typed again in turn below.
      for (const field of [low(page, TEAMS[2]), high3]) {
        await field.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await expect(field).toHaveValue('');
      }
      await low(page, TEAMS[1]).focus();
    }
    await enterRange(page, TEAMS[1], RANGES[round][1]);
    // A wrong range is refused in its row, nothing locked.
    if (round === 0) {
      await expect(low(page, TEAMS[2])).toBeFocused();
      await page.keyboard.type('50');
      await page.keyboard.press('Tab');
      await page.keyboard.type('10');
      await page.keyboard.press('Enter');
      await expect(teamRow(page, TEAMS[2]).getByRole('alert')).toHaveText('The high end (10) is below the low end (50).');
      await expect(teamRow(page, TEAMS[2])).not.toContainText('Locked');
      await low(page, TEAMS[2]).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.getByRole('textbox', { name: `${TEAMS[2]} high`, exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await low(page, TEAMS[2]).focus();
    }
    await enterRange(page, TEAMS[2], RANGES[round][2], false, REVENUE[`${round},2`]?.typed);
    if (round === 2) {
      // Unlock: the team changes its mind before the reveal, back in its low field with its range.
      await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toBeFocused();
      await press(page, `Unlock ${TEAMS[2]}`);
      await expect(low(page, TEAMS[2])).toBeFocused();
      await expect(low(page, TEAMS[2])).toHaveValue(String(RANGES[round][2][0]));
      await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toHaveCount(0);
      await expect(teamRow(page, TEAMS[0])).toContainText('•••');
      await page.keyboard.press('Enter');
      await expect(teamRow(page, TEAMS[2])).toContainText('Locked');
    }

    // All locked: the ranges are shown and Reveal has the focus.
    const reveal = page.getByRole('button', { name: 'Reveal', exact: true });
    await expect(reveal).toBeFocused();
    for (const [i, team] of TEAMS.entries()) {
      await expect(teamRow(page, team)).toContainText(`${RANGES[round][i][0].toLocaleString('en-US')}–${RANGES[round][i][1].toLocaleString('en-US')}`);
    }
    if (round === 0) expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    const skip = page.getByRole('button', { name: 'Skip to result' });
    await expect(skip).toBeFocused();
    await expect(page.getByRole('heading', { name: `Round ${round + 1}: one quarter plays` })).toBeVisible();
    await expect(page.getByText(/^Week \d+ of 13$/)).toBeVisible();
    await page.keyboard.press('Enter');
    const next = page.getByRole('button', { name: round < 2 ? 'Next round' : 'See the debrief' });
    await expect(next).toBeFocused();
    await expect(page.getByText(/too many deals to play as dots/)).toHaveCount(0);
    const [actual, revenue] = await checkReveal(page, round);
    actuals.push(actual);
    revenues.push(revenue);
    await expect(page.getByTestId('game-model')).toContainText("The model's own 80 % range:");
    await expect(page.getByRole('img', { name: /^Deals won in 10,000 simulated quarters/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Scoreboard' })).toBeVisible();
    if (round === 0) expect(await violations(page)).toEqual([]);

    if (round === 1) {
      // A reload after the reveal keeps the actual and the verdicts: the same stored game.
      const before = await storedGame(page);
      expect(before.played[1].actual.won).toBe(actuals[round]);
      await page.reload();
      await app.pastWelcome();
      await openGame(page);
      expect(await checkReveal(page, round)).toEqual([actuals[round], revenues[round]]);
      expect(await storedGame(page)).toEqual(before);
      await page.getByRole('button', { name: 'Next round' }).focus();
    }
    if (round === 2) {
      await expect(page.getByTestId('game-model')).toBeVisible();
      await page.screenshot({ path: 'docs/game-reveal.png' });
    }
    await page.keyboard.press('Enter');
    if (round < 2) await expect(low(page, TEAMS[0])).toBeFocused();
  }

  // The debrief and the final scoreboard, against the numbers read off the page.
  await expect(page.getByRole('img', { name: /^Calibration: each team's hit rate/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hit rates against the 80 % promise' })).toBeVisible();
  const expected = TEAMS.map((team, i) => {
    let hits = 0;
    let total = 0;
    RANGES.forEach((r, round) => {
      const [lo, hi] = r[i];
      if (lo <= actuals[round] && actuals[round] <= hi) hits += 1;
      total += winkler(lo, hi, actuals[round]);
    });
    return { team, hits, mean: total / 3, line: `${team}: ${hits} of 3 — ${verdict(hits, 3)}` };
  });
  await expect(page.getByTestId('score-lines').getByRole('listitem')).toHaveText(expected.map((e) => e.line));
  const board = page.getByRole('table', { name: 'Scoreboard' });
  for (const e of expected) {
    const cells = board.getByRole('row', { name: new RegExp(`^${e.team}\\b`) }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(`${e.hits} of 3`);
    const shown = parseNumber((await cells.nth(2).textContent()) ?? '');
    const revenueRounds = Object.keys(REVENUE).filter((k) => k.endsWith(`,${TEAMS.indexOf(e.team)}`)).map((k) => Number(k.split(',')[0]));
    const revenueHits = revenueRounds.filter((r) => {
      const [rlo, rhi] = REVENUE[`${r},${TEAMS.indexOf(e.team)}`].value;
      return rlo <= revenues[r] && revenues[r] <= rhi;
    }).length;
    await expect(cells.nth(3)).toHaveText(revenueRounds.length === 0 ? '–' : `${revenueHits} of ${revenueRounds.length}`);
    // Shown with one decimal below 100, else rounded to a whole number.
    expect(Math.abs(shown - e.mean)).toBeLessThanOrEqual(e.mean < 100 ? 0.05 : 0.5);
  }
  await expect(page.getByText('Interval score: the range\'s width plus 10× how far the actual fell outside it; lower is better.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/game-debrief.png' });
  const lines = await page.getByTestId('score-lines').getByRole('listitem').allTextContents();

  // Export, start a new game, import the file back: the same game.
  const download = page.waitForEvent('download');
  await press(page, 'Export game');
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(exported).format).toBe('funnelcast-game');
  const finished = await storedGame(page);
  expect(JSON.parse(exported).game).toEqual(finished);
  await press(page, 'New game');
  await press(page, 'Yes, start a new game');
  await expect(page.getByRole('heading', { name: 'Set up the game' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Scoreboard' })).toHaveCount(0);
  const fresh = await storedGame(page);
  expect(fresh.played).toEqual([]);
  expect(fresh.seed).not.toBe(finished.seed);

  const dir = mkdtempSync(join(tmpdir(), 'funnelcast-game-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'funnelcast-game', version: 1, game: { seed: 1, rounds: 0, teams: [] } }));
  let chooser = page.waitForEvent('filechooser');
  await page.getByText('Import game…').click();
  await (await chooser).setFiles(bad);
  await expect(page.getByRole('alert').filter({ hasText: '“bad.json” was not imported: its game is damaged' })).toBeVisible();
  expect(await storedGame(page)).toEqual(fresh);
  await expect(page.getByRole('heading', { name: 'Set up the game' })).toBeVisible();

  const good = join(dir, 'game.json');
  writeFileSync(good, exported);
  chooser = page.waitForEvent('filechooser');
  await page.getByText('Import game…').click();
  await (await chooser).setFiles(good);
  await expect(page.getByText('Imported “game.json”.')).toBeVisible();
  expect(await storedGame(page)).toEqual(finished);
  await expect(page.getByTestId('score-lines').getByRole('listitem')).toHaveText(lines);
  expect(await checkReveal(page, 2)).toEqual([actuals[2], revenues[2]]);
  expect(app.errors).toEqual([]);
});

test('a quarter too large to animate is revealed without the animation, from the same trial', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await openGame(page);
  // Seed 197's first mystery quarter has more deals than the animation draws.
  const seed = page.getByRole('spinbutton', { name: 'Game seed' });
  await seed.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('197');
  const rounds = page.getByRole('spinbutton', { name: 'Rounds' });
  await rounds.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await press(page, 'Start game');
  for (const [i, team] of TEAMS.entries()) await enterRange(page, team, RANGES[0][i]);
  await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'See the debrief' })).toBeFocused();
  await expect(page.getByText('This quarter has too many deals to play as dots; its result is counted directly.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skip to result' })).toHaveCount(0);
  const [actual] = await checkReveal(page, 0);
  expect(actual).toBeGreaterThan(0);
  await expect(page.getByTestId('game-model')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('a damaged stored game is reported and kept; Reset asks first', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate(() => localStorage.setItem('funnelcast.game', 'garbage{ not a game'));
  await page.reload();
  await app.pastWelcome();
  await openGame(page);
  const notice = page.getByTestId('game-load-notice');
  await expect(notice).toContainText('The saved calibration game could not be read: it is not valid JSON');
  await expect(notice).toContainText('funnelcast.unreadable.game.');
  await notice.getByText('Show the damaged data').click();
  await expect(notice.locator('pre')).toHaveText('garbage{ not a game');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('funnelcast.unreadable.game.')).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['garbage{ not a game']);
  expect(await violations(page)).toEqual([]);

  // Up to 12 teams: Add team is then disabled; a removal enables it again.
  const add = page.getByRole('button', { name: 'Add team' });
  for (let n = 4; n <= 12; n++) {
    await press(page, 'Add team');
    await expect(page.getByRole('textbox', { name: `Team ${n} name` })).toHaveValue(`Team ${n}`);
  }
  await expect(add).toBeDisabled();
  await press(page, 'Remove Team 12');
  await expect(add).toBeEnabled();
  // An empty name is refused next to its field; a good one is taken.
  const name = page.getByRole('textbox', { name: 'Team 2 name' });
  await name.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('alert').filter({ hasText: "A team's name needs 1 to 40 characters." })).toBeVisible();
  await page.keyboard.type('Sharks');
  await expect(page.getByRole('alert').filter({ hasText: "A team's name" })).toHaveCount(0);

  // A new game plays and saves over nothing that was kept.
  await press(page, 'Start game');
  await expect(page.getByRole('button', { name: 'Lock Sharks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Round 1 of 8', level: 2 })).toBeVisible();
  await press(page, 'Reset game');
  await expect(page.getByRole('button', { name: 'Yes, reset the game' })).toBeFocused();
  await press(page, 'Cancel');
  await expect(page.getByRole('heading', { name: 'Round 1 of 8', level: 2 })).toBeVisible();
  await press(page, 'Reset game');
  await expect(page.getByRole('button', { name: 'Yes, reset the game' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Set up the game' })).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('classroom shortcuts stay quiet in the game and on the facilitator sheet', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await press(page, 'Classroom mode');
  const week = page.getByTestId('week-counter');
  await expect(week).toHaveText(/^Week 0 of/);

  await press(page, 'Facilitator sheet');
  for (const key of ['ArrowRight', 'ArrowRight', ' ']) await page.keyboard.press(key);
  await press(page, 'Back to classroom');
  await expect(week).toHaveText(/^Week 0 of/);

  await press(page, 'Calibration game');
  await press(page, 'Start game');
  await expect(low(page, 'Team 1')).toBeFocused();
  await page.keyboard.type('r f 12');
  await expect(low(page, 'Team 1')).toHaveValue('r f 12');
  await page.getByRole('heading', { name: /^Calibration game/, level: 1 }).focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'r']) await page.keyboard.press(key);
  await press(page, 'Back to classroom');
  await expect(week).toHaveText(/^Week 0 of/);
  await expect(page.getByText(/^Quarter 1 · trial 0/)).toBeVisible();
  expect(app.errors).toEqual([]);
});
