import Payjp from 'payjp';
import { shopEnv } from './shopEnv';

type PayjpClient = ReturnType<typeof Payjp>;
const slot = globalThis as typeof globalThis & { shopPayjpClient?: PayjpClient };

/** The official SDK, for the shop's own reads (the thanks page, the plan page). Server only. */
export function payjpClient(): PayjpClient {
  if (slot.shopPayjpClient) return slot.shopPayjpClient;
  const env = shopEnv();
  slot.shopPayjpClient = Payjp(env.secretKey, { timeout: 10_000, ...(env.apiBase ? { apibase: env.apiBase } : {}) });
  return slot.shopPayjpClient;
}
