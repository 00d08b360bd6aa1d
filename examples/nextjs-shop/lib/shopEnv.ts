/** The shop's server configuration, read from the environment at request time (never at build time). */
export interface ShopEnv {
  secretKey: string;
  publicKey: string;
  /** The sandbox's `/v1` in development; unset in production (https://api.pay.jp/v1). */
  apiBase: string | undefined;
  /** The sandbox's stand-in pay.js in development; unset in production (https://js.pay.jp/v2/pay.js). */
  payjsUrl: string | undefined;
  /** The origins the shop is served on: the redirect workflow may come back to each. */
  origins: string[];
  /** The signed-in shopper's PAY.JP customer. A real shop reads it from its session. */
  customerId: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (got ${JSON.stringify(value)}): start the shop with npm run dev or npm start, which set it.`);
  return value;
}

export function shopEnv(): ShopEnv {
  return {
    secretKey: required('PAYJP_SECRET_KEY'),
    publicKey: required('PAYJP_PUBLIC_KEY'),
    apiBase: process.env.PAYJP_API_BASE || undefined,
    payjsUrl: process.env.PAYJS_URL || undefined,
    origins: required('SHOP_ORIGINS').split(','),
    customerId: required('SHOP_CUSTOMER_ID'),
  };
}

/** Where PAY.JP's 3-D Secure start page is: the browser leaves for it only (redirect workflow). */
export function payjpStartOrigin(env: ShopEnv): string {
  return new URL(env.apiBase ?? 'https://api.pay.jp/v1').origin;
}
