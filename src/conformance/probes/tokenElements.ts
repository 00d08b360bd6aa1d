import { closeChallenge } from '../closeChallenge';
import { classifyLanguage, describeSettled } from '../classifyRejection';
import { openProbePage, waitFor, type ProbePage } from '../probePage';
import { classified, notObservable, type Probe } from '../rows';
import type { UnknownRow } from '../types';

type ProbeWindow = {
  Payjp(key: string, options?: object): { elements(): { create(type: string): { mount(selector: string): void } }; createToken(el: unknown, data?: object): Promise<unknown> };
  __payjp: ReturnType<ProbeWindow['Payjp']>;
  __number: unknown;
  __conformance: { track(name: string, promise: unknown): void };
};

async function typeInto(probe: ProbePage, field: string, text: string): Promise<void> {
  // The stand-in draws inputs, pay.js draws an iframe per field: click whichever is there, then type.
  await probe.page.locator(`#${field} input, #${field} iframe`).first().click({ timeout: 10_000 });
  await probe.page.keyboard.type(text, { delay: 20 });
}

/** `payjsDefaultWorkflow`: what `createToken(…, { three_d_secure: true })` shows without a workflow option. */
async function defaultWorkflow(probe: ProbePage): Promise<UnknownRow> {
  const { page } = probe;
  await typeInto(probe, 'number', '4242424242424242');
  await typeInto(probe, 'expiry', '1235');
  await typeInto(probe, 'cvc', '123');
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    document.getElementById('go')!.onclick = () =>
      w.__conformance.track('tds', w.__payjp.createToken(w.__number, { three_d_secure: true, card: { name: 'TARO YAMADA', email: 'taro@example.jp' } }));
  });
  const known = new Set((await probe.frames()).map((frame) => frame.id));
  const probeUrl = page.url();
  await page.click('#go');
  const seen = await waitFor(
    page,
    async () => {
      // A redirect workflow may also take the whole page to PAY.JP's start page.
      if (page.url() !== probeUrl) return { workflow: 'redirect', observed: `createToken sent the page to ${new URL(page.url()).pathname}`, bodyChild: null };
      if ((await probe.opens()).length > 0) return { workflow: 'subwindow', observed: 'createToken called window.open (a sub-window)', bodyChild: null };
      const frame = (await probe.frames()).find((f) => f.visible && !known.has(f.id));
      if (frame) return { workflow: 'iframe', observed: 'createToken showed an iframe challenge', bodyChild: frame.bodyChild };
      const settled = await probe.settled('tds', 0);
      if (!settled) return null;
      const unfinished = settled.value.kind === 'object' && settled.value.threeDSecureStatus === 'unverified';
      return { workflow: unfinished ? 'redirect' : null, observed: unfinished ? 'createToken resolved an unfinished token, no challenge' : describeSettled(settled), bodyChild: null };
    },
    15_000,
    // Reading the page fails while it navigates: read again.
    true,
  );
  if (!seen) return notObservable('payjsDefaultWorkflow', 'createToken showed nothing and did not settle in 15 s');
  // Leave nothing open: close the sub-window or the iframe challenge (the token stays unfinished).
  for (const other of probe.context.pages()) if (other !== page) await other.close();
  if (seen.workflow === 'iframe') await closeChallenge(page, seen.bodyChild);
  if (page.url() === probeUrl) await probe.settled('tds', 5000);
  return classified('payjsDefaultWorkflow', seen.observed, seen.workflow);
}

/**
 * pay.js card elements in a `Payjp(pk)` made without options: `createToken` on empty fields (the
 * client-side validation error, and the language of its message), then on the test card with
 * `three_d_secure: true` (which workflow it runs).
 */
export const tokenElements: Probe = {
  name: 'pay.js createToken',
  options: ['validationErrorShape', 'payjsLanguage', 'payjsDefaultWorkflow'],
  browser: true,
  async run(ctx) {
    const probe = await openProbePage(await ctx.tab(), ctx.pages.probeUrl);
    try {
      await probe.page.evaluate((pk) => {
        const w = window as unknown as ProbeWindow;
        w.__payjp = w.Payjp(pk);
        const elements = w.__payjp.elements();
        const number = elements.create('cardNumber');
        number.mount('#number');
        elements.create('cardExpiry').mount('#expiry');
        elements.create('cardCvc').mount('#cvc');
        w.__number = number;
      }, ctx.target.publicKey);
      await probe.page.locator('#number input, #number iframe').first().waitFor({ timeout: 15_000 });
      await probe.page.evaluate(() => {
        const w = window as unknown as ProbeWindow;
        w.__conformance.track('empty', w.__payjp.createToken(w.__number));
      });
      const empty = await probe.settled('empty', 10_000);
      const rows: UnknownRow[] = [];
      if (!empty) rows.push(notObservable('validationErrorShape', 'createToken on empty fields did not settle'), notObservable('payjsLanguage', 'no validation message'));
      else {
        const { value } = empty;
        const shape = empty.outcome === 'resolved' && value.kind === 'nested' ? (value.status === undefined ? 'without-status' : 'with-status') : null;
        const observed = `${describeSettled(empty)}${value.status === undefined ? ', no status' : `, status ${String(value.status)}`}${value.type ? `, type ${value.type}` : ''}`;
        rows.push(classified('validationErrorShape', observed, shape), classifyLanguage(value.message));
      }
      rows.push(await defaultWorkflow(probe));
      return { rows, checks: [] };
    } finally {
      await probe.close();
    }
  },
};
