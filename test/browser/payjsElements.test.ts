// The stand-in pay.js elements and createToken in Chromium, against the sandbox mounted on the
// test server's origin: labelled inputs, change events, shared split fields, createToken errors
// without a request, declines, token 3-D Secure through the iframe overlay, and unmount cleanup.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { PayjpElementsApi, PayjpInstance, PayjsElement, PayjsElementChangeEvent, PayjsToken, PayjsTokenError, PayjpStatic } from '../../src/core/payjp/payjs';
import { loadPayjp } from '../../src/core/payjp/loadPayjp';
import { payjsOverlays, removePayjsOverlays } from '../support/payjsUi';

type Payjs = PayjpInstance & PayjpElementsApi;

const PK = 'pk_test_sandbox';
const SK = 'sk_test_sandbox';
const Payjp = (options?: Parameters<PayjpStatic>[1]): Payjs => (window as unknown as { Payjp: (pk: string, o?: unknown) => Payjs }).Payjp(PK, options);

// The kit's own loader puts the stand-in on the page, as the provider would (nothing returned:
// Vitest would run a returned function as teardown).
beforeAll(async () => {
  await loadPayjp({ jsUrl: '/payjs/v2/pay.js' });
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) cleanup();
  removePayjsOverlays();
});

let seq = 0;
function target(): HTMLDivElement {
  const div = document.createElement('div');
  seq += 1;
  div.id = `payjs-target-${seq}`;
  document.body.append(div);
  cleanups.push(() => div.remove());
  return div;
}

/** Mounts `element` in a fresh target (by selector, as payjs documents) and waits for `ready`. */
async function mounted(element: PayjsElement): Promise<HTMLDivElement> {
  const div = target();
  const ready = new Promise<void>((resolve) => element.on('ready', () => resolve()));
  element.mount(`#${div.id}`);
  cleanups.push(() => element.unmount());
  await ready;
  return div;
}

function field(root: ParentNode, name: 'number' | 'expiry' | 'cvc'): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>(`input[data-payjs-field="${name}"]`);
  if (!input) throw new Error(`no ${name} input`);
  return input;
}

function changes(element: PayjsElement): PayjsElementChangeEvent[] {
  const events: PayjsElementChangeEvent[] = [];
  element.on('change', (event) => events.push(event));
  return events;
}

async function fillCard(root: ParentNode, number = '4242424242424242', expiry = '1235', cvc = '123') {
  await userEvent.type(field(root, 'number'), number);
  await userEvent.type(field(root, 'expiry'), expiry);
  await userEvent.type(field(root, 'cvc'), cvc);
}

