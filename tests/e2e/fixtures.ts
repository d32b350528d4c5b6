// The `test` every spec uses: Playwright's, plus a guard that fails the test
// on any Content-Security-Policy violation in any page it opens — its own
// context's and those of contexts it creates with `browser.newContext()` (a
// `securitypolicyviolation` listener installed before the app's scripts run).
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

/** Reports every policy violation in `context` into `found`. A test that
 * launches its own persistent context guards it with this. */
export async function guard(context: BrowserContext, found: string[]) {
  await context.exposeBinding('__funnelcastCspViolation', (_source, text: string) => {
    found.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __funnelcastCspViolation: (t: string) => void }).__funnelcastCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const found: string[] = [];
      await guard(context, found);
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args: Parameters<Browser['newContext']>) => {
        const created = await newContext(...args);
        await guard(created, found);
        return created;
      };
      try {
        await use(found);
      } finally {
        (browser as Browser).newContext = newContext;
      }
      expect(found, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Locator, Page } from '@playwright/test';
