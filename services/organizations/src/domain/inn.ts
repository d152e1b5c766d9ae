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

/**
 * Why `inn` is not an INN, or null. Besides the check digits: an INN begins with the code of the
 * tax office that assigned it, whose first two digits are the region's (01–99); no region is 00,
 * so 0000000000, whose check digit happens to add up, is no INN.
 */
export function innProblem(inn: string): string | null {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return 'must be 10 or 12 digits';
  if (inn.startsWith('00')) return 'must begin with a region code (01–99), not 00';
  const digits = [...inn].map(Number);
  const ok =
    digits.length === 10
      ? checkDigit(digits, WEIGHTS_10) === digits[9]
      : checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
  return ok ? null : 'has a wrong check digit';
}

export function isValidInn(inn: string): boolean {
  return innProblem(inn) === null;
}