async function secret(method: string, path: string, form?: Record<string, string>) {
  const response = await fetch(`/v1${path}`, {
    method,
    headers: { Authorization: `Basic ${btoa(`${SK}:`)}`, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function isError(result: PayjsToken | PayjsTokenError): result is PayjsTokenError {
  return 'error' in result;
}

async function chooseInOverlay(outcome: string): Promise<void> {
  const button = await vi.waitFor(
    () => {
      const frame = payjsOverlays()[0]?.querySelector<HTMLIFrameElement>('iframe');
      const found = frame?.contentDocument?.querySelector<HTMLButtonElement>(`button[data-outcome="${outcome}"]`);
      if (!found) throw new Error('challenge not shown yet');
      return found;
    },
    { timeout: 5000, interval: 20 },
  );
  button.click();
}

describe('elements: rendering', () => {
  it('mounts the card element as three labelled numeric inputs (ja) and fires ready', async () => {
    const element = Payjp().elements().create('card');
    const root = await mounted(element);
    expect(root.querySelector('[data-payjs-element="card"]')).not.toBeNull();
    const expected = [
      ['number', 'カード番号', 'cc-number'],
      ['expiry', '有効期限 (MM/YY)', 'cc-exp'],
      ['cvc', 'セキュリティコード', 'cc-csc'],
    ] as const;
    for (const [name, label, autocomplete] of expected) {
      const input = field(root, name);
      expect(input.labels?.[0]?.textContent).toBe(label);
      expect(input.getAttribute('inputmode')).toBe('numeric');
      expect(input.getAttribute('autocomplete')).toBe(autocomplete);
      expect(input.name).toBe('');
    }
  });

  it('labels in English with elements({ locale: "en" }), and mounts split fields one each', async () => {
    const group = Payjp().elements({ locale: 'en' });
    const number = await mounted(group.create('cardNumber', { placeholder: 'Number' }));
    const expiry = await mounted(group.create('cardExpiry'));
    const cvc = await mounted(group.create('cardCvc'));
    expect(field(number, 'number').labels?.[0]?.textContent).toBe('Card number');
    expect(field(number, 'number').placeholder).toBe('Number');
    expect(field(expiry, 'expiry').labels?.[0]?.textContent).toBe('Expiry date (MM/YY)');
    expect(field(cvc, 'cvc').labels?.[0]?.textContent).toBe('Security code');
    expect(number.querySelectorAll('input')).toHaveLength(1);
  });

  it('mounts on an HTMLElement too, and throws for a missing target', () => {
    const element = Payjp().elements().create('cardNumber');
    const div = target();
    element.mount(div);
    cleanups.push(() => element.unmount());
    expect(div.querySelectorAll('input[data-payjs-field="number"]')).toHaveLength(1);
    expect(() => Payjp().elements().create('cardCvc').mount('#nowhere')).toThrow(/mount target/);
  });
});

describe('elements: change events', () => {
  it('reports brand, completeness and formatting while typing', async () => {
    const element = Payjp().elements().create('card');
    const events = changes(element);
    const root = await mounted(element);
    await userEvent.type(field(root, 'number'), '4242424242424242');
    expect(field(root, 'number').value).toBe('4242 4242 4242 4242');
    expect(events.at(-1)).toEqual({ elementType: 'card', empty: false, complete: false, brand: 'Visa' });
    await userEvent.type(field(root, 'expiry'), '1235');
    expect(field(root, 'expiry').value).toBe('12 / 35');
    await userEvent.type(field(root, 'cvc'), '123');
    expect(events.at(-1)).toEqual({ elementType: 'card', empty: false, complete: true, brand: 'Visa' });
  });

  it.each([
    ['cardNumber', 'number', '4242424242424241', 'invalid_number'],
    ['cardExpiry', 'expiry', '13', 'invalid_expiry_month'],
    ['cardExpiry', 'expiry', '0120', 'invalid_expiry_year_past'],
    ['cardCvc', 'cvc', '1234', 'invalid_cvc'],
  ] as const)('%s: "%s" ← %s gives %s', async (type, name, typed, code) => {
    const group = Payjp().elements();
    if (type === 'cardCvc') await userEvent.type(field(await mounted(group.create('cardNumber')), 'number'), '4242');
    const element = group.create(type);
    const events = changes(element);
    const root = await mounted(element);
    await userEvent.type(field(root, name), typed);
    expect(events.at(-1)).toMatchObject({ elementType: type, complete: false, error: { code, message: expect.any(String) } });
    expect(field(root, name).getAttribute('aria-invalid')).toBe('true');
  });

  it('reports incomplete_error on blur, clears it while typing, and detects American Express', async () => {
    const element = Payjp().elements().create('cardNumber');
    const events = changes(element);
    const blurs: number[] = [];
    element.on('blur', () => blurs.push(1));
    const root = await mounted(element);
    const input = field(root, 'number');
    await userEvent.type(input, '3782');
    expect(events.at(-1)).toEqual({ elementType: 'cardNumber', empty: false, complete: false, brand: 'American Express' });
    input.blur();
    expect(events.at(-1)?.error?.code).toBe('incomplete_error');
    expect(blurs).toHaveLength(1);
    await userEvent.type(input, '82246310005');
    expect(input.value).toBe('3782 822463 10005');
    expect(events.at(-1)).toEqual({ elementType: 'cardNumber', empty: false, complete: true, brand: 'American Express' });
  });

  it('fires focus and blur once per element, not between the inputs of the card element', async () => {
    const element = Payjp().elements().create('card');
    const seen: string[] = [];
    element.on('focus', () => seen.push('focus'));
    element.on('blur', () => seen.push('blur'));
    const root = await mounted(element);
    await userEvent.click(field(root, 'number'));
    await userEvent.click(field(root, 'expiry'));
    field(root, 'expiry').blur();
    expect(seen).toEqual(['focus', 'blur']);
  });

  it('off() removes a handler', async () => {
    const element = Payjp().elements().create('cardCvc');
    const handler = vi.fn();
    element.on('change', handler);
    element.off?.('change', handler);
    await userEvent.type(field(await mounted(element), 'cvc'), '1');
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('createToken', () => {
  it('creates a token from the card element with the public key and the cardholder fields', async () => {
    const payjp = Payjp();
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const fetchSpy = vi.spyOn(window, 'fetch');
    const result = await payjp.createToken(element, { card: { name: 'TARO YAMADA', email: 'taro@example.jp', phone: '+819012345678' } });
    if (isError(result)) throw new Error(result.error.message);
    expect(result).toMatchObject({ id: expect.stringMatching(/^tok_/), used: false, card: { last4: '4242', exp_month: 12, exp_year: 2035, three_d_secure_status: null, name: 'TARO YAMADA', email: 'taro@example.jp', phone: '+819012345678' } });
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(String(url)).toBe(`${location.origin}/v1/tokens`);
    expect(new Headers(init?.headers).get('authorization')).toBe(`Basic ${btoa(`${PK}:`)}`);
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toMatchObject({ 'card[number]': '4242424242424242', 'card[exp_month]': '12', 'card[exp_year]': '2035', 'card[cvc]': '123' });
  });

  it('uses the expiry and cvc of the same group for createToken(cardNumberElement)', async () => {
    const payjp = Payjp();
    const group = payjp.elements();
    const number = group.create('cardNumber');
    await userEvent.type(field(await mounted(number), 'number'), '5555555555554444');
    await userEvent.type(field(await mounted(group.create('cardExpiry')), 'expiry'), '0731');
    await userEvent.type(field(await mounted(group.create('cardCvc')), 'cvc'), '321');
    const result = await payjp.createToken(number);
    expect(result).toMatchObject({ card: { brand: 'MasterCard', last4: '4444', exp_month: 7, exp_year: 2031 } });
  });

  it.each([
    ['', '1235', '123', 'incomplete_error'],
    ['4242424242424241', '1235', '123', 'invalid_number'],
    ['4242424242424242', '12', '123', 'incomplete_error'],
    ['4242424242424242', '1235', '', 'incomplete_error'],
  ])('resolves { error } without a request: number "%s", expiry "%s", cvc "%s" → %s', async (number, expiry, cvc, code) => {
    const payjp = Payjp();
    const element = payjp.elements().create('card');
    const root = await mounted(element);
    if (number) await userEvent.type(field(root, 'number'), number);
    if (expiry) await userEvent.type(field(root, 'expiry'), expiry);
    if (cvc) await userEvent.type(field(root, 'cvc'), cvc);
    const fetchSpy = vi.spyOn(window, 'fetch');
    const result = await payjp.createToken(element);
    // validationErrorShape 'without-status' (the default): no status on client-side validation.
    expect(result).toEqual({ error: { code, message: expect.any(String), type: 'client_error' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('resolves { error } for an element it does not know or one not mounted', async () => {
    const payjp = Payjp();
    expect(await payjp.createToken({} as PayjsElement)).toMatchObject({ error: { code: 'invalid_element', type: 'client_error' } });
    expect(await payjp.createToken(payjp.elements().create('card'))).toMatchObject({ error: { code: 'invalid_element' } });
  });

  it('resolves a decline number as { error } with the 402 card_error (never rejects)', async () => {
    const payjp = Payjp();
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element), '4000000000000002');
    const result = await payjp.createToken(element);
    expect(result).toEqual({ error: expect.objectContaining({ status: 402, type: 'card_error', code: 'card_declined' }) });
  });

  it('three_d_secure (iframe workflow): overlay → verified → a finished, chargeable token', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'iframe' });
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const pending = payjp.createToken(element, { three_d_secure: true, card: { name: 'TARO YAMADA', email: 'taro@example.jp' } });
    await chooseInOverlay('verified');
    const result = await pending;
    if (isError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.card.three_d_secure_status).toBe('verified');
    expect(payjsOverlays()).toHaveLength(0);
    const charge = await secret('POST', '/charges', { amount: '1000', currency: 'jpy', card: result.id });
    expect(charge).toMatchObject({ status: 200, body: { paid: true } });
  });

  it('three_d_secure: the default workflow (payjsDefaultWorkflow) is the sub-window', async () => {
    const payjp = Payjp();
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const result = await payjp.createToken(element, { three_d_secure: true });
    expect(open).toHaveBeenCalledOnce();
    expect(result).toMatchObject({ error: { code: 'popup_blocked' } });
    expect(payjsOverlays()).toHaveLength(0);
  });

  it('three_d_secure (iframe workflow): closing the overlay resolves { error: { code: "canceled" } }', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'iframe' });
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const pending = payjp.createToken(element, { three_d_secure: true });
    const close = await vi.waitFor(() => {
      const found = payjsOverlays()[0]?.querySelector<HTMLButtonElement>('button[aria-label="閉じる"]');
      if (!found) throw new Error('no overlay yet');
      return found;
    });
    close.click();
    expect(await pending).toMatchObject({ error: { code: 'canceled', type: 'client_error', message: expect.any(String) } });
  });

  it('three_d_secure: a failed challenge resolves the tds_finish error three_d_secure_incompleted', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'iframe' });
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const pending = payjp.createToken(element, { three_d_secure: true });
    await chooseInOverlay('failed');
    expect(await pending).toMatchObject({ error: { status: 400, code: 'three_d_secure_incompleted' } });
  });

  it('three_d_secure (redirect workflow): resolves the unfinished token at once', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'redirect' });
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const result = await payjp.createToken(element, { three_d_secure: true });
    if (isError(result)) throw new Error(result.error.message);
    expect(result.card.three_d_secure_status).toBe('unverified');
    expect(payjsOverlays()).toHaveLength(0);
    const charge = await secret('POST', '/charges', { amount: '1000', currency: 'jpy', card: result.id });
    expect(charge.body).toMatchObject({ error: { code: 'unverified_token' } });
  });

  it('three_d_secure (subwindow workflow): a blocked popup resolves { error: { code: "popup_blocked" } }', async () => {
    const payjp = Payjp({ threeDSecureWorkflow: 'subwindow' });
    const element = payjp.elements().create('card');
    await fillCard(await mounted(element));
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const result = await payjp.createToken(element, { three_d_secure: true }, { timeout: 1000 });
    expect(open).toHaveBeenCalledOnce();
    expect(result).toMatchObject({ error: { code: 'popup_blocked', type: 'client_error' } });
  });
});

