import type { Locator, Page } from '@playwright/test';
import { SANDBOX_TEST_CARDS, type TestCard } from '../testCards';
import { TestingHelperError } from '../TestingHelperError';

/** Options of the fill helpers. */
export interface FillCardOptions {
  /** How long to wait for the fields. @default 10000 */
  timeoutMs?: number;
}

async function field(locator: Locator, what: string, timeoutMs: number): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
    return locator;
  } catch {
    throw new TestingHelperError('card_fields_not_found', `${what} did not appear within ${timeoutMs} ms`);
  }
}

/**
 * Types a card into the sandbox's stand-in pay.js fields (`<PayjpCardElement>`, split or combined):
 * number, expiry and CVC, key by key as a shopper would. Real pay.js renders cross-origin iframes
 * instead: this helper is for the sandbox.
 */
export async function fillPayjsCard(page: Page, card: TestCard = SANDBOX_TEST_CARDS.visa, options: FillCardOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const input = (name: string) => field(page.locator(`[data-payjs-field="${name}"]`).first(), `The stand-in pay.js ${name} field ([data-payjs-field="${name}"])`, timeoutMs);
  await (await input('number')).pressSequentially(card.number);
  await (await input('expiry')).pressSequentially(card.expiry.replace(/\D/g, ''));
  await (await input('cvc')).pressSequentially(card.cvc);
}

/** Fills the kit's `<PaygentCardForm>`: number, expiry (MM/YY), CVC and, when the form asks, the name. */
export async function fillPaygentCard(page: Page, card: TestCard = SANDBOX_TEST_CARDS.visa, options: FillCardOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const form = page.locator('[data-paygent-card-form]').first();
  await field(form, 'The <PaygentCardForm> ([data-paygent-card-form])', timeoutMs);
  const input = (autocomplete: string) => field(form.locator(`input[autocomplete="${autocomplete}"]`), `The <PaygentCardForm> ${autocomplete} input`, timeoutMs);
  await (await input('cc-number')).fill(card.number);
  await (await input('cc-exp')).fill(card.expiry);
  await (await input('cc-csc')).fill(card.cvc);
  const name = form.locator('input[autocomplete="cc-name"]');
  if (card.name !== undefined && (await name.count()) > 0) await name.fill(card.name);
}
