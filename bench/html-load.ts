/**
 * npm run bench:html — how long the HTML report of the 2021-07 corpus takes to load in headless
 * Chromium (playwright-core + /usr/bin/chromium), until the report's script has rendered the
 * summary and the first page of findings (`body[data-ready]`). Prints the file size, the time and
 * the DOM node count; nothing is asserted (the target is under 2 s).
 *
 *   npm run bench:html [-- --html report.html]
 *
 * Without --html it runs `docmodel check` on the 2021-07 corpus (skipped with a message when absent).
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CORPUS_SKIP, corpusTree, REPO } from './corpus.js';

const CHROMIUM = '/usr/bin/chromium';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--html');
  let file = i >= 0 ? process.argv[i + 1] : undefined;
  if (!existsSync(CHROMIUM)) { console.log(`bench:html: skipped — no ${CHROMIUM} (apt-get install chromium)`); return; }
  if (!file) {
    const t21 = corpusTree('2021-07');
    if (!t21) { console.log(`bench:html: skipped — ${CORPUS_SKIP}`); return; }
    file = join(mkdtempSync(join(tmpdir(), 'docmodel-html-bench-')), 'report.html');
    const r = spawnSync(process.execPath, [join(REPO, 'dist', 'src', 'cli', 'main.js'), 'check', t21, '--format', 'html', '--output', file, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 && r.status !== 1) throw new Error(`docmodel check failed (exit ${r.status})`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
    const ms = Date.now() - t0;
    const nodes = await page.locator('*').count();
    const rows = await page.locator('#findings tr').count();
    console.log(`HTML report ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB; loaded and rendered in ${ms} ms (target < 2000 ms); ${nodes} DOM elements; ${rows} finding rows on the first page${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  } finally {
    await browser.close();
  }
}

await main();
