import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { gql, tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';

// Monday 30 November 2026, 10:05 in Khabarovsk: 2026-W48 has just ended.
const now = new Date('2026-12-01T00:05:00Z');
let hub: TestHub;
let admin: string;
let analyst: string;
let base: string;

const download = (path: string, token: string | null = analyst) =>
  fetch(`${base}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

async function reportTotal(rule: string, token = analyst): Promise<number> {
  const res = await gql<{ complianceReport: { totalCount: number } }>(
    hub.gatewayUrl,
    `{ complianceReport(period: "2026-W48", rule: ${rule}, first: 0) { totalCount } }`,
    {},
    token,
  );
  return res.data!.complianceReport.totalCount;
}

async function missedOrganization(): Promise<string> {
  const res = await gql<{
    complianceReport: { edges: { node: { organization: { name: string }; actual: number; consecutiveMisses: number } }[] };
  }>(
    hub.gatewayUrl,
    '{ complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, status: MISSED, first: 1) { edges { node { organization { name } actual consecutiveMisses } } } }',
    {},
    analyst,
  );
  return res.data!.complianceReport.edges[0]!.node.organization.name;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => now });
  [admin, analyst] = await Promise.all([tokenFor('ADMIN'), tokenFor('ANALYST')]);
  base = hub.gatewayUrl.replace(/\/graphql$/, '');
  for (const rule of ['WEEKLY_PLACEMENTS', 'CONTENT_CENTER_WEEKLY_SUPPLY']) {
    const res = await gql<{ runComplianceCheck: { status: string } }>(
      hub.gatewayUrl,
      `mutation { runComplianceCheck(rule: ${rule}, period: "2026-W48") { status } }`,
      {},
      admin,
    );
    expect(res.data!.runComplianceCheck.status).toBe('SUCCEEDED');
  }
});
afterAll(() => hub?.stop());

describe('GET /reports/compliance.xlsx', () => {
  it('streams a workbook with Russian headers, one row per organization and weekly rule', async () => {
    const res = await download('/reports/compliance.xlsx?period=2026-W48');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="compliance-2026-W48.xlsx"');
    expect(res.headers.get('content-length')).toBeNull(); // streamed, not built first
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Организация',
      'Вид',
      'Вышестоящий орган',
      'Муниципальное образование',
      'Правило',
      'Период',
      'Обязательность',
      'Норма',
      'Факт',
      'Статус',
      'Пропусков подряд',
      'Основание освобождения',
      'Оценено',
    ]);
    const expected = (await reportTotal('WEEKLY_PLACEMENTS')) + (await reportTotal('CONTENT_CENTER_WEEKLY_SUPPLY'));
    expect(sheet.actualRowCount - 1).toBe(expected);

    const missed = await missedOrganization();
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    const row = rows.find((r) => r[0] === missed && r[4] === 'Размещение регионального контента (п. 3.1)')!;
    expect(row).toMatchObject({ 5: '2026-W48', 7: 3, 9: 'не выполнено' });
    // Decree 2.2 is counted per recipient; a municipality's placements rest on item 4, never 3.1.
    expect(rows.some((r) => r[1] === 'Орган исполнительной власти' && r[4] === 'Поставка материалов контент-центром (п. 2.2)')).toBe(true);
    expect(rows.some((r) => r[1] === 'Контент-центр')).toBe(false);
    expect(
      rows
        .filter((r) => r[1] === 'Муниципальное образование' && String(r[4]).startsWith('Размещение'))
        .every((r) => r[4] === 'Размещение регионального контента (п. 4)'),
    ).toBe(true);
    const names = rows.map((r) => String(r[0]));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('gives a head its own organizations only', async () => {
    const municipalities = await gql<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
      hub.gatewayUrl,
      '{ organizations(kind: MUNICIPALITY, first: 1) { edges { node { id name } } } }',
      {},
      analyst,
    );
    const municipality = municipalities.data!.organizations.edges[0]!.node;
    const head = await tokenFor('HEAD', municipality.id);
    const res = await download('/reports/compliance.csv?period=2026-W48&rule=WEEKLY_PLACEMENTS', head);
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(await reportTotal('WEEKLY_PLACEMENTS', head));
    expect(rows.length).toBeGreaterThan(1);
    // Fewer rows than the whole region's, every one of them in the head's municipality…
    expect(rows.length).toBeLessThan(await reportTotal('WEEKLY_PLACEMENTS', analyst));
    expect(rows.length).toBeLessThan(await reportTotal('WEEKLY_PLACEMENTS', admin));
    expect(rows.filter((r) => r['Муниципальное образование'] !== municipality.name)).toEqual([]);
    // …and the very organizations the API gives the head for the same report.
    const scoped = await gql<{ complianceReport: { totalCount: number; edges: { node: { organization: { name: string } } }[] } }>(
      hub.gatewayUrl,
      '{ complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, first: 500) { totalCount edges { node { organization { name } } } } }',
      {},
      head,
    );
    expect(scoped.errors).toBeUndefined();
    expect(scoped.data!.complianceReport.edges).toHaveLength(scoped.data!.complianceReport.totalCount);
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(rows.map((r) => String(r['Организация'])).sort(byName)).toEqual(
      scoped.data!.complianceReport.edges.map((e) => e.node.organization.name).sort(byName),
    );
  });
});

describe('GET /reports/compliance.csv', () => {
  it('is UTF-8 with a byte-order mark and semicolons, as a Russian spreadsheet program opens it', async () => {
    const res = await download('/reports/compliance.csv?period=2026-W48&rule=WEEKLY_PLACEMENTS');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'Организация;Вид;Вышестоящий орган;Муниципальное образование;Правило;Период;Обязательность;Норма;Факт;Статус;Пропусков подряд;Основание освобождения;Оценено',
    );
    const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(await reportTotal('WEEKLY_PLACEMENTS'));
    const missed = rows.find((r) => r['Организация'] === rows.find((x) => x['Статус'] === 'не выполнено')!['Организация'])!;
    expect(missed).toMatchObject({ Период: '2026-W48', Норма: '3', Статус: 'не выполнено' });
    expect(missed['Оценено']).toMatch(/^2026-12-01 10:05$/);
  });
});

describe('refusals', () => {
  it('answers with a coded JSON error and no file', async () => {
    const cases: [string, string | null, number, string, string?][] = [
      ['/reports/compliance.xlsx?period=2026-W48', null, 401, 'UNAUTHENTICATED'],
      ['/reports/compliance.xlsx?period=2026-W48', 'not-a-token', 401, 'UNAUTHENTICATED'],
      ['/reports/compliance.xlsx?period=2026-W48', await tokenFor('EDITOR'), 403, 'FORBIDDEN'],
      ['/reports/compliance.xlsx', analyst, 400, 'BAD_USER_INPUT', 'period'],
      ['/reports/compliance.xlsx?period=неделя', analyst, 400, 'BAD_USER_INPUT', 'period'],
      ['/reports/compliance.csv?period=2026-11&rule=WEEKLY_PLACEMENTS', analyst, 400, 'BAD_USER_INPUT', 'period'],
      ['/reports/compliance.csv?period=2026-W48&rule=NOPE', analyst, 400, 'BAD_USER_INPUT', 'rule'],
      ['/reports/compliance.pdf?period=2026-W48', analyst, 404, 'NOT_FOUND'],
    ];
    for (const [path, token, status, code, field] of cases) {
      const res = await download(path, token);
      expect({ path, status: res.status }).toEqual({ path, status });
      const body = (await res.json()) as { error: { code: string; field?: string } };
      expect(body.error.code).toBe(code);
      if (field) expect(body.error.field).toBe(field);
    }
  });

  it('says so when the compliance service is down', async () => {
    await hub.subgraphs.compliance.service.stop();
    const res = await download('/reports/compliance.xlsx?period=2026-W48');
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'DOWNSTREAM_SERVICE_ERROR', service: 'compliance' } });
  });
});
