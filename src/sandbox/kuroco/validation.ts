import {
  findPayment,
  findProduct,
  SANDBOX_COUPON_CODE,
  SANDBOX_COUPON_PRODUCT_IDS,
  type SandboxPayment,
  type SandboxProduct,
} from './catalog';
import type { KurocoErrorItem } from './envelope';

/** A purchase request that passed field validation. */
export interface PurchaseInput {
  payment: SandboxPayment;
  lines: { product: SandboxProduct; quantity: number }[];
  couponCode: string | null;
  cardToken: string | null;
  /** `card_options.card_3dsec_return_url` as sent (3-D Secure payments only). */
  returnUrl: string | null;
}

export type PurchaseValidation = { ok: true; value: PurchaseInput } | { ok: false; errors: KurocoErrorItem[] };

const CARD_TOKEN_PATTERN = /^tok_[A-Za-z0-9]{10,}$/;

const LABELS: Record<string, string> = {
  ec_payment_id: '支払い方法',
  order_products: '購入商品',
  product_id: '商品ID',
  quantity: '数量',
  card_token: 'カードトークン',
  'card_options.card_3dsec_return_url': '3Dセキュア戻りURL',
  'discount.serial_code': 'クーポンコード',
};

function label(field: string): string {
  const key = field.replace(/^order_products\[\d+\]\./, '');
  return LABELS[key] ?? field;
}

function required(field: string): KurocoErrorItem {
  return { code: 'required', field, message: `${label(field)}（${field}）を入力してください。` };
}

function invalid(field: string, reason: string): KurocoErrorItem {
  return { code: 'invalid', field, message: `${label(field)}（${field}）${reason}` };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A positive integer given as a JSON number or a numeric string, else null. */
function positiveInteger(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** A path starting with one `/`, or an absolute http(s) URL; no spaces or control characters. */
export function isValidReturnUrl(value: string): boolean {
  // Whitespace, control characters and backslashes let browsers reinterpret a path as another host.
  if ([...value].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function readLine(
  productValue: unknown,
  quantityValue: unknown,
  prefix: string,
  errors: KurocoErrorItem[],
): { product: SandboxProduct; quantity: number } | null {
  const productField = `${prefix}product_id`;
  const quantityField = `${prefix}quantity`;
  let product: SandboxProduct | undefined;
  if (isMissing(productValue)) errors.push(required(productField));
  else {
    const id = positiveInteger(productValue);
    product = id === null ? undefined : findProduct(id);
    if (product === undefined) errors.push(invalid(productField, 'に指定された商品が存在しません。'));
  }
  const quantity = positiveInteger(quantityValue);
  if (isMissing(quantityValue)) errors.push(required(quantityField));
  else if (quantity === null) errors.push(invalid(quantityField, 'は1以上の整数で指定してください。'));
  return product !== undefined && quantity !== null ? { product, quantity } : null;
}

function readLines(body: Record<string, unknown>, errors: KurocoErrorItem[]): PurchaseInput['lines'] {
  const list = body.order_products;
  const hasList = list !== undefined && list !== null;
  const hasSingle = !isMissing(body.product_id);
  if (hasList && hasSingle) {
    errors.push(invalid('order_products', 'と product_id は同時に指定できません。'));
    return [];
  }
  if (hasSingle) {
    const line = readLine(body.product_id, body.quantity, '', errors);
    return line ? [line] : [];
  }
  if (!hasList) {
    errors.push({
      code: 'required',
      field: 'order_products',
      message: '購入商品（order_products、または product_id と quantity）を指定してください。',
    });
    return [];
  }
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(invalid('order_products', 'は商品（product_id, quantity）の配列で指定してください。'));
    return [];
  }
  const lines: PurchaseInput['lines'] = [];
  list.forEach((item: unknown, index) => {
    const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const line = readLine(entry.product_id, entry.quantity, `order_products[${index}].`, errors);
    if (line) lines.push(line);
  });
  return lines;
}

function readPayment(body: Record<string, unknown>, errors: KurocoErrorItem[]): SandboxPayment | null {
  if (isMissing(body.ec_payment_id)) {
    errors.push(required('ec_payment_id'));
    return null;
  }
  const id = positiveInteger(body.ec_payment_id);
  const payment = id === null ? undefined : findPayment(id);
  if (payment === undefined) {
    errors.push(invalid('ec_payment_id', 'に指定された支払い方法が存在しません。'));
    return null;
  }
  return payment;
}

function readCoupon(body: Record<string, unknown>, errors: KurocoErrorItem[]): string | null {
  const discount = body.discount;
  if (discount === undefined || discount === null) return null;
  const code = typeof discount === 'object' ? (discount as Record<string, unknown>).serial_code : undefined;
  if (isMissing(code)) return null;
  if (code !== SANDBOX_COUPON_CODE) {
    errors.push(invalid('discount.serial_code', 'が正しくありません。'));
    return null;
  }
  return code;
}

function readCardToken(body: Record<string, unknown>, usedTokens: ReadonlySet<string>, errors: KurocoErrorItem[]): string | null {
  const token = body.card_token;
  if (isMissing(token)) {
    errors.push(required('card_token'));
    return null;
  }
  if (typeof token !== 'string' || !CARD_TOKEN_PATTERN.test(token)) {
    errors.push(invalid('card_token', 'の形式が正しくありません。'));
    return null;
  }
  if (usedTokens.has(token)) {
    // Sandbox behaviour modelled on Paygent's one-time card tokens.
    errors.push(invalid('card_token', 'は使用済みです。カード情報を入力し直してください。'));
    return null;
  }
  return token;
}

function readReturnUrl(body: Record<string, unknown>, errors: KurocoErrorItem[]): string | null {
  const field = 'card_options.card_3dsec_return_url';
  const options = body.card_options;
  const value = typeof options === 'object' && options !== null ? (options as Record<string, unknown>).card_3dsec_return_url : undefined;
  if (isMissing(value)) {
    errors.push(required(field));
    return null;
  }
  if (typeof value !== 'string' || !isValidReturnUrl(value)) {
    errors.push(invalid(field, 'は「/」で始まるパス、または http(s) の URL で指定してください。'));
    return null;
  }
  return value;
}

/** Checks an `ECOrder::purchase` body; collects every field error, each naming its field. */
export function validatePurchase(body: Record<string, unknown>, usedTokens: ReadonlySet<string>): PurchaseValidation {
  const errors: KurocoErrorItem[] = [];
  const payment = readPayment(body, errors);
  const lines = readLines(body, errors);
  const couponCode = readCoupon(body, errors);
  const cardToken = payment?.card ? readCardToken(body, usedTokens, errors) : null;
  const returnUrl = payment?.threeDSecure ? readReturnUrl(body, errors) : null;
  if (couponCode !== null && lines.length > 0 && !lines.some(({ product }) => SANDBOX_COUPON_PRODUCT_IDS.includes(product.product_id))) {
    errors.push(invalid('discount.serial_code', 'はご購入の商品には利用できません。'));
  }
  if (errors.length > 0 || payment === null) return { ok: false, errors };
  return { ok: true, value: { payment, lines, couponCode, cardToken, returnUrl } };
}
