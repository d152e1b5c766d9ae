// INN (taxpayer number) check digits, as defined by the Federal Tax Service:
// 10 digits for legal entities (one check digit), 12 for individuals (two).
const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * digits[i]!, 0);
  return (sum % 11) % 10;
}

/** Completes the first 9 digits of a legal entity's INN with its check digit. */
export function completeLegalEntityInn(firstNine: string): string {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('expected 9 digits');
  const digits = [...firstNine].map(Number);
  return firstNine + String(checkDigit(digits, WEIGHTS_10));
}

export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return checkDigit(digits, WEIGHTS_10) === digits[9];
  return checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
}
