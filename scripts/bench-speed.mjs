// Speed, measured in Chromium against the sandbox with injected latency (issue 5, "Speed").
//
//   node scripts/bench-speed.mjs            measure and print
//   node scripts/bench-speed.mjs --write    also rewrite the speed section of BENCHMARKS.md
//   options: --runs=15 (per PAY.JP variant and for Kuroco), --quick (5 runs, fewer parse batches)
//
// The bench app (test/bench/) is built by Vite in production mode and served by `vite preview` on
// 127.0.0.1:6307; its plugin starts the sandbox on 127.0.0.1:6308 with pay.js answering 300 ms late
// (`payjsLatencyMs`) and Kuroco's API 150 ms late (`latencyMs`), and mounts the demo merchant
// backend (createPayjpHandler over the payjp SDK) behind a 150 ms delay. Debian's Chromium drives it
// through playwright-core (test/support/chromium.ts); nothing is downloaded and nothing leaves
// 127.0.0.1. Every run is a fresh browser context and page; the variants alternate.
//
// Click → challenge visible, per run, on one clock (the page's performance timeline; the issuer
// iframe's own timeline is converted through performance.timeOrigin):
//   click        the button's click event (event.timeStamp)
//   POST sent    resource timing startTime of POST /api/payjp/card-verifications
//   POST answer  its responseEnd
//   overlay      pay.js's challenge iframe (src …/tds/…/start) in the DOM (MutationObserver; pay.js marks nothing)
//   visible      in the issuer iframe: the first animation frame after its challenge buttons
//                ([data-outcome]) are parsed, i.e. the frame that paints them
// The kit's own cost is (POST sent − click) + (overlay − POST answer): everything that is neither
// the backend round trip nor the issuer page loading.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, runnerImport } from 'vite';
import { chromium } from 'playwright-core';
import { writeSection } from './benchmarksFile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const write = argv.includes('--write');
const quick = argv.includes('--quick');
const RUNS = Number(argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? (quick ? 5 : 15));
const WARMUP_RUNS = 2;
/** The shopper looks at the page this long before clicking (the kit fetches pay.js meanwhile). */
const READ_MS = 1000;
const STEP_TIMEOUT_MS = 15_000;

// Vite loads the TypeScript config and support files itself (Node 20 has no type stripping).
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const configFile = path.join(root, 'test/bench/vite.config.ts');
const { module: support } = await runnerImport(path.join(root, 'test/support/chromium.ts'));
const { module: benchConfig } = await runnerImport(configFile);
const { APP_PORT, PAYJS_LATENCY_MS, BACKEND_LATENCY_MS } = benchConfig;
const APP = `http://127.0.0.1:${APP_PORT}`;

const fmt = (ms) => (ms === null || Number.isNaN(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const quantile = (values, q) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  // Nearest rank: the median of 15 is the 8th value, p90 the 14th.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const median = (values) => quantile(values, 0.5);
const p90 = (values) => quantile(values, 0.9);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Installed in every frame before its scripts run. The top page notes the click and the overlay;
// the issuer iframe notes when its challenge is on screen.
const INSTRUMENT = `(() => {
  const epoch = () => performance.timeOrigin + performance.now();
  if (window === window.top) {
    const marks = (window.__bench = { click: null, overlay: null });
    window.addEventListener('click', (event) => {
      if (marks.click === null && event.target instanceof Element && event.target.closest('button')) marks.click = performance.timeOrigin + event.timeStamp;
    }, true);
    new MutationObserver(() => {
      if (marks.overlay === null && document.querySelector('iframe[src*="/tds/"]')) marks.overlay = epoch();
    }).observe(document, { childList: true, subtree: true });
    return;
  }
  document.addEventListener('DOMContentLoaded', () => {
    if (!document.querySelector('[data-outcome]')) return;
    const parsed = epoch();
    requestAnimationFrame(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      window.__benchFrame = { navigationStart: performance.timeOrigin, responseEnd: performance.timeOrigin + (nav ? nav.responseEnd : 0), parsed, visible: epoch() };
    });
  });
})();`;

/** Reads the page's own timeline after a PAY.JP run, as epoch ms. */
function readPageMarks() {
  const epoch = (t) => performance.timeOrigin + t;
  const resources = performance.getEntriesByType('resource');
  const post = resources.filter((entry) => entry.name.endsWith('/api/payjp/card-verifications')).at(-1);
  const payjs = resources.filter((entry) => entry.name.includes('/payjs/v2/pay.js')).at(-1);
  return {
    ...window.__bench,
    postStart: post ? epoch(post.startTime) : null,
    postEnd: post ? epoch(post.responseEnd) : null,
    payjsStart: payjs ? epoch(payjs.startTime) : null,
    payjsEnd: payjs ? epoch(payjs.responseEnd) : null,
  };
}

async function challengeFrameMarks(page) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !/\/tds\/[^/]+\/start/.test(frame.url())) continue;
      const marks = await frame.evaluate(() => window.__benchFrame ?? null).catch(() => null);
      if (marks) return marks;
    }
    if (Date.now() > deadline) throw new Error(`${page.url()}: the challenge never became visible`);
    await sleep(10);
  }
}

