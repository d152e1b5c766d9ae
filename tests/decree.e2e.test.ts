import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startWorker, type Worker } from '@hub/compliance/worker';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  AddMethodologicalNoteDocument,
  ReportMediaPublicationDocument,
  ReportPlacementsDocument,
  RunComplianceCheckDocument,
  type MethodologicalNoteInput,
  type RuleCode,
} from './generated/contract.js';
import { TestSmtpServer } from './support/smtp.js';

/**
 * The decree (распоряжение № 299-р) item by item, on a small region registered here and counted
 * by hand. Timeline (Asia/Vladivostok): registered Monday 28 September 2026; W45 = 2–8 November,
 * W46 = 9–15, W47 = 16–22; the checks run on Monday 23 November (W48 current), the late report's
 * next digest on Monday 30 November, the catch-up on Monday 21 December.
 *
 * Placements by hand: eb2 places 3 materials in each of W45, W46, W47 (MET at threshold 3, would
 * miss at 5); sub1, eb1, mun and munSub place nothing (until sub1's late report for W45).
 * Supply (2.2) in W46: 12 materials to eb2, the first 8 of them also to eb1.
 */

let now = new Date('2026-09-27T23:00:00Z'); // Monday 28 September 2026, 09:00
const clock = () => now;
const at = (iso: string) => {
  now = new Date(iso);
};
let hub: TestHub;
let smtp: TestSmtpServer;
let adminToken: string;
let admin: GraphQLClient;
let editor: string;
const workers: Worker[] = [];

const mail = (who: string) => `decree-${who}@khv-region.test`;
const A = {
  curContact: mail('cur'),
  curHead: mail('cur-head'),
  committeeContact: mail('committee'),
  committeeHead: mail('committee-head'),
  centerHead: mail('center-head'),
  centerEditors: mail('center-editors'),
  eb1Head: mail('eb1-head'),
  eb1Press: mail('eb1-press'),
  sub1Head: mail('sub1-head'),
  eb2Head: mail('eb2-head'),
  eb2Press: mail('eb2-press'),
  munHead: mail('mun-head'),
  munPress: mail('mun-press'),
  munSubHead: mail('munsub-head'),
};
const NAME = {
  eb1: 'Министерство лесного хозяйства Хабаровского края (декрет)',
  sub1: 'КГБУ «Лесничество Приамурья» (декрет)',
  eb2: 'Министерство рыбного хозяйства Хабаровского края (декрет)',
  mun: 'Администрация Бикинского района (декрет)',
  munSub: 'МБУК «Бикинский дом культуры» (декрет)',
};
type OrgKey = 'cur' | 'committee' | 'center' | 'eb1' | 'sub1' | 'eb2' | 'mun' | 'munSub';
const org = {} as Record<OrgKey, string>;
const page = {} as Record<'sub1' | 'eb2', string>;
const m45: string[] = [];
const m46: string[] = [];
const m47: string[] = [];

