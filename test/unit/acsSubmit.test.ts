import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { submitAcsForm, type ParsedAcsForm } from '../../src/core/acs';
import { codeOf } from '../support/errors';

const parsed: ParsedAcsForm = {
  action: 'https://acs.example.jp/start?x=1',
  method: 'POST',
  fields: [
    ['creq', 'a&b<c>"'],
    ['submit', 'shadow'],
    ['action', 'javascript:alert(1)'],
    ['dup', '1'],
    ['dup', '2'],
    ['ta', 'line1\nline2'],
    ['名前', '山田'],
  ],
};

describe('submitAcsForm', () => {
  let submit: MockInstance<() => void>;
  beforeEach(() => {
    // jsdom cannot navigate: record the calls instead.
    submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
  });
  afterEach(() => {
    submit.mockRestore();
    document.body.replaceChildren();
  });

  it('builds a hidden form with exactly the given fields and submits it once', () => {
    const form = submitAcsForm(parsed);
    expect(form.isConnected).toBe(true);
    expect(form.parentNode).toBe(document.body);
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe(parsed.action);
    expect(form.hasAttribute('target')).toBe(false);
    expect(form.hidden).toBe(true);
    const inputs = Array.from(form.querySelectorAll('input'));
    expect(inputs.every((input) => input.type === 'hidden')).toBe(true);
    expect(inputs.map((input) => [input.name, input.value])).toEqual(parsed.fields);
    expect(Array.from(new FormData(form))).toEqual(parsed.fields);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.contexts[0]).toBe(form);
  });

  it('honours target, enctype and accept-charset', () => {
    const form = submitAcsForm({ ...parsed, method: 'GET', enctype: 'multipart/form-data', acceptCharset: 'UTF-8' }, { target: 'acs-frame' });
    expect(form.getAttribute('target')).toBe('acs-frame');
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
    expect(form.getAttribute('accept-charset')).toBe('UTF-8');
  });

  it('builds in the given document', () => {
    const other = document.implementation.createHTMLDocument('other');
    const form = submitAcsForm(parsed, { document: other });
    expect(form.ownerDocument).toBe(other);
    expect(other.body.contains(form)).toBe(true);
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('refuses script-bearing or relative actions without building anything', () => {
    for (const action of ['javascript:alert(1)', 'data:text/html,x', 'blob:https://acs.example.jp/1', 'file:///x', 'about:blank', '/relative', 'vbscript:x']) {
      expect(codeOf(() => submitAcsForm({ ...parsed, action })), action).toBe('acs_action_not_allowed');
    }
    expect(document.forms).toHaveLength(0);
    expect(submit).not.toHaveBeenCalled();
  });

  it('applies the full policy when allowedActionOrigins is given', () => {
    expect(codeOf(() => submitAcsForm(parsed, { allowedActionOrigins: ['https://other.example.jp'] }))).toBe('acs_action_not_allowed');
    expect(codeOf(() => submitAcsForm({ ...parsed, action: 'http://acs.example.jp/' }, { allowedActionOrigins: ['http://acs.example.jp'] }))).toBe('acs_action_not_allowed');
    expect(submitAcsForm({ ...parsed, action: 'http://localhost:6006/p' }, { allowedActionOrigins: ['http://localhost:6006'] }).getAttribute('action')).toBe('http://localhost:6006/p');
  });

  it('refuses a value that is not a parsed form', () => {
    const bad: unknown[] = [null, {}, { ...parsed, method: 'DIALOG' }, { ...parsed, fields: [['a']] }, { ...parsed, fields: [['a', 1]] }, { ...parsed, fields: 'a=1' }, { ...parsed, enctype: 3 }];
    for (const value of bad) {
      expect(codeOf(() => submitAcsForm(value as ParsedAcsForm)), JSON.stringify(value)).toBe('acs_html_invalid');
    }
    expect(submit).not.toHaveBeenCalled();
  });

  it('accepts a hand-made lower-case method', () => {
    expect(submitAcsForm({ ...parsed, method: 'post' as 'POST' }).getAttribute('method')).toBe('post');
  });

  it('throws misconfigured without a document', () => {
    vi.stubGlobal('document', undefined);
    try {
      expect(codeOf(() => submitAcsForm(parsed))).toBe('misconfigured');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
