// The `test` every spec uses: Playwright's, plus a guard that fails the test
// on any Content-Security-Policy violation in any page of its context (a
// `securitypolicyviolation` listener installed before the app's scripts run).
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const found: string[] = [];
      await context.exposeBinding('__funnelcastCspViolation', (_source, text: string) => {
        found.push(text);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __funnelcastCspViolation: (t: string) => void }).__funnelcastCspViolation;
          report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      await use(found);
      expect(found, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Locator, Page } from '@playwright/test';
