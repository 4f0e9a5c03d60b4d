// Opens kg view pages in Debian's Chromium, headless, through
// playwright-core (installed from npm into the build folder; no browser
// download). Shared by the browser test and the view benchmark.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.env.KG_NODE_MODULES;
if (!modules) throw new Error('KG_NODE_MODULES must name the folder holding playwright-core');
const { chromium } = createRequire(join(resolve(modules), 'noop.js'))('playwright-core');

export const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';

// A browser with a fresh profile, removed by close().
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Opens `file` and waits until the view has drawn; returns the page, the
// seconds it took and every console error or uncaught exception.
// `prepare(page)`, when given, runs before the page starts loading.
export async function open(context, file, prepare = null) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  if (prepare) await prepare(page);
  const start = Date.now();
  await page.goto(pathToFileURL(file).href, { timeout: 120000 });
  await page.waitForFunction(() => window.kgView && window.kgView.ready, null, { timeout: 60000 });
  // Two animation frames: the first drawing is on screen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { page, seconds: (Date.now() - start) / 1000, errors };
}