describe('events, styles and clear() as typed from pay.js (fidelity row 11)', () => {
  it('ready, focus and blur pass { elementType }', async () => {
    const element = Payjp().elements().create('cardNumber');
    const seen: Array<[string, unknown]> = [];
    for (const name of ['ready', 'focus', 'blur'] as const) element.on(name, (event) => seen.push([name, event]));
    const root = await mounted(element);
    field(root, 'number').focus();
    field(root, 'number').blur();
    expect(seen).toEqual([
      ['ready', { elementType: 'cardNumber' }],
      ['focus', { elementType: 'cardNumber' }],
      ['blur', { elementType: 'cardNumber' }],
    ]);
  });

  it('applies style.empty, style.complete and style.invalid over style.base', async () => {
    const element = Payjp().elements().create('cardNumber', { style: { base: { color: 'rgb(1, 1, 1)' }, empty: { color: 'rgb(2, 2, 2)' }, complete: { color: 'rgb(3, 3, 3)' }, invalid: { color: 'rgb(4, 4, 4)' } } });
    const root = await mounted(element);
    const input = field(root, 'number');
    expect(input.style.color).toBe('rgb(2, 2, 2)');
    await userEvent.type(input, '4242424242424242');
    expect(input.style.color).toBe('rgb(3, 3, 3)');
    await userEvent.clear(input);
    await userEvent.type(input, '4242424242424241');
    expect(input.style.color).toBe('rgb(4, 4, 4)');
  });

  it('clear() empties the element and reports an empty change', async () => {
    const element = Payjp().elements().create('card');
    const events = changes(element);
    const root = await mounted(element);
    await fillCard(root);
    element.clear?.();
    expect(field(root, 'number').value).toBe('');
    expect(field(root, 'cvc').value).toBe('');
    expect(events.at(-1)).toMatchObject({ elementType: 'card', empty: true, complete: false });
  });
});