interface Letter {
  id: string;
  to: string;
  cc: string[];
  subject: string;
  text: string;
  html: string;
  decree_items: string[];
}
const letters = () =>
  queryRows<Letter>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select id, "to", cc, subject, text, html, decree_items from compliance.notification order by created_at, id`,
  );
const lettersSince = async (before: Letter[]) => {
  const seen = new Set(before.map((l) => l.id));
  return (await letters()).filter((l) => !seen.has(l.id));
};
const to = (list: Letter[], address: string) => list.filter((l) => l.to === address);

const run = async (rule: RuleCode, period: string) => {
  const res = await admin.request(RunComplianceCheckDocument, { rule, period });
  expect(res.errors, `${rule} ${period}`).toBeUndefined();
  return res.data!.runComplianceCheck;
};
const RESULTS = `query($period: String!, $rule: RuleCode!) { complianceReport(period: $period, rule: $rule, first: 500) {
  edges { node { organization { id } rule period severity decreeItem required actual status consecutiveMisses } } } }`;
/** A result as RESULTS selects it. */
interface Result {
  organization: { id: string };
  rule: string;
  period: string;
  severity: string;
  decreeItem: string;
  required: number;
  actual: number;
  status: string;
  consecutiveMisses: number;
}
const results = async (rule: string, period: string) => {
  const data = await admin.data<{ complianceReport: { edges: { node: Result }[] } }>(RESULTS, { period, rule });
  return new Map<string, Result>(data.complianceReport.edges.map((e) => [e.node.organization.id, e.node]));
};
const ESCALATIONS = `query($period: String!, $rule: RuleCode) { escalations(period: $period, rule: $rule) {
  id level rule period severity decreeItem resolvedAt consecutiveMisses recipients organization { id } notifications { id to } } }`;
/** An escalation as ESCALATIONS selects it. */
interface Escalation {
  id: string;
  level: number;
  rule: string;
  period: string;
  severity: string;
  decreeItem: string;
  resolvedAt: string | null;
  consecutiveMisses: number;
  recipients: string[];
  organization: { id: string };
  notifications: { id: string; to: string }[];
}
const escalations = async (rule: string, period: string) =>
  (await admin.data<{ escalations: Escalation[] }>(ESCALATIONS, { period, rule })).escalations;
const escalationsOf = async (id: string, rule: string, period: string) =>
  (await escalations(rule, period)).filter((e) => e.organization.id === id);

let serial = 0;
const TITLE_WORDS = [
  'лесной',
  'речной',
  'морской',
  'горный',
  'степной',
  'таёжный',
  'озёрный',
  'северный',
  'южный',
  'восточный',
  'западный',
  'дальний',
  'ближний',
  'тихий',
  'светлый',
];
async function distribute(recipients: string[], topic = 'CULTURE'): Promise<string> {
  serial += 1;
  const word = TITLE_WORDS[serial % TITLE_WORDS.length];
  return distributedMaterial(
    hub.gatewayUrl,
    editor,
    {
      title: `Краевой ${word} фестиваль собрал гостей, выпуск ${serial}`,
      body: 'Жители края приняли участие в празднике, организаторы подвели итоги встречи.',
      topic,
    },
    { organizationIds: recipients },
  );
}
let postSerial = 1000;
const placement = (materialId: string, pageKey: 'sub1' | 'eb2', publishedAt: string) => ({
  materialId,
  pageId: page[pageKey],
  url: `https://vk.com/wall-${pageKey === 'eb2' ? 27002 : 27001}_${postSerial++}`,
  publishedAt,
});
async function report(items: ReturnType<typeof placement>[]) {
  const res = await admin.request(ReportPlacementsDocument, { input: items });
  expect(res.errors).toBeUndefined();
  expect(res.data!.reportPlacements.accepted).toBe(items.length);
}

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  hub = await startTestHub({ seed: 'none', clock, smtpUrl: smtp.url });
  adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  editor = await tokenFor('EDITOR');
  const register = async (key: OrgKey, name: string, kind: string, head: string, contactEmail?: string, parentId?: string) => {
    org[key] = await registerOrganization(hub.gatewayUrl, adminToken, {
      name,
      kind,
      parentId,
      contactEmail,
      head: { fullName: 'Соколова Анна Игоревна', position: 'Руководитель', email: head },
    });
  };
  await register('cur', 'Центр управления регионом Хабаровского края (декрет)', 'REGIONAL_MANAGEMENT_CENTER', A.curHead, A.curContact);
  await register(
    'committee',
    'Комитет информационной политики Хабаровского края (декрет)',
    'COMMITTEE',
    A.committeeHead,
    A.committeeContact,
  );
  await register('center', 'Краевой контент-центр (декрет)', 'CONTENT_CENTER', A.centerHead, A.centerEditors);
  await register('eb1', NAME.eb1, 'EXECUTIVE_BODY', A.eb1Head, A.eb1Press);
  await register('sub1', NAME.sub1, 'SUBORDINATE', A.sub1Head, undefined, org.eb1);
  await register('eb2', NAME.eb2, 'EXECUTIVE_BODY', A.eb2Head, A.eb2Press);
  await register('mun', NAME.mun, 'MUNICIPALITY', A.munHead, A.munPress);
  await register('munSub', NAME.munSub, 'SUBORDINATE', A.munSubHead, undefined, org.mun);
  page.sub1 = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: org.sub1,
    platform: 'VK',
    url: 'https://vk.com/decree_forest27',
  });
  page.eb2 = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: org.eb2,
    platform: 'VK',
    url: 'https://vk.com/decree_fish27',
  });

  // 3.3: the subordinate's article in October, reported the next day.
  at('2026-10-15T02:00:00Z');
  await admin.data(ReportMediaPublicationDocument, {
    input: {
      organizationId: org.sub1,
      outlet: 'Приамурские ведомости',
      url: 'https://pv-news.ru/forest-decree-2026',
      publishedAt: '2026-10-14T12:00:00+10:00',
    },
  });

  // W45: three materials to eb2 and sub1; eb2 places them on Tuesday.
  for (let i = 0; i < 3; i++) {
    at(`2026-11-02T0${i}:00:00Z`);
    m45.push(await distribute([org.eb2, org.sub1]));
  }
  at('2026-11-04T02:00:00Z');
  await report(m45.map((m) => placement(m, 'eb2', '2026-11-03T12:00:00+10:00')));

  // W46: twelve materials to eb2, the first eight of them also to eb1; eb2 places three.
  for (let i = 0; i < 12; i++) {
    at(new Date(Date.UTC(2026, 10, 9, 0, i * 5)).toISOString());
    m46.push(await distribute(i < 8 ? [org.eb2, org.eb1] : [org.eb2]));
  }
  at('2026-11-11T02:00:00Z');
  await report(m46.slice(0, 3).map((m) => placement(m, 'eb2', '2026-11-10T12:00:00+10:00')));

  // W47: three materials to eb2, placed.
  for (let i = 0; i < 3; i++) {
    at(`2026-11-16T0${i}:00:00Z`);
    m47.push(await distribute([org.eb2]));
  }
  at('2026-11-18T02:00:00Z');
  await report(m47.map((m) => placement(m, 'eb2', '2026-11-17T12:00:00+10:00')));

  at('2026-11-23T00:05:00Z'); // Monday 23 November 2026, 10:05: W48 is the current week
}, 240_000);
afterAll(async () => {
  for (const w of workers) await w.stop();
  await hub?.stop();
  await smtp?.down();
});

