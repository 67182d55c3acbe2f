#!/usr/bin/env node
// Regenerates docs/batch-index.png: `cscheck batch fixtures/batch --plan quanzhou`, its index.html
// opened in Debian's Chromium (apt-get install -y chromium) through playwright-core.
//   npm run build && node docs/make-screenshots.mjs

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = mkdtempSync(path.join(os.tmpdir(), 'cscheck-shots-'));
try {
  spawnSync(process.execPath, ['bin/cscheck', 'batch', 'fixtures/batch', '--plan', 'quanzhou', '--out', out, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'batch-index.png'), fullPage: true });
  await browser.close();
  console.log('docs/batch-index.png');
} finally {
  rmSync(out, { recursive: true, force: true });
}
