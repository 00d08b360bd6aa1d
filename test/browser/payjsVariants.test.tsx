// The PAY.JP flows in Chromium over the stand-in pay.js's variants (pairwise over payjsOverlay ×
// payjsHelperFrames × payjsRejection × payjsLanguage × popupBlocking × workflow × flow), one sandbox
// serving each case through the pay.js URL's query. For each: the challenge is usable (not inert,
// focus inside, the page behind it inert), a blocked sub-window falls back to the iframe, and
// completing, closing, cancel() or unmounting ends in the right typed state with no overlay, no
// visible iframe and the page's inert state restored.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { createCardVerificationFlow } from '../../src/core/payjp/createCardVerificationFlow';
import { createChargeFlow } from '../../src/core/payjp/createChargeFlow';
import { createPayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createPayjpCard } from '../../src/core/payjp/createPayjpCard';
import { createPayjpGetter } from '../../src/core/payjp/createPayjpGetter';
import { isThreeDSecureError } from '../../src/core/errors';
import { challengeFrame, payjsOverlays, visibleFrames } from '../support/payjsUi';

interface Variant {
  payjsOverlay: 'body-child' | 'foreign-frame' | 'container';
  payjsHelperFrames: boolean;
  payjsRejection: 'error' | 'object' | 'nested' | 'undefined';
  payjsLanguage: 'ja' | 'en';
  popupBlocking: 'reject' | 'null-window';
  validationErrorShape?: 'with-status' | 'without-status';
}
type Case = Variant & { workflow: 'iframe' | 'subwindow'; flow: 'card' | 'charge' };
type End = 'verified' | 'close' | 'cancel' | 'unmount';

// Pairwise over the seven dimensions (12 rows cover every pair of values).
const CASES: Case[] = (
  [
    ['body-child', true, 'error', 'ja', 'reject', 'iframe', 'card'],
    ['body-child', false, 'object', 'en', 'null-window', 'subwindow', 'charge'],
    ['foreign-frame', true, 'nested', 'ja', 'reject', 'subwindow', 'charge'],
    ['foreign-frame', false, 'undefined', 'en', 'null-window', 'iframe', 'card'],
    ['container', true, 'error', 'en', 'null-window', 'iframe', 'charge'],
    ['container', false, 'object', 'ja', 'reject', 'subwindow', 'card'],
    ['body-child', true, 'undefined', 'ja', 'reject', 'subwindow', 'charge'],
    ['body-child', false, 'nested', 'ja', 'null-window', 'iframe', 'card'],
    ['foreign-frame', true, 'object', 'en', 'reject', 'iframe', 'card'],
    ['foreign-frame', false, 'error', 'ja', 'reject', 'subwindow', 'card'],
    ['container', true, 'nested', 'en', 'reject', 'iframe', 'card'],
    ['container', true, 'undefined', 'ja', 'reject', 'iframe', 'card'],
  ] as const
).map(([payjsOverlay, payjsHelperFrames, payjsRejection, payjsLanguage, popupBlocking, workflow, flow]) => ({
  payjsOverlay,
  payjsHelperFrames,
  payjsRejection,
  payjsLanguage,
  popupBlocking,
  workflow,
  flow,
}));
const ENDS: End[] = ['verified', 'close', 'cancel', 'unmount'];

const PK = 'pk_test_sandbox';
let seq = 0;

/** The stand-in pay.js URL for one variant: a fresh URL per case, so each case loads its own. */
function payjsUrl(variant: Variant): string {
  seq += 1;
  const query = new URLSearchParams({
    payjsOverlay: variant.payjsOverlay,
    payjsHelperFrames: String(variant.payjsHelperFrames),
    payjsRejection: variant.payjsRejection,
    payjsLanguage: variant.payjsLanguage,
    popupBlocking: variant.popupBlocking,
    ...(variant.validationErrorShape ? { validationErrorShape: variant.validationErrorShape } : {}),
    case: String(seq),
  });
  return `/payjs/v2/pay.js?${query.toString()}`;
}

let cardIds: Promise<string> | null = null;
function demoCardId(): Promise<string> {
  cardIds ??= fetch('/api/payjp-demo/cards')
    .then((response) => response.json() as Promise<{ cards: Array<{ id: string }> }>)
    .then((answer) => answer.cards[0]!.id);
  return cardIds;
}

/** The shop's page behind the challenge. */
function appRoot(): HTMLElement {
  const app = document.createElement('main');
  app.innerHTML = '<button type="button">pay</button>';
  document.body.append(app);
  cleanups.push(() => app.remove());
  return app;
}

async function choose(frame: HTMLIFrameElement, outcome: string): Promise<void> {
  const button = await vi.waitFor(
    () => {
      const found = frame.contentDocument?.querySelector<HTMLButtonElement>(`button[data-outcome="${outcome}"]`);
      if (!found) throw new Error('challenge page not shown yet');
      return found;
    },
    { timeout: 10_000, interval: 25 },
  );
  button.click();
}

/** The challenge is on screen and usable: not inert, focus in it, the rest of the page inert. */
const hiddenFrames = () => document.querySelectorAll('iframe').length - visibleFrames().length;

async function expectUsableChallenge(app: HTMLElement, helperFrames: boolean, hiddenBefore: number): Promise<HTMLIFrameElement> {
  const frame = await vi.waitFor(() => challengeFrame(), { timeout: 10_000, interval: 25 });
  await vi.waitFor(() => expect(app.inert).toBe(true), { timeout: 5_000 });
  expect(app.getAttribute('aria-hidden')).toBe('true');
  expect(frame.closest('[inert]')).toBeNull();
  expect(frame.closest('[aria-hidden="true"]')).toBeNull();
  expect(payjsOverlays()).toHaveLength(1);
  expect(document.activeElement).toBe(frame);
  // The call's helper frame is really there (hidden), and was not taken for the challenge.
  expect(hiddenFrames() > hiddenBefore).toBe(helperFrames);
  return frame;
}