const VARIANTS = [
  { id: 'kit', page: 'kit.html', label: '(a) kit: ThreeDSecureProvider + VerifyCardButton' },
  { id: 'manual', page: 'manual.html', label: '(b) hand-written, official order, pay.js loaded on click' },
  { id: 'preloaded', page: 'preloaded.html', label: '(c) hand-written, pay.js in the page (floor)' },
];

async function payjpRun(browser, variant) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${APP}/${variant.page}`);
    const button = page.getByRole('button', { name: 'カードの本人認証をする' });
    await button.waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.waitForFunction(() => !document.querySelector('button')?.disabled, null, { timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(READ_MS);
    const payjsReady = await page.evaluate(() => typeof window.Payjp === 'function');
    await button.click();
    const frame = await challengeFrameMarks(page);
    const marks = await page.evaluate(readPageMarks);
    if (marks.click === null || marks.postStart === null || marks.overlay === null) throw new Error(`${variant.id}: missing marks ${JSON.stringify(marks)}`);
    return {
      payjsReady,
      total: frame.visible - marks.click,
      beforePost: marks.postStart - marks.click,
      backend: marks.postEnd - marks.postStart,
      toOverlay: marks.overlay - marks.postEnd,
      issuerPage: frame.visible - marks.overlay,
      kitWork: marks.postStart - marks.click + (marks.overlay - marks.postEnd),
      payjsAfterClick: marks.payjsStart !== null && marks.payjsStart >= marks.click ? marks.payjsEnd - marks.payjsStart : 0,
      // The iframe's clock must agree with the page's: its navigation starts after the POST answer, and before it paints.
      clockCheck: frame.navigationStart >= marks.postEnd && frame.visible >= frame.navigationStart,
    };
  } finally {
    await context.close();
  }
}

// Kuroco: the purchase answer arrives → the kit renders AcsFormAutoSubmit → the ACS form is posted.
const KUROCO_INSTRUMENT = `(() => {
  if (window !== window.top) return;
  const submit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () {
    const now = performance.now();
    const purchase = performance.getEntriesByType('resource').filter((entry) => /\\/rcms-api\\/1\\/ec\\/order$/.test(entry.name)).at(-1);
    window.__benchMark({ submitCall: now, purchaseEnd: purchase ? purchase.responseEnd : null, purchaseStart: purchase ? purchase.startTime : null });
    return submit.call(this);
  };
})();`;

async function kurocoRun(browser) {
  const context = await browser.newContext();
  try {
    const marks = {};
    await context.exposeBinding('__benchMark', (_source, data) => Object.assign(marks, data));
    await context.addInitScript(KUROCO_INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${APP}/kuroco.html`);
    const button = page.getByRole('button', { name: '注文を確定する' });
    await button.waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(300);
    let purchase = null;
    const connector = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('kuroco: the ACS form was never posted')), STEP_TIMEOUT_MS);
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (request.method() === 'POST' && url.pathname === '/rcms-api/1/ec/order') purchase = request;
        if (request.method() === 'POST' && url.pathname === '/paygent/3ds/connector') {
          clearTimeout(timer);
          resolve(request);
        }
      });
    });
    await button.click();
    const post = await connector;
    await (await purchase.response())?.finished();
    await post.response().catch(() => null); // the request's timing is complete once it is answered
    for (let i = 0; marks.submitCall === undefined && i < 100; i += 1) await sleep(10);
    // The network view (DevTools protocol timestamps): response fully received → form POST request started.
    const purchaseTiming = purchase.timing();
    const network = post.timing().startTime - (purchaseTiming.startTime + purchaseTiming.responseEnd);
    return {
      inPage: marks.submitCall !== undefined && marks.purchaseEnd !== null ? marks.submitCall - marks.purchaseEnd : null,
      network,
      purchaseRoundTrip: marks.purchaseEnd !== null && marks.purchaseStart !== null ? marks.purchaseEnd - marks.purchaseStart : null,
    };
  } finally {
    await context.close();
  }
}

