import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Column } from './columns.js';
import type { ReportRow } from '../data/report-rows.repo.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

export type ReportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Waits while the client reads slower than PostgreSQL gives: memory stays at a batch or so. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * One row's cells as both writers emit them: user-typed text that a spreadsheet would run as a
 * formula is made text (docs/SECURITY.md, "Spreadsheet exports"; see spreadsheet-safe.ts).
 */
function cells(columns: Column[], row: ReportRow): (string | number)[] {
  return columns.map((c) => spreadsheetSafe(c.value(row)));
}

/** Streams an XLSX workbook: rows are committed to the zip as they come, never held as a sheet. */
export async function writeXlsx(out: Writable, title: string, columns: Column[], batches: AsyncIterable<ReportRow[]>): Promise<void> {
  // Loaded on the first export: the package holds ~25 MB a process would otherwise keep from boot.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for await (const rows of batches) {
    for (const row of rows) sheet.addRow(cells(columns, row)).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Streams CSV as a spreadsheet program in a Russian locale opens it on a double click: UTF-8 with
 * a byte-order mark and `;` between fields (`,` is the decimal separator there).
 */
export async function writeCsv(out: Writable, columns: Column[], batches: AsyncIterable<ReportRow[]>): Promise<void> {
  const csv = stringify({ delimiter: ';', bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' });
  csv.pipe(out);
  for await (const rows of batches) {
    for (const row of rows) {
      if (!csv.write(cells(columns, row))) await once(csv, 'drain');
    }
  }
  csv.end();
  await once(out, 'finish');
}
