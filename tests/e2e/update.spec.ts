// A new deployment (issue 8): the service worker of a new build installs
// beside the running one, the app says a new version is ready, and "Reload
// to update" brings the page under the new build.
import { expect, test } from './fixtures';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { AppPage } from './app-page';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** A static server for a copy of dist/ that the test can "redeploy". */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

test('a new deployment is offered as an update and taken on reload', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'funnelcast-deploy-'));
  cpSync('dist', root, { recursive: true });
  const { server, url } = await serve(root);
  try {
    const app = new AppPage(page);
    await app.open(url);
    await expect(page.getByTestId('offline-status')).toBeVisible();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByText('A new version of Funnelcast is ready.')).toHaveCount(0);

    // "Deploy" a new build: a new service-worker version.
    const sw = join(root, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1-next";'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Funnelcast is ready.')).toBeVisible({ timeout: 20_000 });

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect(app.runButton).toBeVisible();
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('funnelcast-'))))
      .toEqual([expect.stringMatching(/-next$/)]);
    await expect(page.getByText('A new version of Funnelcast is ready.')).toHaveCount(0);
    expect(app.errors).toEqual([]);
  } finally {
    server.close();
  }
});
