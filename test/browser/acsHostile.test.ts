// Hostile ACS HTML never executes: not while parsing, not after the rebuilt form is submitted.
// Every payload reports through `__pwn(label)` (reachable as `window.__pwn` or `parent.__pwn`)
// if it ever runs; refused actions must throw the right code before anything is built.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAcsHtml, submitAcsForm, type ParsedAcsForm } from '../../src/core/acs';
import { codeOf } from '../support/errors';

declare global {
  interface Window {
    __pwn?: (label: string) => void;
  }
}

const ACS = 'https://acs.example.invalid/3ds/start';
const run = (label: string) => `(window.__pwn||parent.__pwn||top.__pwn)('${label}')`;
const encodedRun = (label: string) => encodeURIComponent(`<script>${run(label)}</script>`);

/** Payloads around an otherwise valid form, so parsing succeeds and the form is submitted. */
const payloads: Array<{ name: string; html: string }> = [
  { name: 'script in head and body', html: `<html><head><script>${run('head-script')}</script></head><body><script>${run('body-script')}</script>%FORM%</body></html>` },
  { name: 'body onload (Paygent style)', html: `<html><body onload="${run('body-onload')}">%FORM%<script>function OnLoadEvent(){${run('OnLoadEvent')}}</script></body></html>` },
  { name: 'img onerror / onload', html: `<img src="x-missing.png" onerror="${run('img-onerror')}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="${run('img-onload')}">%FORM%` },
  { name: 'svg onload and svg script', html: `<svg onload="${run('svg-onload')}"><script>${run('svg-script')}</script><animate onbegin="${run('svg-animate')}" attributeName="x" dur="1s"/></svg>%FORM%` },
  { name: 'iframe srcdoc and javascript: src', html: `<iframe srcdoc="&lt;script&gt;${run('srcdoc')}&lt;/script&gt;"></iframe><iframe src="javascript:${run('iframe-js')}"></iframe>%FORM%` },
  { name: 'object and embed with data: documents', html: `<object data="data:text/html,${encodedRun('object')}"></object><embed src="data:text/html,${encodedRun('embed')}">%FORM%` },
  { name: 'meta refresh to javascript: and elsewhere', html: `<meta http-equiv="refresh" content="0;url=javascript:${run('meta-js')}"><meta http-equiv="refresh" content="0;url=https://evil.example.invalid/">%FORM%` },
  { name: 'autofocus, toggle, media and style handlers', html: `<input autofocus onfocus="${run('autofocus')}"><details open ontoggle="${run('toggle')}"></details><video><source onerror="${run('video')}"></video><style onload="${run('style')}"></style><link rel="stylesheet" href="data:text/css,a{}" onload="${run('link')}">%FORM%` },
  { name: 'script with data: src, template and noscript', html: `<script src="data:text/javascript,${encodeURIComponent(run('script-src'))}"></script><template><script>${run('template')}</script><img src=x onerror="${run('template-img')}"></template><noscript><img src="x" onerror="${run('noscript-img')}"></noscript>%FORM%` },
  {
    name: 'handlers and javascript: inside the form itself',
    html: `<form name="submitForm" action="${ACS}" method="post" onsubmit="${run('onsubmit')}" onformdata="${run('onformdata')}"><input type="hidden" name="creq" value="x" oninput="${run('oninput')}"><button formaction="javascript:${run('formaction')}">go</button><input type="image" src="x" onerror="${run('image-input')}" formaction="javascript:${run('image-formaction')}"><a href="javascript:${run('link-href')}">x</a></form>`,
  },
];

const FORM = `<form name="submitForm" action="${ACS}" method="POST"><input type="hidden" name="creq" value="payload&lt;script&gt;"></form>`;

const pwned: string[] = [];
const sinks: HTMLIFrameElement[] = [];
let startUrl = '';

beforeEach(() => {
  pwned.length = 0;
  window.__pwn = (label) => pwned.push(label);
  startUrl = location.href;
});
afterEach(() => {
  delete window.__pwn;
  for (const sink of sinks.splice(0)) sink.remove();
  vi.restoreAllMocks();
});

/** Long enough for image errors, frame loads, meta refreshes and focus to have happened. */
async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** A plain, scriptable named frame: if the rebuilt form carried script, it would run here. */
function namedSink(): string {
  const sink = document.createElement('iframe');
  sink.name = `acs-hostile-sink-${sinks.length}-${Math.random().toString(36).slice(2)}`;
  sinks.push(sink);
  document.body.append(sink);
  return sink.name;
}

