// F5, F7: the kit must submit the form the ACS page's own script would submit, and refuse what
// no real ACS answer looks like before spending the main thread on it. The "oracle" is the same
// markup in a frame with scripting on, where `document.submitForm` is what Paygent's script posts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAcsHtml } from '../../src/core/acs';
import { ACS_HTML_MAX_LENGTH } from '../../src/core/acs/parseAcsHtml';
import { codeOf } from '../support/errors';

const ACS = 'https://acs.example.test/3ds/acs';
const EVIL = 'https://evil.example.test/noscript';
const form = (action: string, value = 'real-pareq') => `<form name="submitForm" action="${action}" method="POST"><input type="hidden" name="PaReq" value="${value}"></form>`;
const page = (body: string) => `<!DOCTYPE html><html><head><title>3D Secure</title></head><body>${body}</body></html>`;

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  vi.restoreAllMocks();
});

/** The action of `document.submitForm` in a scripting-enabled document holding `html` (no script runs: there is none). */
async function oracleAction(html: string): Promise<string | undefined> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-scripts');
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  const named = (frame.contentDocument as (Document & { submitForm?: unknown }) | null)?.submitForm;
  return named instanceof (frame.contentWindow as unknown as typeof globalThis).HTMLFormElement ? named.action : undefined;
}

describe('which form the kit picks', () => {
  const decoys: Array<[string, string]> = [
    ['a decoy submitForm inside <noscript> before the real one', page(`<noscript>${form(EVIL, 'stolen')}</noscript>${form(ACS)}`)],
    ['a decoy submitForm inside <template>', page(`<template>${form(EVIL, 'stolen')}</template>${form(ACS)}`)],
    ['a decoy form without a name inside <noscript>, before an unnamed real form', page(`<noscript><form action="${EVIL}" method="post"></form></noscript><form action="${ACS}" method="post"><input type="hidden" name="creq" value="c"></form>`)],
  ];

  it.each(decoys)('%s: the real form, as the page’s own script sees it', async (_name, html) => {
    const parsed = parseAcsHtml(html);
    expect(parsed.action).toBe(ACS);
    expect(JSON.stringify(parsed.fields)).not.toContain('stolen');
    const oracle = await oracleAction(html);
    if (oracle !== undefined) expect(parsed.action).toBe(oracle);
  });

  // With scripting off, a <form> ends a <noscript> in <head> and lands in <body>, outside any
  // noscript: there is no subtree to drop. Two forms named submitForm then fail closed.
  it('a decoy submitForm inside <noscript> in <head> is refused, never submitted', () => {
    const html = `<html><head><noscript>${form(EVIL, 'stolen')}</noscript></head><body>${form(ACS)}</body></html>`;
    expect(codeOf(() => parseAcsHtml(html))).toBe('acs_html_invalid');
  });

  it('a form that exists only inside <noscript> is no form (a scripted page has none)', () => {
    expect(codeOf(() => parseAcsHtml(page(`<noscript>${form(EVIL)}</noscript>`)))).toBe('acs_html_invalid');
  });

  it('fields inside a <noscript> within the real form are not sent (a scripted page has none)', () => {
    const parsed = parseAcsHtml(page(`<form name="submitForm" action="${ACS}" method="post"><input type="hidden" name="PaReq" value="p"><noscript><input type="hidden" name="extra" value="x"><input type="submit" value="次へ"></noscript></form>`));
    expect(parsed.fields).toEqual([['PaReq', 'p']]);
  });

  it.each([undefined, [ACS]])('two forms named submitForm are acs_html_invalid (allowedActionOrigins %j)', (allowed) => {
    const html = page(`${form(EVIL, 'stolen')}${form(ACS)}`);
    expect(codeOf(() => parseAcsHtml(html, allowed ? { allowedActionOrigins: allowed } : {}))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml(page(`${form(ACS)}${form(ACS)}`)))).toBe('acs_html_invalid');
  });

  it('two forms with the id submitForm (and none named so) are acs_html_invalid too', () => {
    const html = page(`<form id="submitForm" action="${EVIL}" method="post"></form><form id="submitForm" action="${ACS}" method="post"></form>`);
    expect(codeOf(() => parseAcsHtml(html))).toBe('acs_html_invalid');
  });
});

describe('size cap', () => {
  it(`refuses ${ACS_HTML_MAX_LENGTH / 1024} KiB + 1 KiB of deep nesting before parsing: no DOMParser call`, () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const depth = Math.ceil((65 * 1024) / '<div>'.length);
    const html = `${'<div>'.repeat(depth)}${form(ACS)}`;
    expect(html.length).toBeGreaterThan(ACS_HTML_MAX_LENGTH);
    const started = performance.now();
    expect(codeOf(() => parseAcsHtml(html))).toBe('acs_html_invalid');
    expect(performance.now() - started).toBeLessThan(200);
    expect(parse).not.toHaveBeenCalled();
  });

  it('still parses a document right at the cap', () => {
    const body = form(ACS);
    const html = `${body}<!--${'x'.repeat(ACS_HTML_MAX_LENGTH - body.length - 7)}-->`;
    expect(html.length).toBe(ACS_HTML_MAX_LENGTH);
    expect(parseAcsHtml(html).action).toBe(ACS);
  });
});
