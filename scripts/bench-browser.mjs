// Measured runs in headless Chromium against the release build (dist/),
// through the real UI and workers. Reports numbers; asserts nothing.
//
//   make bench-browser      (builds first)   or   node scripts/bench-browser.mjs
//
// For the example scenario (docs/example-scenario.json) at 100,000 and
// 1,000,000 trials, with one worker and with all: time to the full result,
// trials per second, the longest main-thread task during the run
// (PerformanceObserver "longtask", which reports tasks over 50 ms), and the
// time from an edit to the first partial result on screen.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const scenario = JSON.parse(readFileSync('docs/example-scenario.json', 'utf8'));
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], {
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});

async function open(page, workers, trials) {
  const url = `http://127.0.0.1:${PORT}/${workers ? `?workers=${workers}` : ''}`;
  for (let i = 0; ; i++) {
    try {
      await page.goto(url);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const draft = { app: 'funnelcast', version: 1, saved_at: Date.now(), scenario: { ...scenario, trials } };
  await page.evaluate((d) => localStorage.setItem('funnelcast.draft', JSON.stringify(d)), draft);
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 180_000 });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
}

try {
  // First load from the local server, in a fresh context (empty cache, no
  // service worker yet): first contentful paint (the page's frame and
  // styles) and the app ready (wasm loaded, the Run button on screen).
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    for (let j = 0; ; j++) {
      try {
        await fresh.goto(`http://127.0.0.1:${PORT}/`);
        break;
      } catch (e) {
        if (j > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await fresh.getByRole('button', { name: 'Run', exact: true }).waitFor();
    const [fcp, ready] = await fresh.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      performance.now(),
    ]);
    console.log(`first load ${i + 1}: first contentful paint ${fcp.toFixed(0)} ms, app ready (Run button) by ${ready.toFixed(0)} ms`);
    await context.close();
  }
  const page = await browser.newPage();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`Chromium reports ${cores} cores; "all" uses that many workers (at most 8).`);
  for (const trials of [100_000, 1_000_000]) {
    for (const workers of [1, 0]) {
      await open(page, workers, trials);
      await page.evaluate(() => (window.__longest = 0));
      const started = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 180_000 });
      const [ended, longest] = await page.evaluate(() => [performance.now(), window.__longest]);
      const seconds = (ended - started) / 1000;
      console.log(
        `example × ${trials.toLocaleString('en')} trials, ${workers === 1 ? '1 worker ' : 'all workers'}: ` +
          `full result in ${seconds.toFixed(2)} s, ${Math.round(trials / seconds).toLocaleString('en')} trials/s, ` +
          `longest main-thread task ${longest > 0 ? `${longest.toFixed(0)} ms` : 'under 50 ms'}`,
      );
    }
  }
  // Edit → first partial result: type a new Closing rate and time the first
  // change of the headline (the debounce of the automatic re-run included).
  await open(page, 0, 100_000);
  const latencies = [];
  for (const rate of ['41', '39', '42', '38', '40']) {
    const ms = await page.evaluate(async (value) => {
      const input = document.querySelector('#rate-5');
      const headline = document.querySelector('[data-testid="headline"]');
      const badge = document.querySelector('.results-head .badge');
      const before = badge.textContent;
      const t0 = performance.now();
      const changed = new Promise((resolve) => {
        new MutationObserver((_, obs) => {
          if (badge.textContent.startsWith('Streaming') || badge.textContent !== before) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(badge, { childList: true, characterData: true, subtree: true });
      });
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return await changed;
    }, rate);
    latencies.push(ms);
    await page.getByRole('status').filter({ hasText: 'Done:' }).waitFor({ timeout: 180_000 });
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `edit → first partial result: median ${latencies[2].toFixed(0)} ms ` +
      `(min ${latencies[0].toFixed(0)}, max ${latencies[4].toFixed(0)}), including the 30 ms typing pause`,
  );

  // Classroom: frames per second while a quarter of a few hundred dots plays
  // (the "ten times the leads" lesson: ~800 deals, every 2nd drawn). Counts
  // requestAnimationFrame callbacks over 6 s of play at 2 weeks a second, so a frame that took
  // the app too long shows up as a lower rate and a long gap.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.getByRole('list', { name: 'Lessons' }).getByRole('button', { name: 'Small numbers and noise' }).click();
  await page.getByRole('button', { name: 'Apply the change' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  const fps = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const gaps = [];
        let last = performance.now();
        const start = last;
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (now - start < 6000) requestAnimationFrame(tick);
          else resolve({ frames: gaps.length, seconds: (now - start) / 1000, worst: Math.max(...gaps.slice(1)) });
        };
        requestAnimationFrame(tick);
      }),
  );
  const deals = await page.getByTestId('count-entered').textContent();
  console.log(
    `classroom, ${deals} deals in by week ${await page.getByTestId('week-counter').textContent()} ` +
      `(one dot per 2 deals): ${(fps.frames / fps.seconds).toFixed(1)} frames/s over ${fps.seconds.toFixed(1)} s, ` +
      `longest frame ${fps.worst.toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  server.kill();
}
