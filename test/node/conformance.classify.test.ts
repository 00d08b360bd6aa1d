// The classification rules of the conformance check, on observations each sandbox variant (or the
// real pay.js) can produce, including the ones no sandbox option offers yet on this branch.
import { describe, expect, it } from 'vitest';
import { classifyHelperFrames, classifyOverlay, type OverlayObservation } from '../../src/conformance/classifyOverlay';
import { classifyLanguage, classifyRejection } from '../../src/conformance/classifyRejection';
import { formatReport } from '../../src/conformance/formatReport';
import type { SettledValue } from '../../src/conformance/pageScript';
import { redactKeys } from '../../src/conformance/redactKeys';

const START = 'https://api.pay.jp/v1/tds/tdsr_1/start';
const seen = (over: Partial<OverlayObservation>): OverlayObservation => ({
  challenge: { id: 9, src: `${START}?publickey=pk_test_x`, bodyChild: 5, visible: true },
  bodyChildrenBefore: [1, 2],
  startPage: START,
  framesBeforeCall: 0,
  hiddenFramesDuringCall: 0,
  ...over,
});

describe('classifyOverlay', () => {
  it('a fresh body child with the start page is body-child', () => {
    expect(classifyOverlay(seen({}))).toMatchObject({ status: 'matched', variant: 'body-child' });
  });
  it('a fresh body child with a frame from elsewhere is foreign-frame', () => {
    const challenge = { id: 9, src: 'https://js.pay.jp/v2/three_d_secure.html#tdsr_1', bodyChild: 5, visible: true };
    expect(classifyOverlay(seen({ challenge }))).toMatchObject({ status: 'matched', variant: 'foreign-frame' });
  });
  it('a frame inside a body child that existed before the call is container', () => {
    expect(classifyOverlay(seen({ bodyChildrenBefore: [1, 5] }))).toMatchObject({ status: 'matched', variant: 'container' });
  });
  it('no visible frame is not observable, never a guess', () => {
    expect(classifyOverlay(seen({ challenge: null }))).toMatchObject({ status: 'not-observable', variant: null });
  });
  it('helper frames: any iframe after Payjp() or hidden during the call', () => {
    expect(classifyHelperFrames(seen({ framesBeforeCall: 1 })).variant).toBe('true');
    expect(classifyHelperFrames(seen({ hiddenFramesDuringCall: 2 })).variant).toBe('true');
    expect(classifyHelperFrames(seen({})).variant).toBe('false');
  });
});

const rejected = (value: SettledValue['value']): SettledValue => ({ outcome: 'rejected', value });

describe('classifyRejection and classifyLanguage', () => {
  it.each([
    [{ kind: 'error', code: 'canceled', message: 'x' }, 'error'],
    [{ kind: 'object', code: 'canceled', message: 'x' }, 'object'],
    [{ kind: 'nested', code: 'canceled', message: 'x' }, 'nested'],
    [{ kind: 'undefined' }, 'undefined'],
  ] as const)('%o is %s', (value, variant) => {
    expect(classifyRejection(rejected(value))).toMatchObject({ status: 'matched', variant });
  });
  it('a resolve on close, or a bare string, matches no variant', () => {
    expect(classifyRejection({ outcome: 'resolved', value: { kind: 'undefined' } })).toMatchObject({ status: 'no-variant' });
    expect(classifyRejection(rejected({ kind: 'string', message: 'canceled' }))).toMatchObject({ status: 'no-variant' });
  });
  it('reads the language from the message', () => {
    expect(classifyLanguage('3Dセキュア認証がキャンセルされました。').variant).toBe('ja');
    expect(classifyLanguage('3-D Secure authentication was canceled.').variant).toBe('en');
    expect(classifyLanguage(undefined).status).toBe('not-observable');
  });
});

describe('formatReport', () => {
  it('asks for a report when no variant matches, and marks defaults', () => {
    const text = formatReport({
      target: 'payjp-test',
      rows: [
        { option: 'secondFinish', status: 'no-variant', observed: '400 some_new_code', variant: null },
        { option: 'failedFinish', status: 'matched', observed: 'failed → 400 three_d_secure_incompleted', variant: 'three_d_secure_incompleted' },
      ],
      checks: [{ ok: false, what: 'three_d_secure_request has state', detail: 'missing: state' }],
      apiCalls: 3,
      created: ['tok_1', 'tok_2', 'ch_1'],
      ok: false,
    });
    expect(text).toMatch(/secondFinish\s+no variant matches — please report\s+400 some_new_code/);
    expect(text).toMatch(/failedFinish\s+three_d_secure_incompleted \(default\)/);
    expect(text).toContain('FAIL three_d_secure_request has state: missing: state');
    expect(text).toContain('test objects created: 2 tokens, 1 charge');
    expect(text).toContain('NOT OK');
  });
});

describe('redactKeys', () => {
  it('masks the given keys and anything key-shaped', () => {
    const text = 'Invalid API Key: sk_test_abc123XYZ; pk_live_zz9 and odd-secret';
    const redacted = redactKeys(text, ['odd-secret']);
    expect(redacted).toBe('Invalid API Key: sk_test_…; pk_live_… and …');
  });
});
