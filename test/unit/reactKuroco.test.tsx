import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ATTEMPT_STORAGE_KEY, createAttemptStore } from '../../src/core/attempt/attemptStore';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { ThreeDSecureError } from '../../src/core/errors';
import type { KurocoBackend, KurocoPurchaseResult } from '../../src/core/kuroco/types';
import { AcsFormAutoSubmit } from '../../src/react/AcsFormAutoSubmit';
import { KurocoCheckout } from '../../src/react/KurocoCheckout';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { ThreeDSecureReturnStatus } from '../../src/react/ThreeDSecureReturnStatus';
import { useKurocoPurchase } from '../../src/react/useKurocoPurchase';
import { useThreeDSecureReturn } from '../../src/react/useThreeDSecureReturn';

function fakeBackend(overrides: Partial<KurocoBackend> = {}) {
  const answer: KurocoPurchaseResult = { orderIds: [1001], messages: ['注文が完了しました。'], acsHtml: null };
  const backend: KurocoBackend = {
    provider: 'kuroco',
    returnPath: '/return',
    purchase: vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 10));
      return answer;
    }),
    getPaymentStatus: vi.fn(async () => 'paid' as const),
    ...overrides,
  };
  return backend;
}

function wrapperFor(backend: KurocoBackend, locale: 'ja' | 'en' = 'ja') {
  return ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <ThreeDSecureProvider backend={backend} locale={locale}>
        {children}
      </ThreeDSecureProvider>
    </StrictMode>
  );
}

describe('misuse fails loudly', () => {
  it('names the provider to add', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useKurocoPurchase())).toThrow(
      'useKurocoPurchase(): could not find <ThreeDSecureProvider>. Wrap the part of your app that calls useKurocoPurchase() in <ThreeDSecureProvider',
    );
  });
});

describe('useKurocoPurchase', () => {
  it('sends one request however often purchase() is called, under StrictMode', async () => {
    const backend = fakeBackend();
    const { result } = renderHook(() => useKurocoPurchase(), { wrapper: wrapperFor(backend) });
    const order = { product_id: 41201, quantity: 1, ec_payment_id: 58 };
    let first: Promise<KurocoPurchaseResult> | undefined;
    act(() => {
      first = result.current.purchaseAsync(order);
      result.current.purchase(order);
      result.current.purchase(order);
    });
    await act(async () => {
      await first;
    });
    expect(backend.purchase).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current.status).toBe('success'));
  });

  it('saves the order ids before handing off, and sends nothing more after a hand-off', async () => {
    const backend = fakeBackend({
      purchase: vi.fn(async () => ({ orderIds: [77], messages: [], acsHtml: '<form action="https://acs.example/"></form>' })),
    });
    const { result } = renderHook(() => useKurocoPurchase(), { wrapper: wrapperFor(backend) });
    await act(async () => {
      const answer = await result.current.purchaseAsync({ ec_payment_id: 58 });
      // Saved by the time the caller sees the answer.
      expect(JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null')).toMatchObject({ provider: 'kuroco', orderIds: [77] });
      expect(answer.orderIds).toEqual([77]);
    });
    await act(async () => {
      await result.current.purchaseAsync({ ec_payment_id: 58 });
    });
    expect(backend.purchase).toHaveBeenCalledTimes(1);
  });

  it('puts a typed error in state and lets the next purchase go out', async () => {
    const failing = vi
      .fn<KurocoBackend['purchase']>()
      .mockRejectedValueOnce(new ThreeDSecureError('network_error', 'offline'))
      .mockResolvedValueOnce({ orderIds: [2], messages: [], acsHtml: null });
    const backend = fakeBackend({ purchase: failing });
    const { result } = renderHook(() => useKurocoPurchase(), { wrapper: wrapperFor(backend) });
    act(() => result.current.purchase({ ec_payment_id: 58 }));
    await waitFor(() => expect(result.current.error?.code).toBe('network_error'));
    await act(async () => {
      await result.current.purchaseAsync({ ec_payment_id: 58 });
    });
    expect(failing).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.error).toBeNull();
  });
});

