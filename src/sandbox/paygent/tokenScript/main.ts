/**
 * The stand-in PaygentToken.js (cf. `https://sandbox.paygent.co.jp/js/PaygentToken.js`), built by
 * scripts/build-standins.mjs into one classic script that defines only `window.PaygentToken`. It
 * logs nothing and keeps nothing: each call posts the fields once and hands the JSON answer to the
 * callback. Not Paygent's code.
 */
import { send } from './send';

interface CardInfo {
  card_number?: unknown;
  expire_year?: unknown;
  expire_month?: unknown;
  cvc?: unknown;
  name?: unknown;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const fieldsOf = (value: unknown): CardInfo => (value !== null && typeof value === 'object' ? (value as CardInfo) : {});

interface PaygentTokenInstance {
  createToken(merchantId: unknown, tokenGenerateKey: unknown, cardInfo: unknown, callback: unknown): void;
  createCvcToken(merchantId: unknown, tokenGenerateKey: unknown, cvcInfo: unknown, callback: unknown): void;
}

// Paygent's samples call it with `new PaygentToken()`; calling it without `new` works as well.
function PaygentToken(this: unknown): PaygentTokenInstance {
  return this instanceof PaygentToken ? (this as PaygentTokenInstance) : new (PaygentToken as unknown as new () => PaygentTokenInstance)();
}

PaygentToken.prototype.createToken = function (merchantId: unknown, tokenGenerateKey: unknown, cardInfo: unknown, callback: unknown) {
  const card = fieldsOf(cardInfo);
  send(
    {
      token_type: 'card',
      merchant_id: text(merchantId),
      token_generate_key: text(tokenGenerateKey),
      card_number: text(card.card_number),
      expire_year: text(card.expire_year),
      expire_month: text(card.expire_month),
      cvc: text(card.cvc),
      name: text(card.name),
    },
    callback,
  );
};

PaygentToken.prototype.createCvcToken = function (merchantId: unknown, tokenGenerateKey: unknown, cvcInfo: unknown, callback: unknown) {
  send(
    { token_type: 'cvc', merchant_id: text(merchantId), token_generate_key: text(tokenGenerateKey), cvc: text(fieldsOf(cvcInfo).cvc) },
    callback,
  );
};

(window as unknown as { PaygentToken: unknown }).PaygentToken = PaygentToken;
