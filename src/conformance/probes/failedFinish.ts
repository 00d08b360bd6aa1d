import { passRedirectChallenge, readUntil } from '../context';
import { describeAnswer } from '../payjpApi';
import { classified, notObservable, type Probe } from '../rows';
import { createThreeDSecureCharge, hasResult } from './chargeFlow';

/** `tds_finish` on a charge whose 3-D Secure failed: which code PAY.JP answers. */
export const failedFinish: Probe = {
  name: 'tds_finish on a failed 3-D Secure',
  options: ['failedFinish'],
  browser: true,
  async run(ctx) {
    const id = String((await createThreeDSecureCharge(ctx)).id);
    if (!(await passRedirectChallenge(ctx, id, 'failed'))) {
      return { rows: [notObservable('failedFinish', 'not observable in test mode: the challenge offers no failing answer')], checks: [] };
    }
    const read = await readUntil(ctx.api, `/charges/${id}`, hasResult);
    if (read.three_d_secure_status !== 'failed' && read.three_d_secure_status !== 'error') {
      return { rows: [notObservable('failedFinish', `the failing answer gave status ${JSON.stringify(read.three_d_secure_status)}`)], checks: [] };
    }
    const answer = await ctx.api.call('POST', `/charges/${id}/tds_finish`);
    const value = answer.status === 400 && typeof answer.error?.code === 'string' ? answer.error.code : null;
    return { rows: [classified('failedFinish', `${String(read.three_d_secure_status)} → ${describeAnswer(answer)}`, value)], checks: [] };
  },
};
