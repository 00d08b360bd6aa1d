import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAcsHtml } from '../../src/core/acs';
import { codeOf } from '../support/errors';

const ACS = 'https://acs.example.jp/3ds/start';

/** The shape Paygent's telegram 450 answer is expected to have (kuroco.md §2.3). */
const paygentDocument = `<html>
<head><title>3D</title><script>function OnLoadEvent(){ document.submitForm.submit(); }</script></head>
<body onload="OnLoadEvent();">
<form name="submitForm" id="submitForm" action="${ACS}" method="POST">
  <input type="hidden" name="threeDSMethodData" value="eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6IjEifQ==">
  <input type="hidden" name="creq" value="a&amp;b&lt;c&gt;&quot;d&#x3042;">
  <noscript><input type="submit" value="次へ"></noscript>
</form>
</body>
</html>`;

describe('parseAcsHtml: which form', () => {
  it('reads a full Paygent-like document', () => {
    expect(parseAcsHtml(paygentDocument)).toEqual({
      action: ACS,
      method: 'POST',
      fields: [
        ['threeDSMethodData', 'eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6IjEifQ=='],
        ['creq', 'a&b<c>"dあ'],
      ],
    });
  });

  it('reads a bare <form> fragment', () => {
    const parsed = parseAcsHtml(`<form name="submitForm" action="${ACS}" method="post"><input type="hidden" name="a" value="1"></form>`);
    expect(parsed).toEqual({ action: ACS, method: 'POST', fields: [['a', '1']] });
  });

  it('prefers the form named submitForm even when it is not first', () => {
    const html = `<form action="https://other.example/x" method="post"><input name="other" value="1"></form>
      <form name="submitForm" action="${ACS}" method="post"><input name="mine" value="2"></form>`;
    expect(parseAcsHtml(html).fields).toEqual([['mine', '2']]);
  });

  it('falls back to id="submitForm", then to the first form with a non-empty action', () => {
    const byId = `<form action="https://other.example/x"></form><form id="submitForm" action="${ACS}" method="post"><input name="a" value="id"></form>`;
    expect(parseAcsHtml(byId).fields).toEqual([['a', 'id']]);
    const byAction = `<form><input name="a" value="no action"></form><form action="  "></form><form action="${ACS}"><input name="a" value="first with action"></form>`;
    expect(parseAcsHtml(byAction)).toMatchObject({ method: 'GET', fields: [['a', 'first with action']] });
  });

  it('refuses markup without a usable form', () => {
    expect(codeOf(() => parseAcsHtml(''))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml('<p>認証中です</p>'))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml('<form><input name="a"></form>'))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml(`<form name="submitForm" action=""></form><form action="${ACS}"></form>`))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml(`<template><form action="${ACS}"></form></template>`))).toBe('acs_html_invalid');
    expect(codeOf(() => parseAcsHtml(42 as unknown as string))).toBe('acs_html_invalid');
  });

  it('accepts GET and POST in any ASCII case and refuses other methods', () => {
    expect(parseAcsHtml(`<form action="${ACS}" method="PoSt"></form>`).method).toBe('POST');
    expect(parseAcsHtml(`<form action="${ACS}" method="get"></form>`).method).toBe('GET');
    expect(parseAcsHtml(`<form action="${ACS}"></form>`).method).toBe('GET');
    for (const method of ['dialog', 'put', '', ' post', 'poſt']) {
      expect(codeOf(() => parseAcsHtml(`<form action="${ACS}" method="${method}"></form>`)), method).toBe('acs_html_invalid');
    }
  });

  it('keeps enctype (normalised) and accept-charset when the markup has them', () => {
    const parsed = parseAcsHtml(`<form action="${ACS}" method="post" enctype="MULTIPART/form-data" accept-charset="UTF-8"></form>`);
    expect(parsed.enctype).toBe('multipart/form-data');
    expect(parsed.acceptCharset).toBe('UTF-8');
    expect(parseAcsHtml(`<form action="${ACS}" enctype="bogus"></form>`).enctype).toBe('application/x-www-form-urlencoded');
    expect(parseAcsHtml(`<form action="${ACS}"></form>`)).not.toHaveProperty('enctype');
  });
});

describe('parseAcsHtml: action', () => {
  it('decodes entities and resolves a relative action against baseUrl', () => {
    expect(parseAcsHtml(`<form action="https://acs.example.jp/s?a=1&amp;b=2"></form>`).action).toBe('https://acs.example.jp/s?a=1&b=2');
    expect(parseAcsHtml(`<form action="/3ds?x=1"></form>`, { baseUrl: 'https://merchant.example.jp/checkout/' }).action).toBe('https://merchant.example.jp/3ds?x=1');
  });

  it('ignores a <base href> in the markup', () => {
    const html = `<base href="https://evil.example/"><form action="/3ds"></form>`;
    expect(parseAcsHtml(html, { baseUrl: 'https://merchant.example.jp/' }).action).toBe('https://merchant.example.jp/3ds');
  });

  it('resolves against document.baseURI by default, where http is refused', () => {
    // jsdom's page is http://localhost:3000/ (Vitest's default).
    expect(document.baseURI.startsWith('http:')).toBe(true);
    expect(codeOf(() => parseAcsHtml('<form action="/3ds"></form>'))).toBe('acs_action_not_allowed');
    const origin = new URL(document.baseURI).origin;
    expect(parseAcsHtml('<form action="/3ds"></form>', { allowedActionOrigins: [origin] }).action).toBe(`${origin}/3ds`);
  });

  it('refuses a malformed baseUrl as misconfigured', () => {
    expect(codeOf(() => parseAcsHtml(`<form action="${ACS}"></form>`, { baseUrl: 'not a url' }))).toBe('misconfigured');
  });

  it('ignores formaction/formmethod on buttons and clobbering controls', () => {
    const html = `<form name="submitForm" action="${ACS}" method="post">
      <input name="action" value="javascript:alert(1)"><input name="method" value="dialog">
      <input name="getAttribute" value="x"><input name="elements" value="y">
      <button formaction="javascript:alert(1)" formmethod="get" name="b" value="1">go</button>
    </form>`;
    expect(parseAcsHtml(html)).toEqual({
      action: ACS,
      method: 'POST',
      fields: [
        ['action', 'javascript:alert(1)'],
        ['method', 'dialog'],
        ['getAttribute', 'x'],
        ['elements', 'y'],
      ],
    });
  });

  it('is not fooled by a form or image that clobbers document.forms', () => {
    const html = `<img name="forms"><form name="getElementsByTagName"></form><form name="submitForm" action="${ACS}"><input name="a" value="1"></form>`;
    expect(parseAcsHtml(html).fields).toEqual([['a', '1']]);
  });
});

