// submitAcsForm in Chromium: exactly the given fields, one submission, into the given target,
// whatever the fields are called. Navigations go to a same-origin path that 404s (loopback http,
// allowed because the origin is listed), so the landing URL shows what was sent for GET forms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { submitAcsForm, type ParsedAcsForm } from '../../src/core/acs';
import { landing } from '../support/frames';

const echo = () => `${location.origin}/__acs_echo__.txt`;
const allowed = () => ({ allowedActionOrigins: [location.origin] });

const frames: HTMLIFrameElement[] = [];
const forms: HTMLFormElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  for (const form of forms.splice(0)) form.remove();
  vi.restoreAllMocks();
});

async function namedFrame(sandbox = 'allow-same-origin'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.name = `acs-submit-sink-${Math.random().toString(36).slice(2)}`;
  frame.setAttribute('sandbox', sandbox);
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Entry lists the browser built for real submissions (the `formdata` event bubbles). */
function recordSubmissions(target: Document = document): Array<Array<[string, string]>> {
  const lists: Array<Array<[string, string]>> = [];
  target.addEventListener('formdata', (event) => {
    lists.push(Array.from(event.formData, ([name, value]): [string, string] => [name, String(value)]));
  });
  return lists;
}

const shadowing: ParsedAcsForm['fields'] = [
  ['submit', 'field named submit'],
  ['action', 'javascript:alert(1)'],
  ['method', 'dialog'],
  ['target', '_top'],
  ['append', 'x'],
  ['setAttribute', 'x'],
  ['elements', 'x'],
  ['dup', '1'],
  ['dup', '2'],
  ['氏名', '山田 太郎'],
  ['multi', 'line1\nline2'],
];

describe('submitAcsForm', () => {
  it('submits exactly the given fields once, into the target frame, even with shadowing names', async () => {
    const frame = await namedFrame();
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit');
    const submissions = recordSubmissions();
    let form: HTMLFormElement | undefined;
    const url = await landing(frame, () => {
      form = submitAcsForm({ action: `${echo()}?dropped=1`, method: 'GET', fields: shadowing }, { target: frame.name, ...allowed() });
    });
    if (form === undefined) throw new Error('no form');
    forms.push(form);

    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.contexts[0]).toBe(form);
    expect(submissions).toEqual([shadowing]);
    // A GET submission replaces the action's query with the fields, CRLF-normalised on the wire.
    const wire = shadowing.map(([name, value]): [string, string] => [name, value.replace(/\n/g, '\r\n')]);
    expect(url).toBe(`${echo()}?${new URLSearchParams(wire).toString()}`);
    expect(location.href).not.toContain('__acs_echo__');

    expect(form.isConnected).toBe(true);
    expect(form.hidden).toBe(true);
    expect(getComputedStyle(form).display).toBe('none');
    expect(form.getAttribute('target')).toBe(frame.name);
    expect(form.getAttribute('method')).toBe('get');
    expect(Array.from(form.children, (child) => [(child as HTMLInputElement).type, (child as HTMLInputElement).name, (child as HTMLInputElement).value])).toEqual(
      shadowing.map(([name, value]) => ['hidden', name, value]),
    );
  });

  it('POSTs into the target frame', async () => {
    const frame = await namedFrame();
    const submissions = recordSubmissions();
    const fields: ParsedAcsForm['fields'] = [['creq', 'eyJ4IjoxfQ=='], ['submit', 's']];
    const url = await landing(frame, () => {
      forms.push(submitAcsForm({ action: `${echo()}?q=kept`, method: 'POST', fields }, { target: frame.name, ...allowed() }));
    });
    expect(url).toBe(`${echo()}?q=kept`);
    expect(submissions).toEqual([fields]);
  });

  it('without a target, navigates the browsing context of the given document', async () => {
    // The form lives in the frame's document this time, so the frame must allow forms.
    const frame = await namedFrame('allow-same-origin allow-forms');
    const frameDocument = frame.contentDocument;
    if (frameDocument === null) throw new Error('no frame document');
    const submissions = recordSubmissions(frameDocument);
    const url = await landing(frame, () => {
      const form = submitAcsForm({ action: echo(), method: 'GET', fields: [['a', '1']] }, { document: frameDocument, ...allowed() });
      expect(form.ownerDocument).toBe(frameDocument);
      expect(form.hasAttribute('target')).toBe(false);
    });
    expect(url).toBe(`${echo()}?a=1`);
    expect(submissions).toEqual([[['a', '1']]]);
    expect(location.href).not.toContain('__acs_echo__');
  });

  it('keeps a non-UTF-8 _charset_ value that a hidden input would lose', async () => {
    const frame = await namedFrame();
    const fields: ParsedAcsForm['fields'] = [['_charset_', 'UTF-8'], ['_CHARSET_', 'from a text input']];
    const url = await landing(frame, () => {
      forms.push(submitAcsForm({ action: echo(), method: 'GET', fields }, { target: frame.name, ...allowed() }));
    });
    expect(url).toBe(`${echo()}?_charset_=UTF-8&_CHARSET_=from+a+text+input`);
  });

  it('sets enctype and accept-charset on the rebuilt form', async () => {
    const frame = await namedFrame();
    const submissions = recordSubmissions();
    await landing(frame, () => {
      const form = submitAcsForm({ action: echo(), method: 'POST', fields: [['a', 'あ']], enctype: 'multipart/form-data', acceptCharset: 'UTF-8' }, { target: frame.name, ...allowed() });
      forms.push(form);
      expect(form.enctype).toBe('multipart/form-data');
      expect(form.acceptCharset).toBe('UTF-8');
    });
    expect(submissions).toEqual([[['a', 'あ']]]);
  });
});
