import type { SettledValue } from './pageScript';
import { classified, notObservable } from './rows';
import type { UnknownRow } from './types';
import type { VariantName } from './variants';

function shape(value: SettledValue['value']): string {
  const parts = [value.code !== undefined && `code: ${JSON.stringify(value.code)}`, value.message !== undefined && `message: ${JSON.stringify(value.message)}`].filter(Boolean);
  const label = value.kind === 'error' ? 'Error' : value.kind === 'nested' ? '{ error: {…} }' : value.kind === 'object' ? 'object' : value.kind;
  return parts.length ? `${label} { ${parts.join(', ')} }` : label;
}

/** Describes a settled pay.js promise in a report line. */
export function describeSettled(settled: SettledValue): string {
  return `${settled.outcome} with ${shape(settled.value)}`;
}

/** `payjsRejection`: what a closed challenge rejects with. */
export function classifyRejection(settled: SettledValue | null, option: VariantName = 'payjsRejection'): UnknownRow {
  if (!settled) return notObservable(option, 'the promise did not settle after the challenge was closed');
  if (settled.outcome === 'resolved') return classified(option, describeSettled(settled), null);
  const kind = settled.value.kind;
  const value = kind === 'undefined' || kind === 'error' || kind === 'nested' ? kind : kind === 'object' && (settled.value.code ?? settled.value.message) !== undefined ? 'object' : null;
  return classified(option, describeSettled(settled), value);
}

/** `payjsLanguage`: Japanese when a pay.js message has kana or kanji, English when it has only Latin text. */
export function classifyLanguage(message: string | undefined): UnknownRow {
  if (!message) return notObservable('payjsLanguage', 'the message was empty');
  const language = /[\u3040-\u30ff\u3400-\u9fff]/.test(message) ? 'ja' : /[A-Za-z]/.test(message) ? 'en' : null;
  return classified('payjsLanguage', JSON.stringify(message), language);
}
