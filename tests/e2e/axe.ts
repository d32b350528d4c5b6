// axe-core's WCAG 2 A and AA rules on the page as it stands: one line per
// violation (rule, help, how many nodes, the first few), so a failing
// `expect(await violations(page)).toEqual([])` says what and where.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from './fixtures';

export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}
