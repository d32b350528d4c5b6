// Measured run in headless Chromium against the release build (dist/):
// trials per second through the real UI and worker, and the longest
// main-thread task during the run. Reports numbers; asserts nothing.
//
//   bash scripts/bench-browser.sh     (builds first)   or   node scripts/bench-browser.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], {
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  for (const [leads, trials] of [[10_000, 100_000], [10_000, 1_000_000], [10_000_000, 1_000_000]]) {
    await page.getByRole('textbox', { name: 'Leads entering Prospecting' }).fill(String(leads));
    await page.getByRole('textbox', { name: 'Trials' }).fill(String(trials));
    await page.evaluate(() => (window.__longest = 0));
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 120_000 });
    const [ended, longest] = await page.evaluate(() => [performance.now(), window.__longest]);
    const seconds = (ended - started) / 1000;
    console.log(
      `${leads.toLocaleString('en')} leads × ${trials.toLocaleString('en')} trials: ` +
        `${seconds.toFixed(2)} s, ${Math.round(trials / seconds).toLocaleString('en')} trials/s, ` +
        `longest main-thread task ${longest.toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  server.kill();
}
