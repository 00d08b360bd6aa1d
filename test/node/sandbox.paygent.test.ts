import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_BANNER, type KurocoSandboxOptions, type SandboxServer } from '../../src/sandbox';

const TOKEN = 'sandbox-access-token';
let tokenCounter = 0;

function cardToken(): string {
  tokenCounter += 1;
  return `tok_paygent${String(tokenCounter).padStart(8, '0')}`;
}

/** Reads the form the way a browser would submit it (test-only regex parsing of the sandbox's own HTML). */
function parseForm(acsHtml: string): { action: string; fields: [string, string][] } {
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const action = /<form name="submitForm" action="([^"]*)" method="POST">/.exec(acsHtml)?.[1];
  if (action === undefined) throw new Error('no submitForm');
  const fields = [...acsHtml.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    (match): [string, string] => [decode(match[1] ?? ''), decode(match[2] ?? '')],
  );
  return { action: decode(action), fields };
}

interface Started {
  server: SandboxServer;
  close: () => Promise<void>;
}

async function start(options: KurocoSandboxOptions = {}): Promise<Started> {
  const server = await createSandbox({ kuroco: options }).listen();
  return { server, close: () => server.close() };
}

async function purchase(server: SandboxServer, returnUrl = '/order/3dsec/', headers: Record<string, string> = {}) {
  const response = await fetch(`${server.kurocoApiBase}/ec/order`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RCMS-API-ACCESS-TOKEN': TOKEN, ...headers },
    body: JSON.stringify({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: cardToken(), card_options: { card_3dsec_return_url: returnUrl } }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { ids: number[]; ext_data: { credit_card_3dsec_resp: { out_acs_html: string } } };
  return { orderId: body.ids[0] ?? 0, acsHtml: body.ext_data.credit_card_3dsec_resp.out_acs_html };
}

function postForm(url: string, fields: [string, string][]) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Submits the ACS form to the connector and returns the challenge session id. */
async function openChallenge(server: SandboxServer, acsHtml: string): Promise<string> {
  const { action, fields } = parseForm(acsHtml);
  const response = await postForm(action, fields);
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  const session = new URL(location, server.url).searchParams.get('session');
  expect(session).toBeTruthy();
  return session ?? '';
}

async function complete(server: SandboxServer, session: string, outcome: string): Promise<Response> {
  return postForm(`${server.url}/paygent/3ds/challenge/complete`, [
    ['session', session],
    ['outcome', outcome],
  ]);
}

async function paymentStatus(server: SandboxServer, orderId: number): Promise<string> {
  const response = await fetch(`${server.kurocoApiBase}/ec/order/${orderId}`, { headers: { 'X-RCMS-API-ACCESS-TOKEN': TOKEN } });
  const body = (await response.json()) as { details: { payment_status: string } };
  return body.details.payment_status;
}

/** Purchase, connector, challenge: returns the completion's redirect target. */
async function runChallenge(server: SandboxServer, outcome: string, returnUrl?: string, headers?: Record<string, string>) {
  const { orderId, acsHtml } = await purchase(server, returnUrl, headers);
  const session = await openChallenge(server, acsHtml);
  const response = await complete(server, session, outcome);
  expect(response.status).toBe(303);
  return { orderId, session, location: response.headers.get('location') ?? '' };
}

let shared: Started;
beforeAll(async () => {
  shared = await start({ frontendOrigin: 'http://shop.test:5173' });
});
afterAll(() => shared.close());

describe('out_acs_html', () => {
  it("'document' (default): a full document shaped like Paygent's", async () => {
    const { acsHtml } = await purchase(shared.server);
    expect(acsHtml.startsWith('<html>\r\n<head>')).toBe(true);
    expect(acsHtml).toContain('<body onload="OnLoadEvent();">');
    expect(acsHtml).toContain(`<form name="submitForm" action="${shared.server.url}/paygent/3ds/connector" method="POST">`);
    expect(acsHtml).toContain('<noscript>');
    expect(acsHtml).toContain('<input type="submit" value="次へ">');
    expect(acsHtml).toMatch(/<\/form>\r\n<script>function OnLoadEvent\(\)\{ document\.submitForm\.submit\(\); \}<\/script>\r\n<\/body>\r\n<\/html>/);
    const { fields } = parseForm(acsHtml);
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.every(([, value]) => value.length > 0)).toBe(true);
  });

  it("'form': only the <form> element", async () => {
    const started = await start({ acsHtml: 'form' });
    try {
      const { acsHtml } = await purchase(started.server);
      expect(acsHtml.startsWith(`<form name="submitForm" action="${started.server.url}/paygent/3ds/connector" method="POST">`)).toBe(true);
      expect(acsHtml.endsWith('</form>')).toBe(true);
      expect(acsHtml).not.toMatch(/<html|<body|<script/);
      // The bare form still leads to the challenge.
      await openChallenge(started.server, acsHtml);
    } finally {
      await started.close();
    }
  });

  it('builds the connector URL from the Host the request came through', async () => {
    const port = new URL(shared.server.url).port;
    const body = JSON.stringify({ product_id: 41201, quantity: 1, ec_payment_id: 58, card_token: cardToken(), card_options: { card_3dsec_return_url: '/r' } });
    // node:http, because fetch does not let a caller choose the Host header.
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/rcms-api/1/ec/order',
          headers: { Host: 'localhost:6006', 'Content-Type': 'application/json', 'X-RCMS-API-ACCESS-TOKEN': TOKEN },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const parsed = JSON.parse(text) as { ext_data: { credit_card_3dsec_resp: { out_acs_html: string } } };
    expect(parseForm(parsed.ext_data.credit_card_3dsec_resp.out_acs_html).action).toBe('http://localhost:6006/paygent/3ds/connector');
  });
});

describe('connector', () => {
  it('redirects a genuine form to the challenge page', async () => {
    const { acsHtml } = await purchase(shared.server);
    const { action, fields } = parseForm(acsHtml);
    const response = await postForm(action, fields);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/paygent\/3ds\/challenge\?session=[\w-]+$/);
  });

  it('rejects a tampered signed field with a 400 page', async () => {
    const { acsHtml } = await purchase(shared.server);
    const { action, fields } = parseForm(acsHtml);
    const tampered = fields.map(([name, value]): [string, string] => [name, name === 'tds_session_ref' ? `x${value}` : value]);
    const response = await postForm(action, tampered);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('署名が一致しません');
  });

  it('rejects a signed reference from another sandbox instance', async () => {
    const other = await start();
    try {
      const { acsHtml } = await purchase(other.server);
      const { fields } = parseForm(acsHtml);
      const response = await postForm(`${shared.server.url}/paygent/3ds/connector`, fields);
      expect(response.status).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('rejects a tampered transaction id and a missing reference', async () => {
    const { acsHtml } = await purchase(shared.server);
    const { action, fields } = parseForm(acsHtml);
    const tampered = fields.map(([name, value]): [string, string] => [name, name === 'tds_trans_id' ? '00000000-0000-0000-0000-000000000000' : value]);
    expect((await postForm(action, tampered)).status).toBe(400);
    expect((await postForm(action, [])).status).toBe(400);
  });

  it('answers 405 to GET', async () => {
    const response = await fetch(`${shared.server.url}/paygent/3ds/connector`);
    expect(response.status).toBe(405);
  });
});

describe('challenge page', () => {
  it('is an accessible Japanese page with the banner, order, amount and four outcome buttons', async () => {
    const { orderId, acsHtml } = await purchase(shared.server);
    const session = await openChallenge(shared.server, acsHtml);
    const response = await fetch(`${shared.server.url}/paygent/3ds/challenge?session=${session}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain(SANDBOX_BANNER);
    expect(SANDBOX_BANNER).toBe('サンドボックス (Sandbox) — 本物のカード会社の画面ではありません');
    expect(page).toMatch(/<h1[^>]*>3Dセキュア本人認証<\/h1>/);
    expect(page).toContain(`<dd data-testid="order-id">${orderId}</dd>`);
    expect(page).toContain('¥1,100');
    expect(page).toContain('action="/paygent/3ds/challenge/complete"');
    expect(page).toContain(`<input type="hidden" name="session" value="${session}">`);
    for (const [outcome, label] of [
      ['pass', '認証する / Authenticate'],
      ['fail', '認証に失敗する / Fail'],
      ['timeout', 'タイムアウトにする / Time out'],
      ['pass_auth_fail', '認証成功・オーソリ失敗 / Authenticated, then authorization fails'],
    ]) {
      expect(page).toContain(`<button type="submit" name="outcome" value="${outcome}" data-outcome="${outcome}">${label}</button>`);
    }
  });

  it('answers 404 for an unknown session', async () => {
    const response = await fetch(`${shared.server.url}/paygent/3ds/challenge?session=nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(SANDBOX_BANNER);
  });

});

describe('outcomes', () => {
  it('pass: back without dsec_error, order paid', async () => {
    const { orderId, location } = await runChallenge(shared.server, 'pass', '/order/3dsec/');
    expect(location).toBe('http://shop.test:5173/order/3dsec/');
    expect(await paymentStatus(shared.server, orderId)).toBe('paid');
  });

  it('fail: back with dsec_error=1, order stays payment_failed', async () => {
    const { orderId, location } = await runChallenge(shared.server, 'fail', '/order/3dsec/');
    expect(location).toBe('http://shop.test:5173/order/3dsec/?dsec_error=1');
    expect(await paymentStatus(shared.server, orderId)).toBe('payment_failed');
  });

  it('timeout: back with dsec_error=1, order stays payment_failed', async () => {
    const { orderId, location } = await runChallenge(shared.server, 'timeout', '/order/3dsec/');
    expect(location).toBe('http://shop.test:5173/order/3dsec/?dsec_error=1');
    expect(await paymentStatus(shared.server, orderId)).toBe('payment_failed');
  });

  it('pass_auth_fail: back WITHOUT dsec_error, order stays payment_failed', async () => {
    const { orderId, location } = await runChallenge(shared.server, 'pass_auth_fail', '/order/3dsec/');
    expect(location).toBe('http://shop.test:5173/order/3dsec/');
    expect(await paymentStatus(shared.server, orderId)).toBe('payment_failed');
  });

  it('completes only once', async () => {
    const { session } = await runChallenge(shared.server, 'pass');
    const again = await complete(shared.server, session, 'fail');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('完了しています');
    const page = await fetch(`${shared.server.url}/paygent/3ds/challenge?session=${session}`);
    expect(page.status).toBe(409);
  });

  it('refuses an unknown outcome without completing the session', async () => {
    const { acsHtml } = await purchase(shared.server);
    const session = await openChallenge(shared.server, acsHtml);
    expect((await complete(shared.server, session, 'maybe')).status).toBe(400);
    expect((await complete(shared.server, session, 'pass')).status).toBe(303);
  });
});

describe('return URL', () => {
  it('appends dsec_error=1 after an existing query and keeps the hash', async () => {
    const { location } = await runChallenge(shared.server, 'fail', '/order/3dsec/?step=return#result');
    expect(location).toBe('http://shop.test:5173/order/3dsec/?step=return&dsec_error=1#result');
  });

  it('appends to an empty query and before a bare hash', async () => {
    expect((await runChallenge(shared.server, 'timeout', '/done?')).location).toBe('http://shop.test:5173/done?dsec_error=1');
    expect((await runChallenge(shared.server, 'fail', '/done#top')).location).toBe('http://shop.test:5173/done?dsec_error=1#top');
  });

  it('keeps query and hash untouched on success', async () => {
    expect((await runChallenge(shared.server, 'pass', '/done?a=1#x')).location).toBe('http://shop.test:5173/done?a=1#x');
  });

  it('resolves a relative URL against the purchase request\'s Origin before frontendOrigin', async () => {
    const { location } = await runChallenge(shared.server, 'pass', '/order/3dsec/', { Origin: 'http://localhost:6006' });
    expect(location).toBe('http://localhost:6006/order/3dsec/');
  });

  it('falls back to the Referer origin', async () => {
    const { location } = await runChallenge(shared.server, 'fail', '/order/3dsec/', { Referer: 'http://localhost:4000/checkout?x=1' });
    expect(location).toBe('http://localhost:4000/order/3dsec/?dsec_error=1');
  });

  it('falls back to the sandbox origin without Origin, Referer or frontendOrigin', async () => {
    const bare = await start();
    try {
      const { location } = await runChallenge(bare.server, 'pass', '/order/3dsec/');
      expect(location).toBe(`${bare.server.url}/order/3dsec/`);
    } finally {
      await bare.close();
    }
  });

  it('keeps an absolute return URL as is', async () => {
    const { location } = await runChallenge(shared.server, 'fail', 'https://shop.example/3ds?o=1', { Origin: 'http://localhost:6006' });
    expect(location).toBe('https://shop.example/3ds?o=1&dsec_error=1');
  });
});

describe('time', () => {
  it('statusDelayMs: a passed order reads payment_failed until the delay is over', async () => {
    let clock = 1_700_000_000_000;
    const started = await start({ statusDelayMs: 5000, now: () => clock });
    try {
      const { orderId } = await runChallenge(started.server, 'pass');
      expect(await paymentStatus(started.server, orderId)).toBe('payment_failed');
      clock += 4999;
      expect(await paymentStatus(started.server, orderId)).toBe('payment_failed');
      clock += 1;
      expect(await paymentStatus(started.server, orderId)).toBe('paid');
    } finally {
      await started.close();
    }
  });

  it('challengeTimeoutMs: completing too late counts as a timeout whatever the button', async () => {
    let clock = 1_700_000_000_000;
    const started = await start({ challengeTimeoutMs: 60_000, now: () => clock });
    try {
      const { orderId, acsHtml } = await purchase(started.server);
      const session = await openChallenge(started.server, acsHtml);
      clock += 60_001;
      const response = await complete(started.server, session, 'pass');
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${started.server.url}/order/3dsec/?dsec_error=1`);
      expect(await paymentStatus(started.server, orderId)).toBe('payment_failed');
    } finally {
      await started.close();
    }
  });

  it('challengeTimeoutMs: completing just in time still passes', async () => {
    let clock = 1_700_000_000_000;
    const started = await start({ challengeTimeoutMs: 60_000, now: () => clock });
    try {
      const { orderId, acsHtml } = await purchase(started.server);
      const session = await openChallenge(started.server, acsHtml);
      clock += 60_000;
      const response = await complete(started.server, session, 'pass');
      expect(response.headers.get('location')).toBe(`${started.server.url}/order/3dsec/`);
      expect(await paymentStatus(started.server, orderId)).toBe('paid');
    } finally {
      await started.close();
    }
  });

  it('inst_ymdhi is the creation time in Japan time', async () => {
    const started = await start({ now: () => Date.UTC(2025, 0, 31, 15, 4, 5) });
    try {
      const { orderId } = await purchase(started.server);
      const response = await fetch(`${started.server.kurocoApiBase}/ec/order/${orderId}`, { headers: { 'X-RCMS-API-ACCESS-TOKEN': TOKEN } });
      const body = (await response.json()) as { details: { inst_ymdhi: string } };
      expect(body.details.inst_ymdhi).toBe('2025-02-01T00:04:05+09:00');
    } finally {
      await started.close();
    }
  });
});
