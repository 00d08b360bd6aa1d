import { describeSettled } from '../classifyRejection';
import { openProbePage } from '../probePage';
import { classified, notObservable, type Probe } from '../rows';

/**
 * `openThreeDSecureDialog` called without a user gesture, so Chromium's popup blocker refuses the
 * sub-window: does pay.js reject at once, or leave the promise to something else?
 */
export const popupBlocking: Probe = {
  name: 'blocked popup',
  options: ['popupBlocking'],
  browser: true,
  async run(ctx) {
    const tdsrId = await ctx.fixtures.threeDSecureRequest();
    const probe = await openProbePage(await ctx.tab(), ctx.pages.probeUrl);
    try {
      const before = await probe.page.evaluate(
        ([pk, id]) => {
          const w = window as unknown as {
            Payjp(k: string, o: object): { openThreeDSecureDialog(i: string): Promise<void> };
            __conformance: { track(n: string, p: unknown): void; opens(): unknown[] };
          };
          // Playwright runs this as a user gesture: a throwaway popup uses the gesture up, so
          // pay.js's window.open meets the blocker as it would after a slow server answer.
          window.open('about:blank', 'conformance-gesture', 'popup=yes')?.close();
          const count = w.__conformance.opens().length;
          w.__conformance.track('dialog', w.Payjp(pk!, { threeDSecureWorkflow: 'subwindow' }).openThreeDSecureDialog(id!));
          return count;
        },
        [ctx.target.publicKey, tdsrId],
      );
      const settled = await probe.settled('dialog', 2000);
      const opens = (await probe.opens()).slice(before);
      if (opens.some((open) => !open.blocked)) return { rows: [notObservable('popupBlocking', 'this browser did not block the sub-window')], checks: [] };
      const row =
        settled?.outcome === 'rejected'
          ? classified('popupBlocking', `${opens.length ? 'window.open returned null; ' : ''}${describeSettled(settled)} at once`, 'reject')
          : opens.length === 0
            ? classified('popupBlocking', `window.open was not called; ${settled ? describeSettled(settled) : 'still pending after 2 s'}`, null)
            : classified('popupBlocking', `window.open returned null; ${settled ? describeSettled(settled) : 'the promise was still pending after 2 s'}`, 'null-window');
      return { rows: [row], checks: [] };
    } finally {
      await probe.close();
    }
  },
};
