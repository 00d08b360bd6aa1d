import { expectOk, passRedirectChallenge, readUntil } from '../context';
import { describeAnswer } from '../payjpApi';
import { check, classified, notObservable, type Probe } from '../rows';
import { createThreeDSecureCharge, hasResult } from './chargeFlow';

/**
 * Charge 3-D Secure end to end (redirect workflow): the pending charge's fields, `tds_finish` before
 * the challenge, the challenge passed, `tds_finish`, then PAY.JP's answer to a second `tds_finish`.
 */
export const secondFinish: Probe = {
  name: 'second tds_finish',
  options: ['secondFinish'],
  browser: true,
  async run(ctx) {
    const { api } = ctx;
    const charge = await createThreeDSecureCharge(ctx);
    const id = String(charge.id);
    const checks = [
      check(
        charge.paid === false && charge.captured === false && charge.captured_at === null && charge.expired_at === null && charge.three_d_secure_status === 'unverified',
        "a 3-D Secure charge starts paid:false, captured_at/expired_at null, status 'unverified'",
        charge,
      ),
    ];
    const early = await api.call('POST', `/charges/${id}/tds_finish`);
    checks.push(check(early.status === 400 && early.error?.code === 'three_d_secure_incompleted', 'tds_finish before the challenge answers 400 three_d_secure_incompleted', describeAnswer(early)));
    if (!(await passRedirectChallenge(ctx, id, 'verified'))) {
      return { rows: [notObservable('secondFinish', 'could not pass the test-mode challenge automatically')], checks };
    }
    const read = await readUntil(api, `/charges/${id}`, hasResult);
    checks.push(check(read.three_d_secure_status === 'verified' || read.three_d_secure_status === 'attempted', "a passed challenge reads 'verified' or 'attempted'", read.three_d_secure_status));
    const finished = expectOk(await api.call('POST', `/charges/${id}/tds_finish`), 'tds_finish after the challenge');
    checks.push(check(finished.paid === true && typeof finished.captured_at === 'number', 'tds_finish pays the charge (paid:true, captured_at set)', finished));
    const again = await api.call('POST', `/charges/${id}/tds_finish`);
    const value = again.status === 200 ? 'ok' : again.status === 400 && typeof again.error?.code === 'string' ? again.error.code : null;
    return { rows: [classified('secondFinish', describeAnswer(again), value)], checks };
  },
};