describe('parseAcsHtml: fields', () => {
  const parseFields = (inner: string, outside = '') => parseAcsHtml(`<form id="f" name="submitForm" action="${ACS}" method="post">${inner}</form>${outside}`).fields;

  it('follows the entry list rules', () => {
    const fields = parseFields(
      `<input name="text" value=" spaced ">
       <input name="noValue">
       <input value="nameless"><input name="" value="empty name">
       <input name="disabled" value="x" disabled>
       <fieldset disabled><legend><input name="inLegend" value="1"></legend><input name="inFieldset" value="2"></fieldset>
       <input type="checkbox" name="cb" checked><input type="checkbox" name="cbOff" value="x">
       <input type="radio" name="r" value="a" checked><input type="radio" name="r" value="b" checked>
       <input type="submit" name="submit" value="次へ"><input type="image" name="img"><input type="reset" name="reset"><input type="button" name="btn">
       <button name="button" value="1">b</button>
       <select name="single"><option value="1">one</option><option selected>  two  words </option></select>
       <select name="implicit"><option disabled>no</option><option>first enabled</option></select>
       <select name="multi" multiple><option selected>a</option><option>b</option><option selected disabled>c</option><optgroup disabled><option selected>d</option></optgroup><option selected>e</option></select>
       <select name="none" multiple><option>a</option></select>
       <textarea name="ta">
line1
line2</textarea>
       <input type="hidden" name="_CHARSET_" value="Shift_JIS">
       <input type="file" name="upload">
       <input type="number" name="num" value=" 12"><input type="email" name="mail" value=" a@example.jp "><input type="range" name="range"><input type="color" name="color" value="RED">
       <datalist><input name="inDatalist" value="1"></datalist>
       <object name="obj"></object><output name="out">o</output>
       <input name="dup" value="1"><input name="dup" value="2">
       <input name="jp" value="山田&#x20;太郎&amp;">`,
      '<input form="f" name="outside" value="3">',
    );
    expect(fields).toEqual([
      ['text', ' spaced '],
      ['noValue', ''],
      ['inLegend', '1'],
      ['cb', 'on'],
      ['r', 'b'],
      ['single', 'two words'],
      ['implicit', 'first enabled'],
      ['multi', 'a'],
      ['multi', 'e'],
      ['ta', 'line1\nline2'],
      ['_CHARSET_', 'UTF-8'],
      ['upload', ''],
      ['num', ''],
      ['mail', 'a@example.jp'],
      ['range', '50'],
      ['color', '#000000'],
      ['dup', '1'],
      ['dup', '2'],
      ['jp', '山田 太郎&'],
      ['outside', '3'],
    ]);
  });

  it('adds dirname entries with the control direction', () => {
    const fields = parseFields('<input name="q" value="abc" dirname="q.dir"><div dir="rtl"><textarea name="t" dirname="t.dir">x</textarea></div>');
    expect(fields).toEqual([
      ['q', 'abc'],
      ['q.dir', 'ltr'],
      ['t', 'x'],
      ['t.dir', 'rtl'],
    ]);
  });

  it('follows the parser for nested forms', () => {
    // The inner <form> start tag is dropped: its inputs belong to the outer form. (Forms broken
    // by <table> depend on the parser's form pointer, which jsdom lacks: see test/browser.)
    const nested = parseAcsHtml(`<form action="${ACS}"><input name="a" value="1"><form name="submitForm" action="https://x.example/"><input name="b" value="2"></form></form>`);
    expect(nested.fields).toEqual([['a', '1'], ['b', '2']]);
  });
});

describe('parseAcsHtml: environment and options', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('throws misconfigured without DOMParser (server rendering)', () => {
    vi.stubGlobal('DOMParser', undefined);
    expect(codeOf(() => parseAcsHtml(paygentDocument))).toBe('misconfigured');
    try {
      parseAcsHtml(paygentDocument);
    } catch (error) {
      expect((error as Error).message).toMatch(/browser/);
    }
  });

  it('parses with DOMParser as text/html', () => {
    const spy = vi.spyOn(DOMParser.prototype, 'parseFromString');
    parseAcsHtml(paygentDocument);
    expect(spy).toHaveBeenCalledWith(paygentDocument, 'text/html');
    spy.mockRestore();
  });

  it('does not run scripts or handlers from the markup', () => {
    const flag = vi.fn();
    vi.stubGlobal('__pwned', flag);
    const html = `<body onload="__pwned()"><script>__pwned()</script><img src="x" onerror="__pwned()"><form name="submitForm" action="${ACS}"><input name="a" value="1"></form></body>`;
    expect(parseAcsHtml(html).fields).toEqual([['a', '1']]);
    expect(flag).not.toHaveBeenCalled();
  });
});
