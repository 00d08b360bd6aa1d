import { createSandbox, type SandboxOptions } from '../sandbox';
import { SANDBOX_PAYJP_PUBLIC_KEY, SANDBOX_PAYJP_SECRET_KEY } from '../sandbox/payjp/options';

/** Where the probes send their requests: the real PAY.JP (test mode) or a local sandbox. */
export interface Target {
  kind: 'sandbox' | 'payjp-test';
  /** `https://api.pay.jp/v1` or the sandbox's `payjpApiBase`. */
  apiBase: string;
  payjsUrl: string;
  publicKey: string;
  secretKey: string;
  /** Root of the Kuroco API paths (`…/rcms-api/1`), when there is a site to ask. */
  kuroco?: { apiBase: string; orderDetailsPath: string; accessToken?: string };
  close(): Promise<void>;
}

/** The merchant's PAY.JP test keys and optional Kuroco site. */
export interface LiveTargetOptions {
  publicKey: string;
  secretKey: string;
  /** @default 'https://api.pay.jp/v1' */
  apiBase?: string;
  /** @default 'https://js.pay.jp/v2/pay.js' */
  payjsUrl?: string;
  kuroco?: { apiBase: string; orderDetailsPath?: string; accessToken?: string };
}

const ORDER_DETAILS = 'ec/order/{ec_order_id}';

/** The real PAY.JP: the probes spend a few test-mode calls there. */
export function liveTarget(options: LiveTargetOptions): Target {
  return {
    kind: 'payjp-test',
    apiBase: options.apiBase ?? 'https://api.pay.jp/v1',
    payjsUrl: options.payjsUrl ?? 'https://js.pay.jp/v2/pay.js',
    publicKey: options.publicKey,
    secretKey: options.secretKey,
    kuroco: options.kuroco && {
      apiBase: options.kuroco.apiBase.replace(/\/+$/, ''),
      orderDetailsPath: options.kuroco.orderDetailsPath ?? ORDER_DETAILS,
      accessToken: options.kuroco.accessToken,
    },
    close: async () => {},
  };
}

/** A fresh sandbox on a random port, with the given variant options; reached over HTTP only. */
export async function sandboxTarget(options: SandboxOptions = {}): Promise<Target> {
  const server = await createSandbox(options).listen();
  return {
    kind: 'sandbox',
    apiBase: server.payjpApiBase,
    payjsUrl: server.payjsUrl,
    publicKey: options.payjp?.publicKey ?? SANDBOX_PAYJP_PUBLIC_KEY,
    secretKey: options.payjp?.secretKey ?? SANDBOX_PAYJP_SECRET_KEY,
    kuroco: {
      apiBase: server.kurocoApiBase,
      orderDetailsPath: options.kuroco?.paths?.orderDetails ?? ORDER_DETAILS,
      accessToken: options.kuroco?.accessToken ?? 'sandbox-access-token',
    },
    close: () => server.close(),
  };
}