async function parseRun(browser) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${APP}/parse.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    return await page.evaluate((options) => window.parseBench(options), quick ? { batches: 50, perBatch: 10 } : { batches: 300, perBatch: 10 });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

console.log(`bench-speed: building test/bench (production) …`);
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true } });
const browser = await chromium.launch({ executablePath: support.chromiumExecutable, args: support.chromiumArgs });
const results = { kit: [], manual: [], preloaded: [], kuroco: [] };
let parse;
try {
  // The demo backend creates its shopper on first use: not part of any run.
  await fetch(`${APP}/api/payjp-demo/cards`).then((response) => response.json());
  for (const variant of VARIANTS) for (let i = 0; i < WARMUP_RUNS; i += 1) await payjpRun(browser, variant);
  for (let i = 0; i < WARMUP_RUNS; i += 1) await kurocoRun(browser);

  for (let run = 0; run < RUNS; run += 1) {
    // Alternate, and rotate which variant goes first.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + run) % VARIANTS.length]);
    for (const variant of order) results[variant.id].push(await payjpRun(browser, variant));
    results.kuroco.push(await kurocoRun(browser));
    process.stdout.write(`\r  run ${run + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
  parse = await parseRun(browser);
} finally {
  const version = browser.version();
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  results.chromium = version;
}

// ---------------------------------------------------------------------------------------------

const lines = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};
const column = (id, key) => results[id].map((run) => run[key]);
const cell = (id, key) => `${fmt(median(column(id, key)))} / ${fmt(p90(column(id, key)))}`;

const clockBad = VARIANTS.flatMap((v) => results[v.id]).filter((run) => !run.clockCheck).length;
const payjsLate = results.kit.filter((run) => !run.payjsReady).length;

out(`Click → challenge visible (ms, median / p90 over ${RUNS} runs each):`);
out();
out('| integration | click → challenge visible | vs (c) |');
out('|---|---:|---:|');
const floor = median(column('preloaded', 'total'));
for (const variant of VARIANTS) {
  const total = median(column(variant.id, 'total'));
  out(`| ${variant.label} | **${cell(variant.id, 'total')}** | ${variant.id === 'preloaded' ? '—' : `+${fmt(total - floor)}`} |`);
}
out();
out('Where the time goes (ms, median / p90 of each segment; the segments of one run add up to its total, medians need not):');
out();
out(`| segment | ${VARIANTS.map((v) => v.id === 'kit' ? '(a) kit' : v.id === 'manual' ? '(b) pay.js on click' : '(c) pay.js in page').join(' | ')} |`);
out(`|---|${VARIANTS.map(() => '---:').join('|')}|`);
const SEGMENTS = [
  ['beforePost', 'click → backend POST sent'],
  ['backend', `backend round trip (${BACKEND_LATENCY_MS} ms injected)`],
  ['toOverlay', 'POST answer → pay.js overlay in the DOM'],
  ['issuerPage', 'overlay → issuer challenge painted (sandbox page)'],
  ['kitWork', '**integration\'s own work** (1st + 3rd rows)'],
];
for (const [key, label] of SEGMENTS) out(`| ${label} | ${VARIANTS.map((v) => cell(v.id, key)).join(' | ')} |`);
out(`| of which pay.js fetched after the click (${PAYJS_LATENCY_MS} ms injected) | ${VARIANTS.map((v) => cell(v.id, 'payjsAfterClick')).join(' | ')} |`);
const kitCost = median(column('kit', 'total')) - median(column('kit', 'backend')) - median(column('kit', 'issuerPage'));
out();
out(
  `The kit's cost beyond the backend round trip and the issuer page: **${fmt(median(column('kit', 'kitWork')))} ms** median (p90 ${fmt(p90(column('kit', 'kitWork')))} ms) per run; ` +
    `from the medians, ${fmt(median(column('kit', 'total')))} − ${fmt(median(column('kit', 'backend')))} − ${fmt(median(column('kit', 'issuerPage')))} = ${fmt(kitCost)} ms. ` +
    `The hand-written floor (c) spends ${fmt(median(column('preloaded', 'kitWork')))} ms on the same steps; pay.js on click (b) adds the pay.js fetch to every click.`,
);
if (payjsLate) out(`Note: in ${payjsLate} kit run(s) pay.js had not arrived ${READ_MS} ms after the page was ready.`);
if (clockBad) out(`Note: ${clockBad} run(s) had an iframe clock that disagreed with the page's (iframe navigation before the POST answer).`);

out();
out(`Kuroco: purchase answer → ACS form POST (ms, median / p90 over ${RUNS} runs; Kuroco's API answers ${BACKEND_LATENCY_MS} ms late):`);
out();
out('| measure | median / p90 |');
out('|---|---:|');
out(`| purchase response end → \`form.submit()\` called (page timeline) | **${cell('kuroco', 'inPage')}** |`);
out(`| purchase response received → connector POST request sent (DevTools network events) | ${cell('kuroco', 'network')} |`);
out(`| for scale: the purchase round trip, preflight included | ${cell('kuroco', 'purchaseRoundTrip')} |`);

out();
out(`parseAcsHtml on a ${parse.bytes.toLocaleString('en-US')}-byte Paygent-shaped document (${parse.fields} hidden fields), per call (ms, ${parse.kit.samples} batches of 10 calls after 200 warm-up calls):`);
out();
out('| | median | p90 | min |');
out('|---|---:|---:|---:|');
out(`| \`parseAcsHtml(html, { allowedActionOrigins })\` | **${fmt(parse.kit.median)}** | ${fmt(parse.kit.p90)} | ${fmt(parse.kit.min)} |`);
out(`| \`DOMParser.parseFromString\` alone (the floor) | ${fmt(parse.domParserOnly.median)} | ${fmt(parse.domParserOnly.p90)} | ${fmt(parse.domParserOnly.min)} |`);
out();
const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
out(`Machine: ${os.cpus().length} × ${cpu}, Node ${process.version}, Chromium ${results.chromium} headless (Debian), 127.0.0.1 only.`);

if (write) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = '<!-- speed:start -->';
  const end = '<!-- speed:end -->';
  const section = [
    start,
    '## Speed',
    '',
    `Regenerate with \`npm run bench:speed\` ([scripts/bench-speed.mjs](scripts/bench-speed.mjs), pages in [test/bench](test/bench)). A production`,
    `build of small pages on the kit, served on 127.0.0.1, against the sandbox on another origin with latency injected:`,
    `pay.js arrives ${PAYJS_LATENCY_MS} ms late (\`payjsLatencyMs\`), the merchant backend (createPayjpHandler over the payjp SDK) answers`,
    `${BACKEND_LATENCY_MS} ms late (a delay in front of it), Kuroco's API ${BACKEND_LATENCY_MS} ms late (\`latencyMs\`). Debian's Chromium, headless,`,
    `a fresh context and page per run, variants alternating, ${WARMUP_RUNS} warm-up runs each not counted. The shopper clicks ${READ_MS} ms after`,
    'the button is ready. "Challenge visible" is the first animation frame of the issuer iframe after its',
    'challenge buttons (`[data-outcome]`) are parsed; all marks are on one clock (the page\'s and the',
    'iframe\'s performance timelines, joined through `performance.timeOrigin`).',
    '',
    ...lines,
    '',
    'Reading the figures:',
    '',
    '- (b) follows the order of PAY.JP\'s official sample (load pay.js → `Payjp(pk)` → create the',
    '  request on the server → `openThreeDSecureIframe`), with pay.js loaded on the click as a React page',
    '  that keeps it off other routes would. (c) is the same with pay.js in a `<script>` tag of the page',
    '  (as PAY.JP\'s PHP samples have it) and no React: the floor for any integration.',
    '- "Integration\'s own work" is everything between the click and the issuer page that is neither the',
    '  backend round trip nor the issuer page loading: React state updates, the click handler, reading',
    '  the JSON answer, and pay.js building its overlay. DESIGN.md\'s bar for the kit is under one frame',
    '  (16.7 ms at 60 Hz).',
    '- The issuer page time is the sandbox\'s page over loopback; a real issuer is slower, equally for all.',
    end,
  ].join('\n');
  writeSection(file, start, end, section, root);
}