describe('<KurocoCheckout>', () => {
  it('shows progress, then Kuroco’s message, for an order without 3-D Secure', async () => {
    const backend = fakeBackend();
    const onPurchased = vi.fn();
    render(<KurocoCheckout order={{ ec_payment_id: 59, product_id: 1, quantity: 1 }} onPurchased={onPurchased} />, { wrapper: wrapperFor(backend) });
    const button = screen.getByRole('button', { name: '注文を確定する' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText('注文を送信しています…')).toBeInTheDocument();
    expect(await screen.findByText('注文が完了しました。')).toBeInTheDocument();
    expect(onPurchased).toHaveBeenCalledTimes(1);
    expect(backend.purchase).toHaveBeenCalledTimes(1);
  });

  it('shows the mixed-order error in English with the request id, and keeps the button usable', async () => {
    const error = new ThreeDSecureError('kuroco_mixed_order', 'x', { status: 422, requestId: 'req-42' });
    const backend = fakeBackend({ purchase: vi.fn(async () => Promise.reject(error)) });
    render(<KurocoCheckout order={{ ec_payment_id: 58 }} />, { wrapper: wrapperFor(backend, 'en') });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please order them separately.');
    expect(alert).toHaveTextContent('Request ID: req-42');
    expect(screen.getByRole('button', { name: 'Place order' })).toBeEnabled();
  });

  it('reports a failure to build the order (e.g. card tokenisation) without sending anything', async () => {
    const backend = fakeBackend();
    const onError = vi.fn();
    render(
      <KurocoCheckout
        order={() => Promise.reject(new ThreeDSecureError('invalid_request', 'card number', { providerMessage: 'カード番号が正しくありません。' }))}
        onError={onError}
      />,
      { wrapper: wrapperFor(backend) },
    );
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('カード番号が正しくありません。');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_request' }));
    expect(backend.purchase).not.toHaveBeenCalled();
  });
});

describe('useThreeDSecureReturn', () => {
  it('confirms a saved attempt with one status read under StrictMode', async () => {
    createAttemptStore().save({ provider: 'kuroco', id: 'att_1', orderIds: [1001], createdAt: 0 });
    const backend = fakeBackend();
    const { result } = renderHook(() => useThreeDSecureReturn({ pollDelaysMs: [0, 5] }), { wrapper: wrapperFor(backend) });
    expect(result.current.status).toBe('checking');
    await waitFor(() => expect(result.current.status).toBe('succeeded'));
    expect(result.current.orderIds).toEqual([1001]);
    expect(backend.getPaymentStatus).toHaveBeenCalledTimes(1);
  });

  it('renders the failure with the order number and a check-again button for status_unknown', async () => {
    createAttemptStore().save({ provider: 'kuroco', id: 'att_2', orderIds: [1002], createdAt: 0 });
    const getPaymentStatus = vi.fn<KurocoBackend['getPaymentStatus']>().mockResolvedValueOnce('pending').mockResolvedValue('paid');
    const backend = fakeBackend({ getPaymentStatus });
    render(<ThreeDSecureReturnStatus pollDelaysMs={[0]} retryAction={<a href="/checkout">戻る</a>} />, { wrapper: wrapperFor(backend) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-code', 'status_unknown');
    expect(screen.getByText('注文番号: 1002')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '戻る' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'もう一度確認する' }));
    expect(await screen.findByText('お支払いが完了しました。')).toBeInTheDocument();
  });
});

describe('a remount during the purchase', () => {
  it('neither orders twice nor drops the hand-off to the issuer', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    let answer: (result: KurocoPurchaseResult) => void = () => undefined;
    const purchase = vi.fn(() => new Promise<KurocoPurchaseResult>((resolve) => (answer = resolve)));
    const backend = fakeBackend({ purchase });
    const Wrapper = wrapperFor(backend);
    const checkout = (key: string) => (
      <Wrapper>
        <KurocoCheckout key={key} order={{ ec_payment_id: 58, product_id: 1, quantity: 1 }} />
      </Wrapper>
    );
    const view = render(checkout('first'));
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await waitFor(() => expect(purchase).toHaveBeenCalledTimes(1));
    // The app re-keys the checkout while the order is on its way.
    view.rerender(checkout('second'));
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await act(async () => {
      answer({ orderIds: [501], messages: [], acsHtml: '<form name="submitForm" action="https://acs.example.jp/3ds" method="post"><input type="hidden" name="a" value="1"></form>' });
    });
    expect(await screen.findByText('カード会社の本人認証（3Dセキュア）画面へ移動しています…')).toBeInTheDocument();
    expect(purchase).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(JSON.parse(sessionStorage.getItem(ATTEMPT_STORAGE_KEY) ?? 'null')).toMatchObject({ orderIds: [501] });
  });
});