describe('hostile markup never runs', () => {
  it('the detector works: the same payload in a live frame does report', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>${run('control')}</script>`;
    sinks.push(frame);
    document.body.append(frame);
    await settle();
    expect(pwned).toEqual(['control']);
  });

  it.each(payloads)('$name', async ({ html }) => {
    const markup = html.includes('%FORM%') ? html.replace('%FORM%', FORM) : html;
    const parsed = parseAcsHtml(markup);
    expect(parsed.action).toBe(ACS);
    expect(parsed.method).toBe('POST');
    await settle();
    expect(pwned).toEqual([]);

    // The navigation to the (unresolvable) ACS host fails offline; we only need it to start.
    const rebuilt = submitAcsForm(parsed, { target: namedSink() });
    expect(Array.from(rebuilt.querySelectorAll('*')).every((element) => element instanceof HTMLInputElement && element.type === 'hidden')).toBe(true);
    expect(rebuilt.attributes.length).toBeLessThanOrEqual(6);
    expect(Array.from(rebuilt.attributes, (attribute) => attribute.name).filter((name) => name.startsWith('on'))).toEqual([]);
    await settle();
    expect(pwned).toEqual([]);
    expect(location.href).toBe(startUrl);
    rebuilt.remove();
  });

  it('keeps the form action when buttons carry formaction/formmethod', () => {
    const parsed = parseAcsHtml(payloads.find(({ name }) => name.startsWith('handlers'))?.html ?? '');
    expect(parsed).toMatchObject({ action: ACS, method: 'POST', fields: [['creq', 'x']] });
  });
});

describe('refused actions throw before anything is built', () => {
  const refused = [
    `javascript:${run('js-action')}`,
    `JaVaScRiPt:${run('js-case')}`,
    `&#x09;java&#x0A;script&#x0D;:${run('js-entities')}`,
    `data:text/html,${encodedRun('data-action')}`,
    'blob:https://acs.example.invalid/0b4f',
    'file:///etc/passwd',
    'about:blank',
    'vbscript:msgbox(1)',
    'http://acs.example.invalid/3ds',
    'ftp://acs.example.invalid/3ds',
  ];

  it.each(refused)('parseAcsHtml refuses %s', async (action) => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const formsBefore = document.forms.length;
    expect(codeOf(() => parseAcsHtml(`<form name="submitForm" action="${action}" method="post"><input name="a" value="1"></form>`))).toBe('acs_action_not_allowed');
    expect(codeOf(() => parseAcsHtml(`<form name="submitForm" action="${action}" method="post"></form>`, { allowedActionOrigins: [ACS] }))).toBe('acs_action_not_allowed');
    await settle();
    expect(pwned).toEqual([]);
    expect(submit).not.toHaveBeenCalled();
    expect(document.forms.length).toBe(formsBefore);
  });

  it('names the refused URL in the message', () => {
    expect(() => parseAcsHtml('<form action="http://acs.example.invalid/3ds"></form>')).toThrow(/http:\/\/acs\.example\.invalid\/3ds/);
  });

  it.each(refused.filter((action) => !action.startsWith('&') && !action.startsWith('http')))('submitAcsForm refuses a hand-made %s', async (action) => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const formsBefore = document.forms.length;
    const handMade: ParsedAcsForm = { action, method: 'POST', fields: [['a', '1']] };
    expect(codeOf(() => submitAcsForm(handMade, { target: namedSink() }))).toBe('acs_action_not_allowed');
    await settle();
    expect(pwned).toEqual([]);
    expect(submit).not.toHaveBeenCalled();
    expect(document.forms.length).toBe(formsBefore);
  });

  it('refuses an action outside allowedActionOrigins', () => {
    expect(codeOf(() => parseAcsHtml(FORM, { allowedActionOrigins: ['https://other.example.invalid'] }))).toBe('acs_action_not_allowed');
    expect(parseAcsHtml(FORM, { allowedActionOrigins: ['https://acs.example.invalid'] }).action).toBe(ACS);
  });
});

describe('<base href> in the markup cannot move the action', () => {
  const html = `<base href="https://evil.example.invalid/"><form name="submitForm" action="/3ds/start" method="post"><input name="a" value="1"></form>`;

  it('resolves a relative action against baseUrl, not the markup base', () => {
    expect(parseAcsHtml(html, { baseUrl: 'https://merchant.example.invalid/checkout/' }).action).toBe('https://merchant.example.invalid/3ds/start');
  });

  it('resolves against the page by default, where plain http is refused unless listed', () => {
    expect(codeOf(() => parseAcsHtml(html))).toBe('acs_action_not_allowed');
    expect(parseAcsHtml(html, { allowedActionOrigins: [location.origin] }).action).toBe(`${location.origin}/3ds/start`);
  });

  it('a javascript: base changes nothing either', () => {
    const jsBase = `<base href="javascript:${run('base')}//"><form action="/x" method="post"></form>`;
    expect(parseAcsHtml(jsBase, { baseUrl: 'https://merchant.example.invalid/' }).action).toBe('https://merchant.example.invalid/x');
    expect(pwned).toEqual([]);
  });
});
