// The calibration game as a user (or a screen reader) reaches it: controls by
// role and accessible name, keyboard only; and the scoring rules computed
// independently of the app, to check its numbers.
import { expect, type Page } from './fixtures';
export { violations } from './axe';


/** Activates a control from the keyboard: focus it, press Enter. */
export async function press(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  await button.focus();
  await page.keyboard.press('Enter');
}

/** The game as stored in the browser (its envelope's `game`). */
export async function storedGame(page: Page) {
  const raw = await page.evaluate(() => localStorage.getItem('funnelcast.game'));
  expect(raw).not.toBeNull();
  return JSON.parse(raw!).game;
}

export async function openGame(page: Page) {
  await press(page, 'Classroom mode');
  await expect(page.getByRole('heading', { name: /^Classroom/, level: 1 })).toBeFocused();
  await press(page, 'Calibration game');
  await expect(page.getByRole('heading', { name: /^Calibration game/, level: 1 })).toBeFocused();
}

export const low = (page: Page, team: string) => page.getByRole('textbox', { name: `${team} low`, exact: true });
export const teamRow = (page: Page, team: string) => page.getByRole('list', { name: "Teams' ranges" }).getByRole('listitem').filter({ hasText: team });

/** Types a team's range by keyboard (and revenue, if given); locks it with Enter in a field,
 * or by Tab to Lock and Enter. */
export async function enterRange(page: Page, team: string, [lo, hi]: [number, number], viaButton = false, revenue?: [string, string]) {
  await expect(low(page, team)).toBeFocused();
  await page.keyboard.type(String(lo));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: `${team} high`, exact: true })).toBeFocused();
  await page.keyboard.type(String(hi));
  if (revenue) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: `${team} revenue low`, exact: true })).toBeFocused();
    await page.keyboard.type(revenue[0]);
    await page.keyboard.press('Tab');
    await page.keyboard.type(revenue[1]);
  }
  if (viaButton) {
    await page.keyboard.press('Tab'); // revenue low
    await page.keyboard.press('Tab'); // revenue high
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Lock ${team}` })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(teamRow(page, team)).toContainText('Locked');
}

/** The interval score of an 80 % range (docs/classroom-game.md), computed here independently. */
export function winkler(lo: number, hi: number, actual: number) {
  const width = hi - lo;
  if (actual < lo) return width + 10 * (lo - actual);
  if (actual > hi) return width + 10 * (actual - hi);
  return width;
}

/** The scoreboard's verdict rule: hits against 80 % of the rounds, one hit of slack. */
export function verdict(hits: number, rounds: number) {
  const promised = 0.8 * rounds;
  if (hits < promised - 1) return 'overconfident';
  if (hits > promised + 1) return 'underconfident';
  return 'about right';
}