/** Nothing of pay.js stays over the page, and the page is as it was. */
async function expectNothingLeft(app: HTMLElement): Promise<void> {
  await vi.waitFor(() => expect(visibleFrames()).toHaveLength(0), { timeout: 5_000 });
  expect(payjsOverlays()).toHaveLength(0);
  expect(app.inert).toBe(false);
  expect(app.hasAttribute('aria-hidden')).toBe(false);
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.restoreAllMocks();
});

/** A blocked popup, as the browser signals it (a plain replacement: the kit wraps window.open during the call). */
function blockPopups(): void {
  const original = window.open;
  window.open = () => null;
  cleanups.push(() => {
    window.open = original;
  });
}

describe('PAY.JP flows over the pay.js variant matrix', () => {
  const label = (variant: Case) =>
    [variant.flow, variant.workflow, variant.payjsOverlay, variant.payjsHelperFrames ? 'helpers' : 'no-helpers', variant.payjsRejection, variant.payjsLanguage, variant.popupBlocking].join(' ');
  it.each(CASES.map((variant, index) => [label(variant), ENDS[index % ENDS.length]!, variant] as const))(
    '%s, ends by %s',
    { timeout: 30_000 },
    async (_label, end, variant) => {
      const app = appRoot();
      const getPayjp = createPayjpGetter({ publicKey: PK, jsUrl: payjsUrl(variant) });
      await getPayjp();
      const hiddenBefore = hiddenFrames();
      const options = {
        backend: createPayjpBackend({ baseUrl: '/api/payjp', allowedStartOrigins: [location.origin] }),
        getPayjp,
        attempts: createAttemptStore(null),
        pollDelaysMs: [0, 200, 400, 800],
      };
      const cardId = await demoCardId();
      const { workflow } = variant;
      const verification = createCardVerificationFlow(options);
      const charge = createChargeFlow(options);
      const flow = variant.flow === 'card' ? verification : charge;
      const unsubscribe = flow.subscribe(() => {});
      cleanups.push(unsubscribe);
      if (workflow === 'subwindow') blockPopups();
      const result: Promise<{ state: string; error: unknown }> =
        variant.flow === 'card' ? verification.start({ cardId, workflow }) : charge.start({ cardId, order: { cart: 'basic' }, workflow });

      // A blocked sub-window fell back to the iframe.
      const frame = await expectUsableChallenge(app, variant.payjsHelperFrames, hiddenBefore);

      if (end === 'verified') await choose(frame, 'verified');
      else if (end === 'close') payjsOverlays()[0]!.querySelector<HTMLButtonElement>('button')!.click();
      else if (end === 'cancel') flow.cancel();
      else unsubscribe();
      const state = await result;

      if (end === 'verified' || end === 'close') expect(flow.getSnapshot().workflow).toBe('iframe');
      if (end === 'verified') {
        expect(state.state).toBe('succeeded');
        expect(state.error).toBeNull();
      } else {
        expect(state.state).toBe('canceled');
        expect(isThreeDSecureError(state.error) && state.error.code).toBe('canceled');
      }
      await expectNothingLeft(app);
    },
  );
});

describe('token 3-D Secure and createToken errors over pay.js variants', () => {
  async function fill(root: HTMLElement, number: string) {
    await vi.waitFor(() => expect(root.querySelector('input[data-payjs-field="number"]')).not.toBeNull());
    await userEvent.type(root.querySelector<HTMLInputElement>('input[data-payjs-field="number"]')!, number);
    await userEvent.type(root.querySelector<HTMLInputElement>('input[data-payjs-field="expiry"]')!, '1235');
    await userEvent.type(root.querySelector<HTMLInputElement>('input[data-payjs-field="cvc"]')!, '123');
  }

  it.each([
    [{ payjsOverlay: 'container', payjsHelperFrames: true, payjsRejection: 'nested', payjsLanguage: 'en', popupBlocking: 'null-window', validationErrorShape: 'without-status' }],
    [{ payjsOverlay: 'foreign-frame', payjsHelperFrames: false, payjsRejection: 'undefined', payjsLanguage: 'ja', popupBlocking: 'reject', validationErrorShape: 'with-status' }],
  ] as Array<[Variant]>)('$payjsOverlay $validationErrorShape: a bad number is invalid_card, and the token challenge is usable and verifies', { timeout: 30_000 }, async (variant) => {
    const app = appRoot();
    const target = document.createElement('div');
    app.append(target);
    // No workflow configured: the kit passes 'iframe' although this pay.js defaults to the sub-window.
    const getPayjp = createPayjpGetter({ publicKey: PK, jsUrl: payjsUrl(variant) });
    await getPayjp();
    const hiddenBefore = hiddenFrames();
    const card = createPayjpCard({ getPayjp });
    cleanups.push(card.mount({ card: target }));

    await fill(target, '4242424242424241');
    const refused = await card.createToken().catch((error: unknown) => error);
    expect(isThreeDSecureError(refused) && refused.code).toBe('invalid_card');

    const number = target.querySelector<HTMLInputElement>('input[data-payjs-field="number"]')!;
    await userEvent.clear(number);
    await userEvent.type(number, '4242424242424242');
    const token = card.createToken({ name: 'TARO YAMADA', email: 'taro@example.jp' }, { threeDSecure: true });
    const frame = await expectUsableChallenge(app, variant.payjsHelperFrames, hiddenBefore);
    await choose(frame, 'verified');
    expect((await token).card.three_d_secure_status).toBe('verified');
    await expectNothingLeft(app);
  });
});
