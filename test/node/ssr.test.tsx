// Server rendering: every component the React entry exports renders with renderToString in plain
// Node (no window, no document), inside the provider it needs; and every React module declares
// 'use client' so RSC frameworks (Next.js app router) keep hooks out of server components.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as kit from '../../src/react/index';
import {
  AcsFormAutoSubmit,
  KurocoCheckout,
  PaygentCardForm,
  PayjpCardElement,
  PayjpCheckout,
  PendingAttemptNotice,
  ThreeDSecureProvider,
  ThreeDSecureReturnStatus,
  VerifyCardButton,
  createKurocoBackend,
  createPayjpBackend,
  usePayjpCard,
} from '../../src/react/index';

const reactDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/react');

const kuroco = createKurocoBackend({ baseUrl: 'https://example.g.kuroco.app', auth: { type: 'cookie' }, returnPath: '/order/3dsec/' });
const payjp = createPayjpBackend({ baseUrl: 'https://shop.example/api/3ds' });
const ACS_HTML =
  '<html><body><form name="submitForm" action="https://acs.example/challenge" method="post"><input type="hidden" name="PaReq" value="x"></form></body></html>';

function WithKuroco({ children }: { children: ReactElement }) {
  return <ThreeDSecureProvider backend={kuroco}>{children}</ThreeDSecureProvider>;
}
function WithPayjp({ children }: { children: ReactElement }) {
  return (
    <ThreeDSecureProvider backend={payjp} publicKey="pk_test_0123456789abcdef">
      {children}
    </ThreeDSecureProvider>
  );
}
// PayjpCardElement takes the card object that usePayjpCard() returns.
function CardElement() {
  const { card } = usePayjpCard();
  return <PayjpCardElement card={card} />;
}

// One entry per exported component. A new component export without an entry fails the test below.
const RENDERS: Record<string, () => ReactElement> = {
  ThreeDSecureProvider: () => (
    <WithKuroco>
      <p>checkout</p>
    </WithKuroco>
  ),
  AcsFormAutoSubmit: () => (
    <WithKuroco>
      <AcsFormAutoSubmit html={ACS_HTML} />
    </WithKuroco>
  ),
  KurocoCheckout: () => (
    <WithKuroco>
      <KurocoCheckout order={{ ec_payment_id: 1, product_id: 1, quantity: 1 }} />
    </WithKuroco>
  ),
  PaygentCardForm: () => (
    <WithKuroco>
      <PaygentCardForm paygent={{ merchantId: '12345', tokenGeneratePubkey: 'pub' }} order={{ ec_payment_id: 1, product_id: 1, quantity: 1 }} />
    </WithKuroco>
  ),
  ThreeDSecureReturnStatus: () => (
    <WithKuroco>
      <ThreeDSecureReturnStatus url="https://shop.example/order/3dsec/?dsec_error=1" />
    </WithKuroco>
  ),
  VerifyCardButton: () => (
    <WithPayjp>
      <VerifyCardButton cardId="car_0123456789" />
    </WithPayjp>
  ),
  PayjpCardElement: () => (
    <WithPayjp>
      <CardElement />
    </WithPayjp>
  ),
  PayjpCheckout: () => (
    <WithPayjp>
      <PayjpCheckout order={{ plan: 'basic' }} />
    </WithPayjp>
  ),
  // Renders nothing on the server (storage and the URL are read after mount): a heading beside it.
  PendingAttemptNotice: () => (
    <WithPayjp>
      <>
        <h1>Order</h1>
        <PendingAttemptNotice baseUrl="/api/payjp" />
      </>
    </WithPayjp>
  ),
};

// Components are the PascalCase function exports; classes (ThreeDSecureError) are not components.
const exportedComponents = Object.entries(kit)
  .filter(([name, value]) => /^[A-Z][a-z]/.test(name) && typeof value === 'function' && !/^class\b/.test(Function.prototype.toString.call(value)))
  .map(([name]) => name)
  .sort();

describe('server rendering', () => {
  beforeAll(() => {
    // The point of the test: any access to window/document would throw a ReferenceError here.
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('covers every component exported by src/react/index.ts', () => {
    expect(exportedComponents.length).toBeGreaterThanOrEqual(8);
    expect(exportedComponents.filter((name) => !(name in RENDERS))).toEqual([]);
    expect(Object.keys(RENDERS).filter((name) => !exportedComponents.includes(name))).toEqual([]);
  });

  it.each(Object.keys(RENDERS))('%s renders with renderToString without window', (name) => {
    const html = renderToString(RENDERS[name]!());
    expect(html.length).toBeGreaterThan(0);
    expect(typeof window).toBe('undefined');
  });
});

describe("'use client'", () => {
  // Every hook and component module in src/react (internal/ holds helpers they import).
  const files = readdirSync(reactDir).filter((file) => /\.tsx?$/.test(file));

  it.each(files)('%s starts with the directive', (file) => {
    const source = readFileSync(path.join(reactDir, file), 'utf8');
    // The first statement, after any leading comments.
    const first = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
    expect(first.startsWith("'use client';") || first.startsWith('"use client";')).toBe(true);
  });
});
