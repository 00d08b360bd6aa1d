const KEY_SHAPED = /\b(sk|pk)_(test|live)_[A-Za-z0-9_]+/g;

/**
 * Masks the merchant's keys, and anything shaped like a PAY.JP key, in text bound for the report:
 * an error message from the provider may echo the key it was sent.
 */
export function redactKeys(text: string, keys: string[]): string {
  let result = text;
  for (const key of keys) if (key) result = result.split(key).join('…');
  return result.replace(KEY_SHAPED, '$1_$2_…');
}
