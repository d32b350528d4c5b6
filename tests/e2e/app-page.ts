// Page object: finds controls the way a user (or a screen reader) does, by
// role and accessible name.
import { expect, type Locator, type Page } from '@playwright/test';

export const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs assessment',
  'Presentation',
  'Handling objections',
  'Closing',
  'Follow-up',
] as const;

/**
 * The scenario format's own default (`ScenarioInput::default()`, the command
 * line's): one batch of 1,000 leads, no horizon, no money, no target — the
 * app's first draft before the welcome. Tests whose arithmetic uses those
 * numbers (1,000 × 50 % …) start from it with `openWith`.
 */
export const FORMAT_DEFAULT = {
  version: 1,
  name: 'Untitled forecast',
  leads: { count: 1000 },
  stages: STAGES.map((name, i) => ({ name, rate: [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25][i] })),
  trials: 10000,
  seed: 42,
};

export class AppPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
  }

  /** Opens the app at `url`; a first visit goes past the welcome with Start blank. */
  async open(url = './') {
    await this.page.goto(url);
    await this.pastWelcome();
  }

  /** Waits for the welcome or the workspace; leaves the welcome with Start blank (the default draft). */
  async pastWelcome() {
    await expect(this.runButton.or(this.startBlank)).toBeVisible();
    if (await this.startBlank.isVisible()) await this.startBlank.click();
    await expect(this.runButton).toBeVisible();
  }

  /** Opens the app with `scenario` as the saved draft, as a returning user (no welcome). */
  async openWith(scenario: object, url = './') {
    await this.page.goto(url);
    await this.page.evaluate(
      (s) => localStorage.setItem('funnelcast.draft', JSON.stringify({ app: 'funnelcast', version: 1, saved_at: Date.now(), scenario: s })),
      scenario,
    );
    await this.page.reload();
    await expect(this.runButton).toBeVisible();
  }

  get welcome(): Locator {
    return this.page.getByRole('main', { name: 'Welcome to Funnelcast' });
  }
  get startBlank(): Locator {
    return this.page.getByRole('button', { name: 'Start blank', exact: true });
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Run', exact: true });
  }
  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }
  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Simulation progress' });
  }
  get status(): Locator {
    return this.page.getByRole('status');
  }
  get leads(): Locator {
    return this.page.getByRole('textbox', { name: 'Leads entering Prospecting' });
  }
  get trials(): Locator {
    return this.page.getByRole('textbox', { name: 'Trials' });
  }
  get seed(): Locator {
    return this.page.getByRole('textbox', { name: 'Seed' });
  }
  get leadDispersion(): Locator {
    return this.page.getByRole('textbox', { name: 'Lead bursts (dispersion)' });
  }
  get marketSd(): Locator {
    return this.page.getByRole('textbox', { name: 'Market swings (sd)' });
  }
  /** "How good is this forecast?" in the Scenarios panel. */
  get checkButton(): Locator {
    return this.page.getByRole('button', { name: 'How good is this forecast?', exact: true });
  }
  /** The Calibration section, where the check's answer is. */
  get calibration(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Calibration' });
  }
  rate(stage: string): Locator {
    return this.page.getByRole('textbox', { name: `${stage} conversion rate` });
  }
  funnelTable(): Locator {
    return this.page.getByRole('table', { name: 'Funnel table' });
  }
  wonTable(): Locator {
    return this.page.getByRole('table', { name: 'Deals won statistics' });
  }

  /** The numbers of a funnel-table row: [mean, p10, p90]. */
  async funnelRow(stage: string): Promise<number[]> {
    const row = this.funnelTable().getByRole('row', { name: new RegExp(`^${stage}\\b`) });
    const cells = await row.getByRole('cell').allTextContents();
    return cells.slice(0, 3).map(parseNumber);
  }

  /** Shows a section of the results column as a user would: its tab in the section bar. */
  async showSection(name: 'Forecast' | 'What to do' | 'Compare' | 'Calibration') {
    const tab = this.page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Classroom mode, from the workspace's button. */
  async openClassroom() {
    await this.page.getByRole('button', { name: 'Classroom mode' }).click();
    await expect(this.page.getByRole('heading', { name: /^Classroom/, level: 1 })).toBeVisible();
  }

  /** A lesson from the classroom's list, its card shown. */
  async loadLesson(title: string) {
    await this.page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: title }).click();
    await expect(this.page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }

  async run() {
    await this.runButton.click();
    await expect(this.status).toContainText('Done:', { timeout: 30_000 });
  }
}

export function parseNumber(text: string): number {
  return Number(text.replace(/[,\s%]/g, '').replace('−', '-'));
}