describe('3.1: a subordinate of an executive body', () => {
  it("misses W45 and is told at once, at level 1, to the body's head and its own head, one letter each", async () => {
    const before = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W45');
    const week = await results('WEEKLY_PLACEMENTS', '2026-W45');
    expect(week.get(org.sub1)).toMatchObject({
      status: 'MISSED',
      actual: 0,
      required: 3,
      severity: 'MANDATORY',
      decreeItem: '3.1',
      consecutiveMisses: 1,
    });
    expect(week.get(org.eb1)).toMatchObject({ status: 'MISSED', severity: 'MANDATORY', decreeItem: '3.1' });
    expect(week.get(org.eb2)).toMatchObject({ status: 'MET', actual: 3, severity: 'MANDATORY', decreeItem: '3.1' });
    // Coordinators and the content center are not held to the weekly norm.
    for (const key of ['cur', 'committee', 'center'] as const) expect(week.has(org[key])).toBe(false);

    const [esc, ...more] = await escalationsOf(org.sub1, 'WEEKLY_PLACEMENTS', '2026-W45');
    expect(more).toEqual([]);
    expect(esc).toMatchObject({ level: 1, severity: 'MANDATORY', decreeItem: '3.1', consecutiveMisses: 1, resolvedAt: null });
    expect([...esc!.recipients].sort()).toEqual([A.eb1Head, A.sub1Head].sort());

    const fresh = await lettersSince(before);
    // eb1's head hears of its own miss and its subordinate's in one digest.
    expect(to(fresh, A.eb1Head)).toHaveLength(1);
    expect(to(fresh, A.sub1Head)).toHaveLength(1);
    const bodyLetter = to(fresh, A.eb1Head)[0]!;
    expect(bodyLetter.text).toContain(NAME.sub1);
    expect(bodyLetter.text).toContain(NAME.eb1);
    expect(bodyLetter.decree_items).toEqual(['3.1']);
    expect(bodyLetter.html).toContain(`/dashboard/#/organizations/${org.sub1}`);
    expect(bodyLetter.html).toContain('/dashboard/#/report/WEEKLY_PLACEMENTS/2026-W45');
    // Level 1 only: no press contact, no ЦУР, no committee; eb2 met the norm.
    for (const address of [A.eb1Press, A.curContact, A.curHead, A.committeeContact, A.committeeHead, A.eb2Head]) {
      expect(to(fresh, address), address).toEqual([]);
    }
    expect(new Set(fresh.map((l) => l.to)).size).toBe(fresh.length);
  });
});

