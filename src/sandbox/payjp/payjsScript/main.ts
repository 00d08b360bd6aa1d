/**
 * The stand-in pay.js (cf. `https://js.pay.jp/v2/pay.js`), built by scripts/build-standins.mjs
 * into one classic script that defines only `window.Payjp`. Not PAY.JP's code.
 *
 * Surface (payjs v2): `Payjp(publicKey, { threeDSecureWorkflow?, locale? })` returning
 * `{ getPublicKey, openThreeDSecureIframe, openThreeDSecureDialog, elements, createToken }`.
 */
import { CHALLENGE_TEXT } from './challengeText';
import { createHelperFrame } from './challengeUrls';
import { CONFIG } from './config';
import { createElement } from './createElement';
import { createToken } from './createToken';
import { WORKFLOWS, type Workflow } from './defaults';
import { FIELD_TEXT } from './fieldText';
import { openDialog, type DialogOptions } from './openDialog';
import { openIframe } from './openIframe';
import { createContainer, type InstanceShared } from './overlay';

type Locale = 'ja' | 'en';

function localeOf(value: unknown, fallback: Locale): Locale {
  return value === 'en' || value === 'ja' ? value : fallback;
}

function createElements(options: unknown, fallbackLocale: Locale) {
  const locale = localeOf(options && typeof options === 'object' ? (options as { locale?: unknown }).locale : undefined, fallbackLocale);
  const group = { text: FIELD_TEXT[locale], messages: FIELD_TEXT[CONFIG.payjsLanguage], values: { number: '', expiry: '', cvc: '' } };
  return { create: (type: unknown, elementOptions?: unknown) => createElement(group, type, elementOptions) };
}

// The page-wide hidden helper frame (payjsHelperFrames), made by the first Payjp().
let tunnel: HTMLIFrameElement | null = null;

function Payjp(publicKey: unknown, options?: { threeDSecureWorkflow?: unknown; locale?: unknown } | null) {
  if (typeof publicKey !== 'string' || publicKey === '') throw new TypeError('Payjp: a public key (pk_...) is required.');
  if (publicKey.startsWith('sk_')) throw new Error('Payjp: never use a secret key (sk_...) in the browser; pass the public key (pk_...).');
  const settings = options ?? {};
  const requested = settings.threeDSecureWorkflow;
  if (requested !== undefined && !WORKFLOWS.includes(requested as Workflow)) {
    throw new TypeError('Payjp: threeDSecureWorkflow must be iframe, subwindow or redirect.');
  }
  const locale: Locale = settings.locale === 'en' ? 'en' : 'ja';
  const text = CHALLENGE_TEXT[locale];
  const workflow = (requested as Workflow | undefined) || CONFIG.payjsDefaultWorkflow;
  const shared: InstanceShared = { container: null };
  if (CONFIG.payjsOverlay === 'container' && document.body) shared.container = createContainer();
  if (CONFIG.payjsHelperFrames && document.body && (!tunnel || !tunnel.isConnected)) tunnel = createHelperFrame('display:none');
  return {
    getPublicKey: () => publicKey,
    openThreeDSecureIframe: (id: unknown) => openIframe(publicKey, id, text, shared, false),
    openThreeDSecureDialog: (id: unknown, dialogOptions?: DialogOptions) => openDialog(publicKey, id, dialogOptions, false),
    elements: (elementsOptions?: unknown) => createElements(elementsOptions, locale),
    createToken: (element: unknown, data?: unknown, dialogOptions?: DialogOptions) =>
      createToken({ publicKey, workflow, text, shared }, element, data, dialogOptions),
  };
}

(window as unknown as { Payjp: typeof Payjp }).Payjp = Payjp;
