import { describe, expect, it } from 'vitest';
import { toCardVerification, type PayjpThreeDSecureRequestLike } from '../../src/server';

function request(patch: Partial<PayjpThreeDSecureRequestLike>): PayjpThreeDSecureRequestLike {
  return {
    id: 'tdsr_x',
    resource_id: 'car_x',
    state: 'created',
    three_d_secure_status: 'unverified',
    created: 100,
    started_at: null,
    result_received_at: null,
    finished_at: null,
    expired_at: null,
    ...patch,
  };
}

describe('toCardVerification outcome', () => {
  it.each([
    // state, status, expired_at, acceptAttempted → outcome, attemptedRefused
    ['created', 'unverified', null, true, 'pending', undefined],
    ['in_progress', 'unverified', null, true, 'pending', undefined],
    ['in_progress', 'verified', null, true, 'pending', undefined],
    ['created', null, null, true, 'pending', undefined],
    ['created', 'unverified', 200, true, 'expired', undefined],
    ['in_progress', 'unverified', 200, false, 'expired', undefined],
    ['result_received', 'verified', null, true, 'succeeded', undefined],
    ['finished', 'verified', null, false, 'succeeded', undefined],
    ['finished', 'verified', 200, true, 'succeeded', undefined],
    ['finished', 'attempted', null, true, 'succeeded', undefined],
    ['finished', 'attempted', null, false, 'failed', true],
    ['result_received', 'attempted', null, false, 'failed', true],
    ['finished', 'unverified', null, true, 'failed', undefined],
    ['finished', 'failed', null, true, 'failed', undefined],
    ['finished', 'error', null, true, 'failed', undefined],
    ['finished', 'aborted', null, true, 'failed', undefined],
    ['finished', 'not_enrolled', null, true, 'failed', undefined],
    ['finished', null, null, true, 'failed', undefined],
    ['some_new_state', 'verified', null, true, 'pending', undefined],
  ] as const)('%s / %s / expired_at %s / acceptAttempted %s → %s', (state, status, expiredAt, acceptAttempted, outcome, refused) => {
    const verification = toCardVerification(request({ state, three_d_secure_status: status, expired_at: expiredAt }), { acceptAttempted });
    expect(verification.outcome).toBe(outcome);
    expect(verification.attemptedRefused).toBe(refused);
    expect('attemptedRefused' in verification).toBe(refused !== undefined);
  });

  it('converts every field to the camelCase protocol shape', () => {
    expect(
      toCardVerification(
        request({ id: 'tdsr_1', resource_id: 'car_1', state: 'finished', three_d_secure_status: 'verified', created: 1, started_at: 2, result_received_at: 3, finished_at: 4 }),
      ),
    ).toEqual({
      id: 'tdsr_1',
      cardId: 'car_1',
      state: 'finished',
      threeDSecureStatus: 'verified',
      outcome: 'succeeded',
      createdAt: 1,
      startedAt: 2,
      resultReceivedAt: 3,
      finishedAt: 4,
      expiredAt: null,
    });
  });

  it('defaults to accepting attempted, as PAY.JP does', () => {
    expect(toCardVerification(request({ state: 'finished', three_d_secure_status: 'attempted' })).outcome).toBe('succeeded');
  });
});
