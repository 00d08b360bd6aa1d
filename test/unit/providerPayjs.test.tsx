import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, getMessage } from '../../src/core/messages';
import { createPayjpBackend, type PayjpBackend } from '../../src/core/payjp/createPayjpBackend';
import { createThreeDSecureClient } from '../../src/core/client/createThreeDSecureClient';
import { createPayjsLoader } from '../../src/core/payjp/createPayjsLoader';
import { AcsFormAutoSubmit } from '../../src/react/AcsFormAutoSubmit';
import { ThreeDSecureProvider } from '../../src/react/ThreeDSecureProvider';
import { useThreeDSecure } from '../../src/react/useThreeDSecure';

// The provider imports neither the pay.js loader nor the catalogs: the app's client brings the
// loader (or, with the publicKey props, the PAY.JP hooks make it), and each component brings its
// texts. These pin the behaviour that split must keep.

const scriptsAt = (src: string) => Array.from(document.scripts).filter((script) => script.src === src);

function handWritten(): PayjpBackend {
  const fail = vi.fn(async () => Promise.reject(new Error('not called')));
  return {
    provider: 'payjp',
    createCardVerification: fail,
    getCardVerification: fail,
    createCharge: fail,
    getCharge: fail,
    finishCharge: fail,
    finishToken: fail,
    createRedirectUrl: fail,
  };
}

function Verify() {
  const { state } = useThreeDSecure();
  return <p>{state}</p>;
}

describe('<ThreeDSecureProvider> and pay.js', () => {
  it('loads pay.js through the client’s loader, once for the provider and every PAY.JP hook', async () => {
    const src = 'https://js.example.test/client-loader.js';
    const payjs = createPayjsLoader({ publicKey: 'pk_test_abc', jsUrl: src, nonce: 'n3' });
    const load = vi.spyOn(payjs, 'load');
    const client = createThreeDSecureClient({ backend: createPayjpBackend({ baseUrl: '/api/3ds' }), payjs });
    const view = render(
      <ThreeDSecureProvider client={client}>
        <Verify />
        <Verify />
      </ThreeDSecureProvider>,
    );
    expect(view.getAllByText('idle')).toHaveLength(2);
    expect(load).toHaveBeenCalled();
    expect(scriptsAt(src)).toHaveLength(1);
    expect(scriptsAt(src)[0]!.nonce).toBe('n3');
  });

  it('loads pay.js from a hand-written backend too, once, when a PAY.JP hook mounts', () => {
    const src = 'https://js.example.test/hand-written.js';
    const view = render(
      <ThreeDSecureProvider backend={handWritten()} publicKey="pk_test_abc" jsUrl={src} nonce="n2">
        <Verify />
        <Verify />
      </ThreeDSecureProvider>,
    );
    expect(view.getAllByText('idle')).toHaveLength(2);
    expect(scriptsAt(src)).toHaveLength(1);
    expect(scriptsAt(src)[0]!.nonce).toBe('n2');
  });

  it('refuses a secret key with a hand-written backend as soon as a PAY.JP hook renders', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <ThreeDSecureProvider backend={handWritten()} publicKey="sk_test_supersecret">
          <Verify />
        </ThreeDSecureProvider>,
      ),
    ).toThrow(/secret key must never reach the browser/);
  });
});

describe('texts after the catalog split', () => {
  it('MESSAGES still holds every key in both languages, ACS texts included', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.ja).sort());
    expect(getMessage('acs.manualSubmit', 'en')).toBe('Continue to authentication');
    expect(getMessage('acs_html_invalid', 'ja')).toBe('カード会社の認証画面を開けませんでした。時間をおいてもう一度お試しください。');
  });

  it('AcsFormAutoSubmit applies the provider’s overrides in the provider’s language, and not with its own locale', () => {
    const backend = createPayjpBackend({ baseUrl: '/api/3ds' });
    const messages = { en: { 'acs.manualSubmit': 'Go on' } };
    const html = '<form action="https://acs.example.test/3ds" method="post"></form>';
    const view = render(
      <ThreeDSecureProvider backend={backend} workflow="redirect" locale="en" messages={messages}>
        <AcsFormAutoSubmit html={html} autoSubmit={false} />
        <AcsFormAutoSubmit html={html} autoSubmit={false} locale="en" />
      </ThreeDSecureProvider>,
    );
    expect(view.getByRole('button', { name: 'Go on' })).toBeDefined();
    expect(view.getByRole('button', { name: 'Continue to authentication' })).toBeDefined();
  });

  it('AcsFormAutoSubmit shows the text for a malformed allow-list (misconfigured)', () => {
    const view = render(<AcsFormAutoSubmit html="<form action='https://acs.example.test/'></form>" allowedActionOrigins={['nope']} locale="en" />);
    expect(view.getByRole('alert').textContent).toBe(MESSAGES.en.misconfigured);
  });
});