describe('4: a municipality', () => {
  it("is labelled item 4, RECOMMENDED, and told only to the municipality's head, even after three missed weeks", async () => {
    const w45 = await results('WEEKLY_PLACEMENTS', '2026-W45');
    expect(w45.get(org.mun)).toMatchObject({ status: 'MISSED', severity: 'RECOMMENDED', decreeItem: '4', consecutiveMisses: 1 });
    expect(w45.get(org.munSub)).toMatchObject({ status: 'MISSED', severity: 'RECOMMENDED', decreeItem: '4' });

    const before = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W46');
    await run('WEEKLY_PLACEMENTS', '2026-W47');
    const w47 = await results('WEEKLY_PLACEMENTS', '2026-W47');
    expect(w47.get(org.mun)).toMatchObject({ status: 'MISSED', severity: 'RECOMMENDED', decreeItem: '4', consecutiveMisses: 3 });
    expect(w47.get(org.munSub)).toMatchObject({ status: 'MISSED', severity: 'RECOMMENDED', decreeItem: '4', consecutiveMisses: 3 });

    for (const period of ['2026-W45', '2026-W46', '2026-W47']) {
      for (const key of ['mun', 'munSub'] as const) {
        const escs = await escalationsOf(org[key], 'WEEKLY_PLACEMENTS', period);
        expect(
          escs.map((e) => [e.level, e.severity, e.decreeItem, e.recipients]),
          `${key} ${period}`,
        ).toEqual([[1, 'RECOMMENDED', '4', [A.munHead]]]);
      }
    }
    const fresh = await lettersSince(before);
    // One digest per run to the municipality's head: two runs, two letters, each item 4 only.
    const munLetters = to(fresh, A.munHead);
    expect(munLetters).toHaveLength(2);
    for (const l of munLetters) {
      expect(l.text).toContain('п. 4');
      expect(l.text).not.toContain('п. 3.1');
      expect(l.decree_items).toEqual(['4']);
      expect(l.text).toContain(NAME.mun);
      expect(l.text).toContain(NAME.munSub);
    }
    // The mandatory side did climb to the ЦУР by W47 (eb1 and sub1: three misses), so the ЦУР was written to…
    expect(to(fresh, A.curContact).length).toBeGreaterThan(0);
    // …but nothing the ЦУР or the committee got ever names the municipality or its subordinate.
    const coordinators = (await letters()).filter((l) => [A.curContact, A.curHead, A.committeeContact, A.committeeHead].includes(l.to));
    for (const l of coordinators) {
      expect(l.text).not.toContain(NAME.mun);
      expect(l.text).not.toContain(NAME.munSub);
    }
    expect(to(await letters(), A.munSubHead)).toEqual([]);
    expect(to(await letters(), A.munPress)).toEqual([]);
  });
});

