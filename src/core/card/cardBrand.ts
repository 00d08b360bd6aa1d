/** A card brand by PAY.JP's names. */
export type CardBrand = 'Visa' | 'MasterCard' | 'JCB' | 'American Express' | 'Diners Club' | 'Discover';

/**
 * The brand of a card number (or of the digits typed so far) by its prefix, with PAY.JP's brand
 * names; null when no brand PAY.JP takes matches.
 */
export function cardBrandOf(digits: string): CardBrand | null {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) return 'Visa';
  // A partial prefix ('5', '352') is a smaller number, outside every range below.
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
  if (four >= 3528 && four <= 3589) return 'JCB';
  if (two === 34 || two === 37) return 'American Express';
  if (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) return 'Diners Club';
  if (digits.startsWith('6011') || two === 65) return 'Discover';
  return null;
}