describe('unmount', () => {
  it('removes the inputs and every listener it added, and drops the handlers', async () => {
    const element = Payjp().elements().create('card');
    const handler = vi.fn();
    element.on('change', handler);
    const added = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const root = await mounted(element);
    const inputs = [...root.querySelectorAll('input')];
    expect(inputs).toHaveLength(3);
    const mine = added.mock.calls.filter((_call, index) => {
      const self = added.mock.contexts[index] as Node;
      return self instanceof Node && root.contains(self);
    });
    const removed = vi.spyOn(EventTarget.prototype, 'removeEventListener');
    element.unmount();
    expect(root.querySelectorAll('input')).toHaveLength(0);
    expect(root.children).toHaveLength(0);
    expect(mine.length).toBeGreaterThanOrEqual(8);
    for (const [type, listener] of mine) {
      expect(removed.mock.calls.some(([removedType, removedListener]) => removedType === type && removedListener === listener)).toBe(true);
    }
    for (const input of inputs) input.dispatchEvent(new Event('input'));
    expect(handler).not.toHaveBeenCalled();
  });

  it('cancels a pending ready, and can mount again (the group keeps the values)', async () => {
    const element = Payjp().elements().create('cardNumber');
    const ready = vi.fn();
    element.on('ready', ready);
    const first = target();
    element.mount(first);
    element.unmount();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).not.toHaveBeenCalled();
    const root = await mounted(element);
    await userEvent.type(field(root, 'number'), '4242');
    const again = await mounted(element);
    expect(field(again, 'number').value).toBe('4242');
    expect(root.querySelectorAll('input')).toHaveLength(0);
  });
});