describe("2.2: the content center's supply per recipient", () => {
  it('holds a body that received 8 of 12 materials MISSED (8 of 10) and one that received all 12 MET', async () => {
    const before = await letters();
    await run('CONTENT_CENTER_WEEKLY_SUPPLY', '2026-W46');
    const supply = await results('CONTENT_CENTER_WEEKLY_SUPPLY', '2026-W46');
    expect(supply.get(org.eb1)).toMatchObject({ status: 'MISSED', actual: 8, required: 10, severity: 'RECOMMENDED', decreeItem: '2.2' });
    expect(supply.get(org.eb2)).toMatchObject({ status: 'MET', actual: 12, required: 10, severity: 'RECOMMENDED', decreeItem: '2.2' });
    expect(supply.get(org.mun)).toMatchObject({ status: 'MISSED', actual: 0, decreeItem: '2.2' });
    expect(supply.get(org.sub1)).toMatchObject({ status: 'MISSED', actual: 0, decreeItem: '2.2' });
    expect(supply.has(org.center)).toBe(false);

    const [esc, ...more] = await escalationsOf(org.eb1, 'CONTENT_CENTER_WEEKLY_SUPPLY', '2026-W46');
    expect(more).toEqual([]);
    expect(esc).toMatchObject({ level: 1, severity: 'RECOMMENDED', decreeItem: '2.2', consecutiveMisses: 1 });
    // The shortfall is the content center's, not the recipient's: its head is never told.
    expect(esc!.recipients).not.toContain(A.eb1Head);
    expect(esc!.recipients).toContain(A.centerHead);
    expect(await escalationsOf(org.eb2, 'CONTENT_CENTER_WEEKLY_SUPPLY', '2026-W46')).toEqual([]);

    // One shortfall letter for the run, naming the short body (8 of 10) and not the one that got 12.
    const fresh = await lettersSince(before);
    expect(fresh).toHaveLength(1);
    const letter = fresh[0]!;
    // To the content center's head, its editors and the committee (decree 1: it coordinates the center) in copy.
    expect(letter.to).toBe(A.centerHead);
    expect([...letter.cc].sort()).toEqual([A.centerEditors, A.committeeContact].sort());
    expect(letter.decree_items).toEqual(['2.2']);
    expect(letter.text).toContain(`${NAME.eb1}: Получено 8, Норма 10`);
    expect(letter.text).not.toContain(NAME.eb2);
    expect(letter.text).toContain('п. 2.2');
    // Who it is addressed to (the center's head, its editors and the committee in cc) is left out:
    // services/compliance/src/engine/escalate.ts never finds the content center (see the report).
  });
});

describe('3.3: a media mention', () => {
  it("counts a subordinate's publication for its executive body", async () => {
    await run('MONTHLY_MEDIA_MENTION', '2026-10');
    const october = await results('MONTHLY_MEDIA_MENTION', '2026-10');
    expect(october.get(org.eb1)).toMatchObject({ status: 'MET', actual: 1, required: 1, severity: 'MANDATORY', decreeItem: '3.3' });
    // The other body had no publication of its own or its subordinates'.
    expect(october.get(org.eb2)).toMatchObject({ status: 'MISSED', actual: 0, decreeItem: '3.3' });
    // The rule binds executive bodies only.
    expect(october.has(org.sub1)).toBe(false);
    expect(october.has(org.mun)).toBe(false);
  });
});

