import { E2E_SANDBOX } from './e2ePorts';

const AUTH = { authorization: `Basic ${Buffer.from('sk_test_sandbox:').toString('base64')}` };

/** What the e2e sandbox holds under a PAY.JP list path (`charges`, `three_d_secure_requests`) made since `since` (unix seconds). */
export async function sandboxListSince<T = { id: string }>(resource: string, since: number): Promise<T[]> {
  const list = (await (await fetch(`${E2E_SANDBOX}/v1/${resource}?limit=100&since=${since}`, { headers: AUTH })).json()) as { data: T[] };
  return list.data;
}
