import { classifyHelperFrames, classifyOverlay } from '../classifyOverlay';
import { closeChallenge } from '../closeChallenge';
import { classifyRejection } from '../classifyRejection';
import { openProbePage, waitFor } from '../probePage';
import type { Probe } from '../rows';

/**
 * `openThreeDSecureIframe` on a customer card's three_d_secure_request (the seed's flow), in a
 * `Payjp(pk, { threeDSecureWorkflow: 'iframe' })`: the DOM pay.js draws, then what it rejects with
 * once the shopper closes the challenge.
 */
export const iframeChallenge: Probe = {
  name: 'pay.js iframe challenge',
  options: ['payjsOverlay', 'payjsHelperFrames', 'payjsRejection'],
  browser: true,
  async run(ctx) {
    const tdsrId = await ctx.fixtures.threeDSecureRequest();
    const probe = await openProbePage(await ctx.tab(), ctx.pages.probeUrl);
    try {
      const { page } = probe;
      await page.evaluate((pk) => {
        const w = window as unknown as { Payjp(key: string, options: object): unknown; __payjp: unknown };
        w.__payjp = w.Payjp(pk, { threeDSecureWorkflow: 'iframe' });
      }, ctx.target.publicKey);
      await page.waitForTimeout(500);
      const framesBefore = await probe.frames();
      const bodyChildrenBefore = await probe.bodyChildren();
      await page.evaluate((id) => {
        const w = window as unknown as { __payjp: { openThreeDSecureIframe(i: string): Promise<void> }; __conformance: { track(n: string, p: unknown): void } };
        w.__conformance.track('iframe', w.__payjp.openThreeDSecureIframe(id));
      }, tdsrId);
      const known = new Set(framesBefore.map((frame) => frame.id));
      const challenge = await waitFor(page, async () => (await probe.frames()).find((frame) => frame.visible && !known.has(frame.id)), 15_000);
      const hidden = (await probe.frames()).filter((frame) => !frame.visible && !known.has(frame.id));
      const seen = {
        challenge,
        bodyChildrenBefore,
        startPage: `${ctx.target.apiBase}/tds/${tdsrId}/start`,
        framesBeforeCall: framesBefore.length,
        hiddenFramesDuringCall: hidden.length,
      };
      const early = await probe.settled('iframe', 0);
      if (!early) await closeChallenge(page, challenge?.bodyChild ?? null);
      const settled = early ?? (await probe.settled('iframe', 10_000));
      return {
        rows: [classifyOverlay(seen), classifyHelperFrames(seen), classifyRejection(settled)],
        checks: [],
      };
    } finally {
      await probe.close();
    }
  },
};