describe('rule versions', () => {
  it('previews, changes from the current week, refuses a past week, and re-judges last week by its own terms', async () => {
    const lastWeek = await results('WEEKLY_PLACEMENTS', '2026-W47');
    const met = [...lastWeek.values()].filter((r) => r.status === 'MET').length;
    const missed = [...lastWeek.values()].filter((r) => r.status === 'MISSED').length;
    expect(met).toBe(1); // eb2, with exactly 3

    const preview = (
      await admin.data<{ previewRuleChange: unknown }>(
        `query { previewRuleChange(code: WEEKLY_PLACEMENTS, input: { threshold: 5 }) {
      period met missed wouldMeet wouldMiss changed } }`,
        {},
      )
    ).previewRuleChange;
    expect(preview).toEqual({ period: '2026-W47', met, missed, wouldMeet: 0, wouldMiss: missed + 1, changed: 1 });

    const RULE = 'query { complianceRules { code threshold effectiveFrom versions { effectiveFrom threshold } } }';
    type Rule = { code: string; threshold: number; effectiveFrom: string; versions: { effectiveFrom: string; threshold: number }[] };
    const weekly = async () =>
      (await admin.data<{ complianceRules: Rule[] }>(RULE, {})).complianceRules.find((r) => r.code === 'WEEKLY_PLACEMENTS')!;
    const UPDATE =
      'mutation($input: UpdateComplianceRuleInput!) { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: $input) { threshold effectiveFrom } }';
    const updated = await admin.request<{ updateComplianceRule: unknown }>(UPDATE, { input: { threshold: 5 } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateComplianceRule).toEqual({ threshold: 5, effectiveFrom: '2026-W48' });

    const versions = (await weekly()).versions;
    const past = await admin.request(UPDATE, { input: { threshold: 7, effectiveFrom: '2026-W46' } });
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect((await weekly()).versions).toEqual(versions);
    expect((await weekly()).threshold).toBe(5);

    const before = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W47');
    const again = await results('WEEKLY_PLACEMENTS', '2026-W47');
    const verdicts = (m: Map<string, Result>) => [...m.values()].map((r) => [r.organization.id, r.status, r.required, r.actual]).sort();
    expect(verdicts(again)).toEqual(verdicts(lastWeek));
    expect(again.get(org.eb2)).toMatchObject({ status: 'MET', required: 3, actual: 3 });
    expect(await lettersSince(before)).toEqual([]);
  });
});

describe('3.1: a late report', () => {
  it('turns the missed week to MET, resolves its escalation and says so in the next digest to those who were told', async () => {
    const lateItems = m45.map((m) => placement(m, 'sub1', '2026-11-05T12:00:00+10:00'));
    await report(lateItems);
    const before = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W45');
    expect((await results('WEEKLY_PLACEMENTS', '2026-W45')).get(org.sub1)).toMatchObject({
      status: 'MET',
      actual: 3,
      consecutiveMisses: 0,
      decreeItem: '3.1',
    });
    const [esc] = await escalationsOf(org.sub1, 'WEEKLY_PLACEMENTS', '2026-W45');
    expect(esc!.resolvedAt).not.toBeNull();
    // eb1's own miss of W45 stands.
    const [own] = await escalationsOf(org.eb1, 'WEEKLY_PLACEMENTS', '2026-W45');
    expect(own!.resolvedAt).toBeNull();
    // The re-run finds no new miss: its letters wait for the next digest.
    expect(await lettersSince(before)).toEqual([]);

    at('2026-11-30T00:05:00Z'); // Monday 30 November 10:05: W48 comes due
    const next = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W48');
    const fresh = await lettersSince(next);
    for (const address of [A.eb1Head, A.sub1Head]) {
      const mine = to(fresh, address);
      expect(mine, address).toHaveLength(1);
      const line = mine[0]!.text.split('\n').find((l) => l.includes('нарушение закрыто'));
      expect(line, address).toBeDefined();
      expect(line).toContain('2–8 ноября 2026');
      expect(line).toContain('норма выполнена по отчётам, поступившим или исправленным после проверки');
    }
    // Those who were not told of the miss hear nothing of its closing.
    for (const l of fresh.filter((x) => ![A.eb1Head, A.sub1Head].includes(x.to))) expect(l.text).not.toContain('нарушение закрыто');
    // Told once: a further run carries no second closing line.
    const after = await letters();
    await run('WEEKLY_PLACEMENTS', '2026-W44');
    const later = await lettersSince(after);
    expect(to(later, A.eb1Head)).toHaveLength(1);
    expect(to(later, A.sub1Head)).toHaveLength(1);
    for (const l of later) expect(l.text).not.toContain('нарушение закрыто');
  });
});

describe('one letter per recipient per catch-up', () => {
  it('writes a single digest to each address for several weeks caught up at once', async () => {
    const before = await letters();
    at('2026-12-21T00:05:00Z'); // Monday 21 December 10:05: W49, W50 and W51 are due
    const logger = createLogger('decree-worker', 'silent');
    const worker = await startWorker({
      databaseUrl: hub.databaseUrl,
      timezone: 'Asia/Vladivostok',
      logger,
      clock,
      workerName: 'decree-worker',
      runOnSchedule: false, // the test fires jobs itself, with its own clock
      publicUrl: 'https://hub.khv-region.test',
      smtpUrl: smtp.url,
      mailFrom: 'hub@khv-region.test',
    });
    workers.push(worker);
    await worker.catchUp();
    for (const week of ['2026-W49', '2026-W50', '2026-W51']) {
      const escs = await escalationsOf(org.sub1, 'WEEKLY_PLACEMENTS', week);
      expect(escs.length, week).toBe(1);
      expect(escs[0]!.recipients, week).toContain(A.eb1Head);
    }
    const fresh = await lettersSince(before);
    const addresses = fresh.map((l) => l.to);
    expect(addresses).toContain(A.eb1Head);
    expect(addresses).toContain(A.munHead);
    const twice = addresses.filter((a, i) => addresses.indexOf(a) !== i);
    expect(twice).toEqual([]);
    // The body's head's one letter speaks of all three weeks.
    const bodyLetter = to(fresh, A.eb1Head)[0]!;
    expect(bodyLetter.html).toContain('30 ноября – 6 декабря 2026; 7–13 декабря 2026; 14–20 декабря 2026');
    for (const week of ['2026-W49', '2026-W50', '2026-W51']) {
      const [esc] = await escalationsOf(org.sub1, 'WEEKLY_PLACEMENTS', week);
      expect(
        esc!.notifications.filter((n) => n.to === A.eb1Head).map((n) => n.id),
        week,
      ).toEqual([bodyLetter.id]);
    }
  });
});

describe("items 1, 2.2 and 5: Monday's letters", () => {
  it("tells the content center its supply per recipient group, whom it shorted, the least-placed materials and topics and the ЦУР's open notes; the committee's summary carries uptake, 3.2 and 3.3", async () => {
    // W52 (21–27 December): a and b to eb1, eb2 and mun; c to eb2 only. eb2 places all three, eb1 places a.
    at('2026-12-21T01:00:00Z');
    const eb1Page = await addOfficialPage(hub.gatewayUrl, adminToken, {
      organizationId: org.eb1,
      platform: 'VK',
      url: 'https://vk.com/decree_forestry27',
    });
    const [a, b, c] = [
      await distribute([org.eb1, org.eb2, org.mun], 'CULTURE'),
      await distribute([org.eb1, org.eb2, org.mun], 'SPORT'),
      await distribute([org.eb2], 'SOCIAL'),
    ];
    at('2026-12-23T02:00:00Z');
    await report([a!, b!, c!].map((m) => placement(m, 'eb2', '2026-12-22T12:00:00+10:00')));
    await report([
      { materialId: a!, pageId: eb1Page, url: `https://vk.com/wall-27003_${postSerial++}`, publishedAt: '2026-12-22T15:00:00+10:00' },
    ]);
    const analyst = await tokenFor('ANALYST');
    const note = (input: MethodologicalNoteInput) => hub.client(analyst).data(AddMethodologicalNoteDocument, { input });
    await note({ text: 'Материал о спорте слишком длинный для Telegram: дайте короткую версию.', materialId: b });
    at('2026-12-24T02:00:00Z');
    await note({ text: 'Добавьте материалы для подведомственных учреждений.' });

    at('2026-12-28T00:05:00Z'); // Monday 28 December 10:05
    const before = await letters();
    await workers[0]!.scheduler.runNow('compliance.weekly-summary');
    const fresh = await lettersSince(before);

    const [review, ...moreReviews] = fresh.filter((l) => l.subject.startsWith('Контент-центр: итоги недели'));
    expect(moreReviews).toEqual([]);
    expect(review).toMatchObject({
      to: A.centerEditors,
      subject: 'Контент-центр: итоги недели 21–27 декабря 2026',
      decree_items: ['2.2', '5'],
    });
    const lines = review!.text.split('\n');
    // Supply per recipient: eb1 and mun received 2, eb2 3, the subordinates none: all five short of 10.
    expect(review!.text).toContain(
      'Поставка контент-центра (п. 2.2, не менее 10 материалов каждому получателю): меньше получили 5 из 5 организаций.',
    );
    expect(lines).toContain('- Орган исполнительной власти | 2 | 2 | 2 из 10');
    expect(lines).toContain('- Муниципальное образование | 1 | 1 | 2 из 10');
    expect(lines).toContain('- Подведомственная организация | 2 | 2 | 0 из 10');
    expect(lines).toContain(`- ${NAME.eb1} | 2`);
    expect(lines).toContain(`- ${NAME.eb2} | 3`);
    // Uptake: a 2 of 3, b 1 of 3, c 1 of 1: 4 of 7; b is the least placed, SPORT the weakest topic.
    expect(review!.text).toContain(
      'Отклик на материалы недели: распространено 3, получателей — 7 (по материалам), разместили 4 из 7 (57 %).',
    );
    const materialRows = lines.filter((l) => /^- Краевой .+ \| .+ \| \d+ из \d+/.test(l));
    expect(materialRows.map((l) => l.split(' | ').slice(1))).toEqual([
      ['Спорт', '1 из 3 (33 %)'],
      ['Культура', '2 из 3 (67 %)'],
      ['Социальная сфера', '1 из 1 (100 %)'],
    ]);
    expect(lines).toContain('- Спорт | 1 | 1 из 3 (33 %)');
    // The ЦУР's two open notes, oldest first, the first naming its material.
    expect(review!.text).toContain('Открытых замечаний ЦУР (п. 5): 2.');
    const noteLines = lines.filter((l) => l.startsWith('  от '));
    expect(noteLines).toHaveLength(2);
    expect(noteLines[0]).toMatch(/^ {2}от 23 декабря, к материалу «Краевой .+»: Материал о спорте слишком длинный/);
    expect(noteLines[1]).toBe('  от 24 декабря: Добавьте материалы для подведомственных учреждений.');

    const [summary, ...moreSummaries] = fresh.filter((l) => l.subject.startsWith('Региональный контент: итоги недели'));
    expect(moreSummaries).toEqual([]);
    expect(summary).toMatchObject({ to: A.curContact, cc: [A.committeeContact] });
    // The threshold is 5 since W48: eb2 (3), eb1 (1) and sub1 (0) miss 3.1; mun and munSub miss 4.
    expect(summary!.text).toContain(
      'п. 3.1: органы власти и подведомственные организации): выполнили 0 из 3 организаций, не выполнили 3, освобождены 0.',
    );
    expect(summary!.text).toContain('Рекомендацию муниципальным образованиям (п. 4): выполнили 0 из 2 организаций');
    expect(summary!.text).toContain('меньше получили 5 из 5 организаций.');
    expect(summary!.text).toContain('разместили 4 из 7 (57 %).');
    expect(summary!.text.split('\n')).toContain('- Орган исполнительной власти | 2 | 2 | 2 из 10');
    // 3.3 for November (evaluated by the catch-up): neither body had a publication.
    expect(summary!.text).toContain(
      'Публикация в СМИ об официальных страницах (п. 3.3) (ноябрь 2026): выполнили 0 из 2 организаций, не выполнили 2, освобождены 0.',
    );
    // 3.2 for the latest day evaluated, as its results say.
    const widgetLine = summary!.text.split('\n').find((l) => l.startsWith('Виджет обратной связи Госуслуг'))!;
    const day = /\((\d+ декабря 2026)\)/.exec(widgetLine)![1];
    expect(day).toBeDefined();
    expect(widgetLine).toMatch(/выполнили \d+ из 3 организаций/);

    // Once a week each.
    await workers[0]!.scheduler.runNow('compliance.weekly-summary');
    expect(await lettersSince([...before, ...fresh])).toEqual([]);
  });
});
