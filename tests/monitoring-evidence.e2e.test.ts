import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { standInPost, startStandIn, type StandIn } from '@hub/monitoring/standin';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { ComplianceReportDocument, PlacementEvidenceDocument, ReportPlacementsDocument } from './generated/contract.js';

// What the hub does with what it reads on the pages (issue 17, part 5): a post nobody reported
// becomes a DISCOVERED placement the weekly check counts; a reported post absent from its page on
// two crawls in a row stops counting, its week is evaluated again and the letter says why.
// The ministry registers in 2026-W48, so 2026-W49 (30 November – 6 December) is its first week.
let now = new Date('2026-11-24T00:00:00Z');
let hub: TestHub;
let standIn: StandIn;
let admin: GraphQLClient;
let operator: GraphQLClient;
let ministry: string;
let cur: string;
let vkPage: string;
const material: Record<'roads' | 'vaccine' | 'forum', string> = { roads: '', vaccine: '', forum: '' };

const TEXT = {
  roads:
    'В Хабаровском крае завершён ремонт двенадцати участков региональных дорог общей протяжённостью сорок километров по национальному проекту.',
  vaccine:
    'В поликлиниках края продолжается бесплатная вакцинация от гриппа. Привиться можно в любой поликлинике по месту жительства без записи.',
  forum: 'Молодёжный форум «Восток» пройдёт в Хабаровске в декабре. Заявки на участие принимаются на сайте форума до двадцатого числа.',
};
const post = (id: string, publishedAt: string, text: string) =>
  standInPost(id, publishedAt, text, { views: 500, likes: 20, reposts: 3, comments: 1 });
const url = (id: string) => `https://vk.com/wall-210000077_${id}`;

const crawl = (pageId: string) =>
  admin.data<{ crawlPage: { status: string } }>('mutation($id: ID!) { crawlPage(pageId: $id) { status } }', { id: pageId });
