import { callApi } from './callApi';
import { checkField } from './cardFields';
import { MESSAGES, type ChallengeText } from './challengeText';
import { CONFIG } from './config';
import type { Workflow } from './defaults';
import { entryOf } from './elementRegistry';
import { FIELD_TEXT, type Field } from './fieldText';
import { openDialog, type DialogOptions } from './openDialog';
import { openIframe } from './openIframe';
import type { InstanceShared } from './overlay';
import { readRejection } from './rejection';
import { clientError, publicCode, validationError } from './tokenErrors';

const CARDHOLDER_KEYS = ['name', 'email', 'phone', 'address_state', 'address_city', 'address_line1', 'address_line2', 'address_zip', 'country'];
const FIELDS: readonly Field[] = ['number', 'expiry', 'cvc'];

/** What a Payjp() instance passes to createToken. */
export interface TokenContext {
  publicKey: string;
  workflow: Workflow;
  text: ChallengeText;
  shared: InstanceShared;
}

/**
 * createToken(element, data, dialogOptions): resolves the token or `{ error }`, never rejects.
 * With 3-D Secure it runs the iframe or sub-window challenge and finishes the token (`redirect`:
 * returns it unfinished).
 */
export function createToken(context: TokenContext, element: unknown, data: unknown, dialogOptions: DialogOptions): Promise<unknown> {
  const { publicKey, workflow } = context;
  const entry = entryOf(element);
  const text = FIELD_TEXT[CONFIG.payjsLanguage];
  if (!entry || !entry.isMounted()) return Promise.resolve(validationError('invalid_element', text.invalid_element));
  const values = entry.group.values;
  for (const field of FIELDS) {
    const check = checkField(field, values, 'submit');
    if (check.error !== null) return Promise.resolve(validationError(publicCode(check.error), text[check.error]));
  }
  const input = (data ?? {}) as { card?: Record<string, unknown> | null; three_d_secure?: unknown };
  const pairs: [string, string][] = [
    ['card[number]', values.number],
    ['card[exp_month]', String(Number(values.expiry.slice(0, 2)))],
    ['card[exp_year]', `20${values.expiry.slice(2)}`],
    ['card[cvc]', values.cvc],
  ];
  const holder = input.card ?? {};
  for (const key of CARDHOLDER_KEYS) {
    const value = holder[key];
    if (value !== undefined && value !== null && value !== '') pairs.push([`card[${key}]`, String(value)]);
  }
  if (input.three_d_secure === true) pairs.push(['three_d_secure', 'true']);
  return callApi(publicKey, '/tokens', pairs, text.network_error).then((created) => {
    if (created.error) return { error: created.error };
    const token = created.body as { id: string; card?: { three_d_secure_status?: unknown } };
    // The token says whether it runs 3-D Secure (the flag, or the account's "every token" setting).
    const needsChallenge = token.card && token.card.three_d_secure_status === 'unverified';
    if (!needsChallenge || workflow === 'redirect') return token;
    const opened =
      workflow === 'subwindow' ? openDialog(publicKey, token.id, dialogOptions, true) : openIframe(publicKey, token.id, context.text, context.shared, true);
    return opened.then(
      // pay.js finishes iframe / sub-window token flows itself (the shop's server charges the token directly).
      () =>
        callApi(publicKey, `/tokens/${encodeURIComponent(token.id)}/tds_finish`, [], text.network_error).then((finished) =>
          finished.error ? { error: finished.error } : finished.body,
        ),
      (rejection: unknown) => {
        const read = readRejection(rejection, 'canceled', MESSAGES.canceled);
        return clientError(read.code, read.message);
      },
    );
  });
}
