// parseAcsHtml on a 20 KB Paygent-shaped `out_acs_html` (a full document with body onload, the
// form `submitForm`, many hidden fields), timed in the page with performance.now(). The same
// document through DOMParser alone is timed too: the browser's parse is the floor under the kit's.
import { parseAcsHtml } from '../../src/core/acs/parseAcsHtml';
import { SANDBOX_URL } from './shared';

const ACTION = `${SANDBOX_URL}/paygent/3ds/connector`;
export const TARGET_BYTES = 20 * 1024;

// Deterministic filler, so every run parses the same bytes.
let seed = 20_240_801;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64 = (length: number) => Array.from({ length }, () => BASE64[Math.floor(random() * 64)]).join('');
const uuid = () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('')).join('-');
const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Hidden fields of the kind a 3-D Secure server hand-off carries (EMV 3DS 2.2 browser data, ids, signed blobs). */
function fields(): Array<[string, string]> {
  const creq = btoa(JSON.stringify({ threeDSServerTransID: uuid(), acsTransID: uuid(), challengeWindowSize: '05', messageType: 'CReq', messageVersion: '2.2.0' }));
  return [
    ['tds_session_ref', `${base64(43)}.${base64(43)}`],
    ['tds_trans_id', uuid()],
    ['tds_browser_nonce', base64(32)],
    ['tds_message_version', '2.2.0'],
    ['threeDSServerTransID', uuid()],
    ['dsTransID', uuid()],
    ['acsTransID', uuid()],
    ['creq', creq],
    ['threeDSSessionData', base64(256)],
    ['merchant_id', '39999'],
    ['merchant_name', 'サンドボックス商店'],
    ['payment_id', String(Math.floor(random() * 1e10))],
    ['trading_id', `order-${Math.floor(random() * 1e8)}`],
    ['payment_amount', '1100'],
    ['purchase_currency', '392'],
    ['acquirer_bin', '400551'],
    ['acquirer_merchant_id', base64(15)],
    ['notification_url', 'https://shop.example.jp/paygent/3ds/notify?ref=' + base64(24)],
    ['browser_accept_header', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['browser_user_agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
    ['browser_language', 'ja-JP'],
    ['browser_color_depth', '24'],
    ['browser_screen_height', '900'],
    ['browser_screen_width', '1440'],
    ['browser_tz', '-540'],
    ['browser_java_enabled', 'false'],
    ['browser_javascript_enabled', 'true'],
    ['browser_ip', '203.0.113.10'],
    ['three_ds_requestor_authentication_ind', '01'],
    ['three_ds_comp_ind', 'Y'],
  ];
}

/** The document, padded to exactly `bytes` of UTF-8 with signed-content fields (as JWS blobs are). */
export function paygentDocument(bytes = TARGET_BYTES): { html: string; fieldCount: number } {
  const list = fields();
  const render = (extra: Array<[string, string]>) => {
    const inputs = [...list, ...extra].map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">\r\n`).join('');
    return (
      '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\r\n<title>3Dセキュア認証</title>\r\n' +
      '<style>body{font-family:sans-serif;margin:2em}input[type=submit]{font-size:1.2em}</style>\r\n</head>\r\n' +
      '<body onload="OnLoadEvent();">\r\n' +
      `<form name="submitForm" action="${ACTION}" method="POST">\r\n${inputs}` +
      'カード会社の本人認証画面へ移動します。自動で移動しない場合は「次へ」を押してください。<br>\r\n' +
      '<noscript>JavaScript が無効になっています。「次へ」ボタンを押して続けてください。</noscript>\r\n' +
      '<input type="submit" value="次へ">\r\n</form>\r\n' +
      '<script>function OnLoadEvent(){ document.submitForm.submit(); }</script>\r\n</body>\r\n</html>\r\n'
    );
  };
  const size = (text: string) => new TextEncoder().encode(text).length;
  const extra: Array<[string, string]> = [];
  // Whole 1 KB signed blobs while they fit, then one last field sized to land on `bytes` exactly.
  for (let n = 1; size(render([...extra, [`acs_signed_content_${n}`, base64(1024)]])) <= bytes; n += 1) extra.push([`acs_signed_content_${n}`, base64(1024)]);
  const last = `acs_signed_content_${extra.length + 1}`;
  const room = bytes - size(render([...extra, [last, '']]));
  if (room > 0) extra.push([last, base64(room)]);
  const html = render(extra);
  return { html, fieldCount: list.length + extra.length };
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), min: sorted[0]!, samples: sorted.length };
};

/** Per-call times in ms: `batches` batches of `perBatch` calls each (performance.now() is coarse, so calls are timed in batches). */
function time(run: () => unknown, batches: number, perBatch: number) {
  for (let i = 0; i < 200; i += 1) run(); // warm-up: let V8 optimise before timing
  const perCall: number[] = [];
  for (let b = 0; b < batches; b += 1) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i += 1) run();
    perCall.push((performance.now() - start) / perBatch);
  }
  return summary(perCall);
}

declare global {
  interface Window {
    parseBench(options?: { batches?: number; perBatch?: number }): Promise<unknown>;
  }
}

window.parseBench = async ({ batches = 200, perBatch = 10 } = {}) => {
  const { html, fieldCount } = paygentDocument();
  const parsed = parseAcsHtml(html, { allowedActionOrigins: [SANDBOX_URL] });
  if (parsed.action !== ACTION || parsed.fields.length !== fieldCount) throw new Error('parseAcsHtml did not read the whole form');
  const parser = new DOMParser();
  return {
    bytes: new TextEncoder().encode(html).length,
    fields: fieldCount,
    kit: time(() => parseAcsHtml(html, { allowedActionOrigins: [SANDBOX_URL] }), batches, perBatch),
    domParserOnly: time(() => parser.parseFromString(html, 'text/html'), batches, perBatch),
  };
};
document.body.dataset.ready = 'true';
