import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAttemptStore } from '../../src/core/attempt/attemptStore';
import { ThreeDSecureError } from '../../src/core/errors';
import type { KurocoBackend, KurocoPurchaseResult } from '../../src/core/kuroco/types';
import type { PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import type { CardVerification } from '../../src/core/payjp/protocol';
import { KurocoCheckout } from '../../src/react/KurocoCheckout';
import { PaygentCardForm } from '../../src/react/PaygentCardForm';
import { PayjpCheckout } from '../../src/react/PayjpCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';
import { VerifyCardButton } from '../../src/react/VerifyCardButton';

// One naming scheme: `onFailed` on every component, `onError` accepted as its alias. Given both,
// only `onFailed` is called and development builds warn once, naming the prop to remove.

type Callbacks = { onFailed?: (...args: unknown[]) => void; onError?: (...args: unknown[]) => void };

function kurocoBackend(purchase: KurocoBackend['purchase']): KurocoBackend {
  return { provider: 'kuroco', returnPath: '/return', purchase: vi.fn(purchase), getPaymentStatus: vi.fn(async () => 'paid' as const) };
}

function payjpBackend(getCardVerification: () => Promise<CardVerification>): PayjpBackend {
  const unused = vi.fn(async () => Promise.reject(new Error('not called')));
  return {
    provider: 'payjp',
    createCardVerification: unused,
    getCardVerification: vi.fn(getCardVerification),
    createCharge: unused,
    getCharge: unused,
    finishCharge: unused,
    finishToken: unused,
    createRedirectUrl: unused,
  };
}

const failedVerification: CardVerification = {
  id: 'tdsr_1',
  cardId: 'car_1',
  state: 'finished',
  threeDSecureStatus: 'failed',
  outcome: 'failed',
  createdAt: 1,
  startedAt: 1,
  resultReceivedAt: 1,
  finishedAt: 1,
  expiredAt: null,
};

let scriptN = 0;

/** Each component, rendered under StrictMode, brought to one failure; resolves with the code expected. */
const scenarios: Record<string, (callbacks: Callbacks) => Promise<string>> = {
  async KurocoCheckout(callbacks) {
    const backend = kurocoBackend(async () => Promise.reject(new ThreeDSecureError('backend_error', 'down')));
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={backend}>
          <KurocoCheckout order={{ ec_payment_id: 58 }} {...callbacks} />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await screen.findByRole('alert');
    return 'backend_error';
  },
  async PaygentCardForm(callbacks) {
    const jsUrl = `https://token.example.test/js/PaygentToken.js?names=${(scriptN += 1)}`;
    const script = document.createElement('script');
    script.src = jsUrl;
    document.head.append(script);
    const backend = kurocoBackend(async () => Promise.reject(new Error('not called')));
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={backend}>
          <PaygentCardForm paygent={{ merchantId: '39999', tokenGeneratePubkey: 'key', jsUrl }} order={{ ec_payment_id: 58 }} {...callbacks} />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    // Empty card fields: the form refuses them before any token or order.
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '注文を確定する' })));
    await waitFor(() => expect(document.querySelector('[aria-invalid="true"]')).not.toBeNull());
    expect(backend.purchase).not.toHaveBeenCalled();
    return 'invalid_card';
  },
  async PayjpCheckout(callbacks) {
    const view = render(
      <StrictMode>
        <ThreeDSecureProvider backend={payjpBackend(async () => failedVerification)} publicKey="pk_test_x" jsUrl="https://js.example.test/never.js">
          <PayjpCheckout order={{ cart: 'basic' }} {...callbacks} />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    // The cardholder details are checked first: an empty name is refused before anything is sent.
    await act(async () => void fireEvent.submit(view.container.querySelector('form')!));
    return 'invalid_card';
  },
  async VerifyCardButton(callbacks) {
    createAttemptStore().save({ provider: 'payjp', id: 'att_1', kind: 'card', resourceId: 'tdsr_1', cardId: 'car_1', createdAt: Date.now(), workflow: 'iframe' });
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={payjpBackend(async () => failedVerification)} publicKey="pk_test_x" jsUrl="https://js.example.test/never.js">
          <VerifyCardButton cardId="car_1" pollDelaysMs={[0]} {...callbacks} />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    await screen.findByRole('alert', {}, { timeout: 10_000 });
    return 'three_d_secure_failed';
  },
  async ThreeDSecureReturnStatus(callbacks) {
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={payjpBackend(async () => failedVerification)} workflow="redirect">
          <ThreeDSecureReturnStatus {...callbacks} />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    await screen.findByRole('alert', {}, { timeout: 10_000 });
    return 'no_pending_attempt';
  },
};

// PaygentCardForm hands its callbacks to its KurocoCheckout, which names itself in the warning.
const warnedAs: Record<string, string> = { PaygentCardForm: '<KurocoCheckout>' };

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  sessionStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  document.head.replaceChildren();
});

const settle = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 20))));

describe.each(Object.keys(scenarios))('<%s> failure callbacks', { timeout: 30_000 }, (name) => {
  const fail = scenarios[name]!;
  const failureWarnings = () => warn.mock.calls.filter(([text]: unknown[]) => String(text).includes('onFailed and onError'));

  it('onFailed fires once under StrictMode', async () => {
    const onFailed = vi.fn();
    const code = await fail({ onFailed });
    await settle();
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onFailed.mock.calls[0]![0]).toMatchObject({ code });
    expect(failureWarnings()).toHaveLength(0);
  });

  it('onError, the alias, fires once with the same arguments', async () => {
    const onError = vi.fn();
    const code = await fail({ onError });
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code });
    expect(failureWarnings()).toHaveLength(0);
  });

  it('both given: only onFailed is called, and one development warning names the prop to remove', async () => {
    const onFailed = vi.fn();
    const onError = vi.fn();
    await fail({ onFailed, onError });
    await settle();
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(failureWarnings()).toHaveLength(1);
    expect(String(failureWarnings()[0]![0])).toContain(`${warnedAs[name] ?? `<${name}>`}: both onFailed and onError were given; only onFailed is called. Remove onError`);
  });
});

describe('<KurocoCheckout> after a refused 3-D Secure form (jsdom; the browser test covers Chromium)', () => {
  it('reports the refusal once through the alias, shows the order number, and offers no second order', async () => {
    const result: KurocoPurchaseResult = { orderIds: [4711], messages: [], acsHtml: '<form name="submitForm" action="http://acs.example/"><input type="hidden" name="a" value="1"></form>' };
    const backend = kurocoBackend(async () => result);
    const onError = vi.fn();
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={backend}>
          <KurocoCheckout order={{ ec_payment_id: 58 }} onError={onError} failureHref="/mypage/orders" />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    expect(await screen.findByText('注文番号: 4711')).toBeInTheDocument();
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'acs_action_not_allowed' });
    expect(screen.getByRole('link', { name: 'ご注文の状況を確認する' })).toHaveAttribute('href', '/mypage/orders');
    expect(screen.queryByRole('button', { name: '注文を確定する' })).toBeNull();
    expect(backend.purchase).toHaveBeenCalledTimes(1);
  });
});
