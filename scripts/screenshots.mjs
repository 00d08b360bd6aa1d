// Screenshots of every story in the default look: desktop (1280 px) and phone (375 px), light and dark
// (the OS setting, prefers-color-scheme), into screenshots/ (gitignored). `npm run screenshots`.
//
// Serves storybook-static/ (built first with `npm run build-storybook` when missing, or with --build)
// together with the offline sandbox and the PAY.JP demo backend the stories talk to, as
// .storybook/main.ts mounts them on the dev server; drives /usr/bin/chromium with playwright-core and
// the flags of test/support/chromium.ts. Options:
//   --build            rebuild storybook-static first
//   --url <origin>     use a running Storybook instead (e.g. `npm start` on http://127.0.0.1:6006)
//   --filter <text>    only stories whose id contains <text> (repeatable)
//   --out <dir>        where to write the PNGs (default screenshots/)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    url: { type: 'string' },
    filter: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'screenshots' },
  },
});
const staticDir = path.join(root, 'storybook-static');
const outDir = path.resolve(root, args.out);
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };
const SCHEMES = ['light', 'dark'];
// A story is settled when its play function has run (or failed); some end on purpose while still waiting.
const SETTLE_MS = 20_000;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Files of storybook-static/, never outside it. */
function serveStatic(req, res) {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const file = path.join(staticDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (!file.startsWith(staticDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}

async function startServer(vite) {
  // The same stand-ins as .storybook/main.ts, loaded from their TypeScript sources through Vite.
  const { createSandbox } = await vite.ssrLoadModule('/src/sandbox/index.ts');
  const { payjpDemoMiddleware } = await vite.ssrLoadModule('/test/support/payjpDemoBackend.ts');
  const sandbox = createSandbox();
  const demo = payjpDemoMiddleware();
  const server = http.createServer((req, res) => {
    sandbox.handler(req, res, () => demo(req, res, () => serveStatic(req, res)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Waits until Storybook has rendered the story and run its play function. */
async function settle(page, storyId) {
  await page
    .waitForFunction(
      (id) => {
        const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
        return render?.id === id && ['completed', 'errored', 'aborted', 'finished'].includes(render.phase);
      },
      storyId,
      { timeout: SETTLE_MS },
    )
    .catch(() => undefined);
  // Fonts and the last layout (a status line, an alert fading in).
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

async function main() {
  const vite = await createViteServer({ root, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  let served = null;
  let browser = null;
  try {
    const { chromiumArgs, chromiumExecutable } = await vite.ssrLoadModule('/test/support/chromium.ts');
    let origin = args.url?.replace(/\/$/, '');
    if (!origin) {
      if (args.build || !existsSync(path.join(staticDir, 'index.json'))) {
        console.log('building storybook-static (npm run build-storybook)…');
        execFileSync('npm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' });
      }
      served = await startServer(vite);
      origin = served.origin;
    }
    const index = await (await fetch(`${origin}/index.json`)).json();
    const stories = Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .filter((entry) => args.filter.length === 0 || args.filter.some((text) => entry.id.includes(text)));
    console.log(`${stories.length} stories × ${Object.keys(WIDTHS).length} widths × ${SCHEMES.length} schemes → ${path.relative(root, outDir)}/`);
    mkdirSync(outDir, { recursive: true });

    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    let done = 0;
    for (const [device, viewport] of Object.entries(WIDTHS)) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, locale: 'ja-JP' });
        // One preview page, switched from story to story as Storybook's manager does: loading the
        // preview once per story costs seconds each on a busy machine. A story that navigated the
        // preview away (the full-page flows) gets a fresh load.
        let page = null;
        for (const story of stories) {
          const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
          try {
            const reusable = page && (await page.evaluate(() => Boolean(globalThis.__STORYBOOK_ADDONS_CHANNEL__ && globalThis.__STORYBOOK_PREVIEW__)).catch(() => false));
            if (reusable) {
              await page.evaluate((storyId) => globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), story.id);
            } else {
              await page?.close();
              page = await context.newPage();
              await page.goto(url, { waitUntil: 'load' });
            }
            await settle(page, story.id);
            await page.screenshot({ path: path.join(outDir, `${story.id}--${device}-${colorScheme}.png`), fullPage: true });
          } catch (error) {
            console.warn(`  ${story.id} (${device}, ${colorScheme}): ${error instanceof Error ? error.message.split('\n')[0] : error}`);
            await page?.close();
            page = null;
          }
          done += 1;
          if (done % 20 === 0) console.log(`  ${done} screenshots`);
        }
        await context.close();
      }
    }
    console.log(`wrote ${done} screenshots to ${path.relative(root, outDir)}/`);
  } finally {
    await browser?.close();
    served?.server.close();
    await vite.close();
  }
}

await main();