const evidence = async () => {
  const data = await admin.data(PlacementEvidenceDocument, { id: ministry, week: '2026-W49' });
  return { count: data.organization!.placementCount, byUrl: new Map(data.organization!.placements.map((p) => [p.url, p])) };
};
const verdict = async () =>
  (await admin.data(ComplianceReportDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W49', first: 50 })).complianceReport.edges.find(
    (e) => e.node.organization.id === ministry,
  )?.node.status;
// The dashboard's panel (gateway/dashboard/src/queries.ts, EVIDENCE): the week summed over the region.
const WEEK_EVIDENCE = `query($week: String!) { placementEvidence(week: $week) {
  week placements reported discovered verified doubted pending disproved verifiedShare } }`;
type WeekEvidence = Record<'placements' | 'reported' | 'discovered' | 'verified' | 'doubted' | 'pending' | 'disproved', number> & {
  week: string;
  verifiedShare: number | null;
};
const weekEvidence = async (client: GraphQLClient = admin, week = '2026-W49') =>
  (await client.data<{ placementEvidence: WeekEvidence }>(WEEK_EVIDENCE, { week })).placementEvidence;
const WITHDRAWN = `query($id: ID!) { organization(id: $id) { withdrawnPlacements(period: "2026-W49") { url source reportedBy withdrawnAt withdrawalReason } } }`;

beforeAll(async () => {
  standIn = await startStandIn([
    { platform: 'VK', handle: 'mintrans27', platformPageId: '210000077', title: 'Минтранс края', status: 'OK', posts: [] },
  ]);
  hub = await startTestHub({ clock: () => now, worker: true, env: standIn.env() });
  const adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  ministry = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Министерство транспорта и дорожного хозяйства Хабаровского края',
    kind: 'EXECUTIVE_BODY',
    head: { fullName: 'Петров Пётр Петрович', position: 'Министр', email: 'mintrans-head@khv-region.test' },
  });
  cur = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Центр управления регионом Хабаровского края',
    kind: 'REGIONAL_MANAGEMENT_CENTER',
    head: { fullName: 'Сидорова Анна Павловна', position: 'Руководитель', email: 'cur@khv-region.test' },
  });
  vkPage = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: ministry,
    platform: 'VK',
    url: 'https://vk.com/mintrans27',
  });
  operator = hub.client(await tokenFor('OPERATOR', ministry));
  now = new Date('2026-11-30T00:00:00Z'); // Monday of W49, 10:00 in the region
  const editorToken = await tokenFor('EDITOR');
  for (const key of ['roads', 'vaccine', 'forum'] as const) {
    material[key] = await distributedMaterial(hub.gatewayUrl, editorToken, {
      title: TEXT[key].slice(0, 60),
      body: TEXT[key],
      topic: 'SOCIAL',
    });
  }
  // On the page: the roads material, reported, and the vaccination material, which nobody reports.
  standIn.pages[0]!.posts = [
    post('12', '2026-12-02T02:00:00Z', `Важно для всех жителей края! ${TEXT.vaccine} #здоровье`),
    post('11', '2026-12-01T02:00:00Z', `${TEXT.roads} Подробнее на сайте министерства.`),
  ];
  now = new Date('2026-12-03T03:00:00Z');
  // The officer reports the roads post, and a forum post that is not on the page.
  const reported = await operator.request(ReportPlacementsDocument, {
    input: [
      { materialId: material.roads, pageId: vkPage, url: url('11'), publishedAt: '2026-12-01T02:00:00Z' },
      { materialId: material.forum, pageId: vkPage, url: url('14'), publishedAt: '2026-12-03T02:00:00Z' },
    ],
  });
  expect(reported.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

describe('a matched post that nobody reported', () => {
  it("leaves the reported placements pending in the week's evidence until a crawl checks them", async () => {
    expect(await weekEvidence()).toEqual({
      week: '2026-W49',
      placements: 2,
      reported: 2,
      discovered: 0,
      verified: 0,
      doubted: 0,
      pending: 2,
      disproved: 0,
      verifiedShare: 0,
    });
  });

  it('becomes a DISCOVERED placement by the system, verified, with its reach, and counts', async () => {
    expect((await evidence()).count).toBe(2);
    now = new Date('2026-12-04T00:00:00Z');
    expect((await crawl(vkPage)).crawlPage.status).toBe('OK');
    const { count, byUrl } = await evidence();
    expect(count).toBe(3);
    expect(byUrl.get(url('12'))).toMatchObject({
      source: 'DISCOVERED',
      verification: 'VERIFIED',
      material: { id: material.vaccine },
      reach: { views: 500, likes: 20 },
    });
    expect(byUrl.get(url('11'))).toMatchObject({ source: 'REPORTED', verification: 'VERIFIED' });
    // The forum post was looked for past its time and is not there; one crawl is not enough to stop counting it.
    expect(byUrl.get(url('14'))).toMatchObject({ source: 'REPORTED', verification: 'NOT_FOUND' });
    // The week's evidence as the dashboard shows it: two of three verified, the forum post in doubt.
    const week = await weekEvidence();
    expect(week).toMatchObject({ placements: 3, reported: 2, discovered: 1, verified: 2, doubted: 1, pending: 0, disproved: 0 });
    expect(week.verifiedShare).toBeCloseTo(2 / 3);
  });

  it('carries the week through the weekly check: three materials, the norm met', async () => {
    now = new Date('2026-12-07T00:00:00Z'); // Monday of W50, 10:00: the scheduler evaluates W49
    await hub.worker!.catchUp();
    expect(await verdict()).toBe('MET');
  });
});

describe('a reported post that is not on its page', () => {
  it('stops counting on the second crawl that misses it, with the reason in words; the discovered one is not reported again', async () => {
    now = new Date('2026-12-07T01:00:00Z');
    await crawl(vkPage);
    const { count, byUrl } = await evidence();
    expect(count).toBe(2);
    expect(byUrl.has(url('14'))).toBe(false);
    const { organization } = await operator.data<{
      organization: { withdrawnPlacements: { url: string; source: string; withdrawnAt: string; withdrawalReason: string }[] };
    }>(WITHDRAWN, { id: ministry });
    expect(organization.withdrawnPlacements).toHaveLength(1);
    const [gone] = organization.withdrawnPlacements;
    expect(gone).toMatchObject({ url: url('14'), source: 'REPORTED' });
    expect(new Date(gone!.withdrawnAt).getTime()).toBe(now.getTime());
    expect(gone!.withdrawalReason).toBe(
      `Мониторинг: публикация ${url('14')} не найдена на странице (удалена или не опубликована) при 2 проверках подряд, последняя — 7 декабря 2026, 11:00. Размещение не засчитывается.`,
    );
    // The discovered placement was told once, on the first crawl: the service reported once.
    const audit = await admin.data<{ auditLog: { edges: { node: { actor: string; role: string } }[] } }>(
      '{ auditLog(first: 20, operation: "reportPlacements") { edges { node { actor role } } } }',
    );
    expect(audit.auditLog.edges.filter((e) => e.node.role === 'SYSTEM')).toEqual([{ node: { actor: 'monitoring', role: 'SYSTEM' } }]);
  });

  it('makes its week stale: the next run finds W49 missed, and the letter says which placement stopped counting and why', async () => {
    now = new Date('2026-12-07T02:00:00Z');
    await hub.worker!.catchUp();
    expect(await verdict()).toBe('MISSED');
    const letters = await queryRows<{ to: string; text: string }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select "to", text from compliance.notification where kind = 'ESCALATION_DIGEST' and text like ${'%' + url('14') + '%'}`,
    );
    expect(letters.map((l) => l.to)).toContain('mintrans-head@khv-region.test');
    expect(letters[0]!.text).toContain('не найдена на странице');
  });

  it("counts the disproved placement apart in the week's evidence, for the region and for the ministry's operator alike", async () => {
    const expected = {
      week: '2026-W49',
      placements: 2,
      reported: 1,
      discovered: 1,
      verified: 2,
      doubted: 0,
      pending: 0,
      disproved: 1,
      verifiedShare: 1,
    };
    expect(await weekEvidence()).toEqual(expected);
    expect(await weekEvidence(operator)).toEqual(expected);
    // Another week, and another organization's tree, have none of it.
    expect(await weekEvidence(admin, '2026-W48')).toMatchObject({ placements: 0, disproved: 0, verifiedShare: null });
    const elsewhere = hub.client(await tokenFor('OPERATOR', cur));
    expect(await weekEvidence(elsewhere)).toMatchObject({ placements: 0, reported: 0, disproved: 0, verifiedShare: null });
  });

  it('refuses a period that is not a week, naming the argument, and the content center', async () => {
    for (const week of ['2026-12', '2026-W99', 'last week']) {
      const answer = await admin.request(WEEK_EVIDENCE, { week });
      expect(errorCodes(answer), week).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0]!.extensions!.field).toBe('week');
    }
    expect(errorCodes(await hub.client(await tokenFor('EDITOR')).request(WEEK_EVIDENCE, { week: '2026-W49' }))).toEqual(['FORBIDDEN']);
  });
});

describe("Monday's summary to the ЦУР", () => {
  it('says how much of the week the pages bear out, and its workbook lists it per organization and by topic', async () => {
    now = new Date('2026-12-07T03:00:00Z');
    await hub.worker!.scheduler.runNow('compliance.weekly-summary');
    const [letter] = await queryRows<{ text: string; attachments: { filename: string; contentBase64: string }[] }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select text, attachments from compliance.notification where dedup_key = 'summary:2026-W49'`,
    );
    expect(letter!.text).toContain(
      'Проверка по страницам: подтверждено мониторингом 2 из 2 (100 %) размещений; по отчётам 1, найдено мониторингом без отчёта 1; ' +
        'под сомнением (не найдены при последней проверке) 0, не засчитано по итогам двух проверок 1.',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(letter!.attachments[0]!.contentBase64, 'base64') as never);
    const rowsOf = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1));
    expect(rowsOf('Проверка по страницам')).toEqual([
      ['Министерство транспорта и дорожного хозяйства Хабаровского края', 2, 1, 1, 2, 0, 1, 1000],
    ]);
    expect(rowsOf('Охват по темам')).toEqual([['Социальная сфера', 2, 2, 1000, 40, 6, 2]]);
  });
});
