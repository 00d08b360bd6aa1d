import { check, classified, type Probe } from '../rows';
import type { AssumptionCheck, UnknownRow } from '../types';

/** Kuroco's answer to a wrong `X-RCMS-API-ACCESS-TOKEN` on the order-details endpoint: 401 or 403. */
export const kurocoAuth: Probe = {
  name: 'Kuroco authentication failure',
  options: ['authFailureStatus'],
  browser: false,
  async run({ target }) {
    const site = target.kuroco;
    if (!site) return { rows: [{ option: 'authFailureStatus', status: 'not-run', observed: 'no Kuroco site given (KUROCO_BASE_URL)', variant: null }], checks: [] };
    const url = `${site.apiBase}/${site.orderDetailsPath.replace('{ec_order_id}', '1')}`;
    const ask = (token: string) => fetch(url, { headers: { 'X-RCMS-API-ACCESS-TOKEN': token }, signal: AbortSignal.timeout(20_000) });
    const response = await ask('react-3ds-kit-conformance-invalid-token');
    const body = (await response.json().catch(() => null)) as { errors?: unknown } | null;
    const rows: UnknownRow[] = [classified('authFailureStatus', `${response.status} for a wrong access token`, String(response.status))];
    const checks: AssumptionCheck[] = [check(Array.isArray(body?.errors), "Kuroco's error envelope { errors: [...] }", body)];
    if (site.accessToken) {
      const good = await ask(site.accessToken);
      await good.body?.cancel();
      checks.push(check(good.status !== 401 && good.status !== 403, 'the given access token is accepted', good.status));
    }
    return { rows, checks };
  },
};
