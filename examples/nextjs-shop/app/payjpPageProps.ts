import { payjpStartOrigin, shopEnv } from '../lib/shopEnv';

/** What the client components need from the server's configuration (nothing secret). */
export interface PayjpPageProps {
  publicKey: string;
  payjsUrl: string | undefined;
  startOrigin: string;
}

export function payjpPageProps(): PayjpPageProps {
  const env = shopEnv();
  return { publicKey: env.publicKey, payjsUrl: env.payjsUrl, startOrigin: payjpStartOrigin(env) };
}