describe('a provider remounted with the same backend object', () => {
  it('finds the purchase still on its way: one order, one hand-off', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    submit.mockClear();
    let answer: (result: KurocoPurchaseResult) => void = () => undefined;
    const purchase = vi.fn(() => new Promise<KurocoPurchaseResult>((resolve) => (answer = resolve)));
    const backend = fakeBackend({ purchase });
    // The key is on the provider: a route change and back mounts a new provider.
    const page = (key: string) => (
      <StrictMode>
        <ThreeDSecureProvider key={key} backend={backend}>
          <KurocoCheckout order={{ ec_payment_id: 58, product_id: 1, quantity: 1 }} />
        </ThreeDSecureProvider>
      </StrictMode>
    );
    const view = render(page('first'));
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await waitFor(() => expect(purchase).toHaveBeenCalledTimes(1));
    view.rerender(page('second'));
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    await act(async () => {
      answer({ orderIds: [701], messages: [], acsHtml: '<form name="submitForm" action="https://acs.example.jp/3ds" method="post"><input type="hidden" name="a" value="1"></form>' });
    });
    expect(await screen.findByText('カード会社の本人認証（3Dセキュア）画面へ移動しています…')).toBeInTheDocument();
    expect(purchase).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
  });
});

describe('two providers on one page', () => {
  it('share nothing: each sends its own order and posts its own hand-off (two backend objects)', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    submit.mockClear();
    const acsHtml = '<form name="submitForm" action="https://acs.example.jp/3ds" method="post"><input type="hidden" name="a" value="1"></form>';
    const purchase = vi.fn(async () => ({ orderIds: [601], messages: [], acsHtml }));
    const order = { ec_payment_id: 58, product_id: 1, quantity: 1 };
    render(
      <StrictMode>
        <ThreeDSecureProvider backend={fakeBackend({ purchase })}>
          <KurocoCheckout order={order} submitLabel="A" />
        </ThreeDSecureProvider>
        <ThreeDSecureProvider backend={fakeBackend({ purchase })}>
          <KurocoCheckout order={order} submitLabel="B" />
        </ThreeDSecureProvider>
      </StrictMode>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'A' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('3Dセキュア'));
    // B is still idle: A's purchase is not B's.
    expect(screen.getByRole('button', { name: 'B' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'B' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(purchase).toHaveBeenCalledTimes(2);
  });

  it('submit the same hand-off once per client under StrictMode (client given by the app)', () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined);
    submit.mockClear();
    const html = '<form name="submitForm" action="https://acs.example.jp/3ds" method="post"><input type="hidden" name="a" value="1"></form>';
    const one = createThreeDSecureClient({ backend: fakeBackend() });
    const two = createThreeDSecureClient({ backend: fakeBackend() });
    const page = (
      <StrictMode>
        <ThreeDSecureProvider client={one}>
          <AcsFormAutoSubmit html={html} submissionKey="kuroco:1" />
          <AcsFormAutoSubmit html={html} submissionKey="kuroco:1" />
        </ThreeDSecureProvider>
        <ThreeDSecureProvider client={two}>
          <AcsFormAutoSubmit html={html} submissionKey="kuroco:1" />
        </ThreeDSecureProvider>
      </StrictMode>
    );
    const view = render(page);
    view.unmount();
    render(page);
    expect(submit).toHaveBeenCalledTimes(2);
  });
});

describe('the provider’s client and onEvent', () => {
  it('keeps the purchase in the app’s client across a provider remount, and reports the steps to onEvent', async () => {
    let answer: (result: KurocoPurchaseResult) => void = () => undefined;
    const purchase = vi.fn(() => new Promise<KurocoPurchaseResult>((resolve) => (answer = resolve)));
    const client = createThreeDSecureClient({ backend: fakeBackend({ purchase }) });
    const onEvent = vi.fn();
    const page = (key: string) => (
      <ThreeDSecureProvider key={key} client={client} onEvent={onEvent}>
        <KurocoCheckout order={{ ec_payment_id: 58 }} />
      </ThreeDSecureProvider>
    );
    const view = render(page('first'));
    fireEvent.click(screen.getByRole('button', { name: '注文を確定する' }));
    view.rerender(page('second'));
    expect(screen.getByRole('button', { name: '注文を確定する' })).toBeDisabled();
    await act(async () => answer({ orderIds: [5], messages: ['注文が完了しました。'], acsHtml: null }));
    expect(await screen.findByText('注文が完了しました。')).toBeInTheDocument();
    expect(purchase).toHaveBeenCalledTimes(1);
    expect(onEvent.mock.calls.map(([event]) => event.type)).toEqual(['started', 'succeeded']);
  });

  it('names the fix for a provider with both client and backend, or neither', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const backend = fakeBackend();
    expect(() => render(<ThreeDSecureProvider client={createThreeDSecureClient({ backend })} backend={backend} />)).toThrow(/either client=\{…\} or backend=\{…\}/);
    expect(() => render(<ThreeDSecureProvider />)).toThrow(/needs client=\{createThreeDSecureClient/);
  });
});
