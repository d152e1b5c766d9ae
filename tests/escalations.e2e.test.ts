import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressObject } from 'mailparser';
import { parse as parseHtml } from 'node-html-parser';
import { createLogger, execSql, queryRows, sql } from '@hub/common';
import { tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startWorker, type Worker } from '@hub/compliance/worker';
import { startTestHub, type TestHub } from './support/hub.js';
import { TestSmtpServer } from './support/smtp.js';
import { ComplianceReportDocument, EscalationsDocument, NotificationsDocument, RunComplianceCheckDocument } from './generated/contract.js';

// Monday 30 November 2026, 09:05 in Khabarovsk.
let now = new Date('2026-11-29T23:05:00Z');
const clock = () => now;
let hub: TestHub;
let smtp: TestSmtpServer;
let admin: GraphQLClient;
const workers: Worker[] = [];
const logger = createLogger('mail-test', 'silent');

const start = async (name: string) => {
  const worker = await startWorker({
    databaseUrl: hub.databaseUrl,
    timezone: 'Asia/Vladivostok',
    logger,
    clock,
    workerName: name,
    runOnSchedule: false, // the test fires jobs itself, with its own clock
    publicUrl: 'https://hub.khv-region.test',
    smtpUrl: smtp.url,
    mailFrom: 'hub@khv-region.test',
  });
  workers.push(worker);
  return worker;
};
const notifications = () =>
  queryRows<{ id: string; to: string; status: string; attempts: number; last_error: string | null; subject: string }>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select id, "to", status, attempts, last_error, subject from compliance.notification order by created_at, id`,
  );
const escalations = async (period: string) => (await admin.request(EscalationsDocument, { period })).data!.escalations;
/** How a coordinating organization is reached, as `edges { node { contactEmail head { email } } }` selects it. */
type Contacts = { edges: { node: { contactEmail: string | null; head: { email: string } } }[] };

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  hub = await startTestHub({ seed: 'demo', clock, smtpUrl: smtp.url });
  admin = hub.client(await tokenFor('ADMIN'));
  // Start-up catches up on the demo's weeks; its letters go out with the next dispatch.
  await (await start('mail-worker-a')).dispatch();
}, 180_000);
afterAll(async () => {
  for (const w of workers) await w.stop();
  await hub?.stop();
  await smtp?.down();
});

describe('escalation letters after the checks', () => {
  it("escalates last week's misses by the ladder and sends one digest per recipient per run", async () => {
    const week = await escalations('2026-W48');
    expect(week.length).toBeGreaterThan(0);
    const levels = new Set(week.map((e) => e.level));
    expect([...levels].sort()).toEqual([1, 2, 3]);
    // The start-up dispatch sent the catch-up's letters.
    await expect
      .poll(async () => (await notifications()).filter((n) => n.status !== 'SENT').map((n) => `${n.status} ${n.last_error}`), {
        timeout: 15_000,
      })
      .toEqual([]);
    for (const e of week) {
      expect(e.notifications.length).toBe(e.recipients.length);
      expect(e.notifications.every((n) => n.status === 'SENT')).toBe(true);
    }
    const all = await notifications();
    const perRun = new Map<string, number>();
    for (const n of all) perRun.set(`${n.subject}|${n.to}`, (perRun.get(`${n.subject}|${n.to}`) ?? 0) + 1);
    expect([...perRun.values()].every((c) => c === 1)).toBe(true);
    // What the server received is what the outbox marked SENT.
    await expect
      .poll(async () => smtp.received.length - (await notifications()).filter((n) => n.status === 'SENT').length, { timeout: 5000 })
      .toBe(0);
  });

  it('tells the ЦУР once for the whole catch-up, in Russian, with a table row per organization and mandatory misses only', async () => {
    const week = await escalations('2026-W48');
    const toCur = week.filter((e) => e.level === 3 && e.rule === 'WEEKLY_PLACEMENTS');
    const cur = (
      await admin.request<{ organizations: Contacts }>(
        '{ organizations(kind: REGIONAL_MANAGEMENT_CENTER) { edges { node { contactEmail head { email } } } } }',
        {},
      )
    ).data!.organizations.edges[0]!.node;
    const curAddress = cur.contactEmail ?? cur.head.email;
    expect(toCur.every((e) => e.recipients.includes(curAddress))).toBe(true);
    // The start-up catch-up evaluated eight weeks: one letter to the ЦУР for all of them, never one a week.
    const letters = smtp.to(curAddress);
    expect(letters).toHaveLength(1);
    const letter = letters[0]!;
    expect(letter.subject).toMatch(/^Региональный контент: итоги проверок за .+ — \d+ организаци/);
    expect(letter.text).toContain('23–29 ноября 2026');
    expect(letter.text).toContain('Норма (распоряжение № 299-р, п. 3.1): не менее 3 материалов регионального контента в неделю');
    expect(letter.text).not.toMatch(/п\. 4|п\. 2\.2/);
    expect(letter.text).toContain('Что сделать: для сведения');
    expect(letter.text).not.toContain('на этой неделе');
    const names = parseHtml(String(letter.html))
      .querySelectorAll('tbody tr td:first-child a')
      .map((a) => a.text);
    const curNames = await Promise.all(
      toCur.map(
        async (e) =>
          (
            await admin.request<{ organization: { name: string } }>('query($id: ID!) { organization(id: $id) { name } }', {
              id: e.organization.id,
            })
          ).data!.organization.name,
      ),
    );
    for (const name of curNames) expect(names).toContain(name);
    expect(String(letter.html)).toContain('→ сообщено в ЦУР');
    expect(letter.messageId).toMatch(/@regional-content-hub>$/);
  });

  it('writes no second letter when the same week is checked again', async () => {
    const before = (await notifications()).length;
    const res = await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' });
    expect(res.errors).toBeUndefined();
    await workers[0]!.dispatch();
    expect((await notifications()).length).toBe(before);
  });

  it('gives each organization of a page the escalations it has alone, whatever `last` each field asks for', async () => {
    const fields =
      'recent: escalations(last: 2) { id level period rule } more: escalations(last: 5) { id level period rule } none: escalations(last: 0) { id }';
    type Brief = { id: string; level: number; period: string; rule: string };
    type Node = { id: string; recent: Brief[]; more: Brief[]; none: { id: string }[] };
    const page = await admin.request<{ organizations: { edges: { node: Node }[] } }>(
      `{ organizations(first: 20) { edges { node { id ${fields} } } } }`,
      {},
    );
    expect(page.errors).toBeUndefined();
    const nodes = page.data!.organizations.edges.map((e) => e.node);
    expect(nodes.length).toBe(20);
    // The page must hold organizations with escalations for the comparison to mean anything.
    expect(nodes.some((n) => n.more.length > 0)).toBe(true);
    for (const node of nodes) {
      const alone = await admin.request<{ organization: Node }>(`query($id: ID!) { organization(id: $id) { id ${fields} } }`, {
        id: node.id,
      });
      expect(alone.errors).toBeUndefined();
      expect(node).toEqual(alone.data!.organization);
      expect(node.recent).toEqual(node.more.slice(0, 2));
      expect(node.none).toEqual([]);
    }
    // `last` keeps its bounds.
    const tooMany = await admin.request('{ organizations(first: 2) { edges { node { escalations(last: 501) { id } } } } }', {});
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the outbox', () => {
  it('keeps letters while SMTP is down and sends each exactly once when it is back', async () => {
    await smtp.down();
    now = new Date('2026-12-06T23:05:00Z'); // the next Monday: week 49 comes due
    await workers[0]!.catchUp();
    await workers[0]!.dispatch();
    const pending = (await notifications()).filter((n) => n.status === 'PENDING');
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((n) => n.attempts === 1 && n.last_error)).toBe(true);

    await smtp.up();
    const received = smtp.received.length;
    now = new Date(now.getTime() + 3 * 60 * 60_000); // past every backoff
    const second = await start('mail-worker-b');
    // Letters whose first try after the outage still meets a dropped connection wait for their
    // backoff.
    for (let round = 0; round < 5 && (await notifications()).some((n) => n.status === 'PENDING'); round++) {
      await Promise.all([workers[0]!.dispatch(), second.dispatch()]);
      now = new Date(now.getTime() + 3 * 60 * 60_000);
    }
    const outcome = (await notifications()).filter((n) => pending.some((p) => p.id === n.id));
    expect(outcome.every((n) => n.status === 'SENT')).toBe(true);
    await expect.poll(() => smtp.received.length - received, { timeout: 5000 }).toBe(pending.length);
    const ids = smtp.received.slice(received).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await notifications()).filter((n) => n.status === 'PENDING')).toEqual([]);
  });

  it('marks a letter the server refuses for good as FAILED and still sends the others', async () => {
    const sent = (await notifications()).filter((n) => n.status === 'SENT');
    const refusedTo = sent[0]!.to;
    smtp.refused.add(refusedTo);
    const resend = (id: string) =>
      admin.request<{ resendNotification: { status: string } }>('mutation($id: ID!) { resendNotification(id: $id) { status } }', { id });
    for (const n of sent.slice(0, 3)) expect((await resend(n.id)).data!.resendNotification.status).toBe('PENDING');
    const result = await workers[0]!.dispatch();
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const after = await admin.request(NotificationsDocument, {
      status: 'FAILED',
      first: 10,
    });
    const failed = after.data!.notifications.edges.map((e) => e.node);
    expect(failed.find((n) => n.to === refusedTo)!.lastError).toContain('550');
    expect(
      (await notifications())
        .filter((n) => sent.slice(0, 3).some((s) => s.id === n.id) && n.to !== refusedTo)
        .every((n) => n.status === 'SENT'),
    ).toBe(true);
    smtp.refused.clear();
  });

  // Security review: a resent letter kept its attempts, so one that met an outage waited out a long backoff.
  it('gives a resent letter a fresh set of attempts: one that meets an outage tries again within minutes', async () => {
    const em = () => hub.subgraphs.compliance.orm.em.fork();
    const letter = (await notifications()).find((n) => n.status === 'SENT')!;
    // It went out on its sixth try.
    await execSql(em(), sql`update compliance.notification set attempts = 5, last_error = '421 try again later' where id = ${letter.id}`);
    const resent = await admin.request<{
      resendNotification: { status: string; attempts: number; nextAttemptAt: string; lastError: string | null };
    }>('mutation($id: ID!) { resendNotification(id: $id) { status attempts nextAttemptAt lastError } }', { id: letter.id });
    expect(resent.errors).toBeUndefined();
    expect(resent.data!.resendNotification).toEqual({ status: 'PENDING', attempts: 0, nextAttemptAt: expect.any(String), lastError: null });
    expect(new Date(resent.data!.resendNotification.nextAttemptAt).getTime()).toBe(now.getTime());

    await smtp.down();
    try {
      await workers[0]!.dispatch();
      const [row] = await queryRows<{ status: string; attempts: number; next_attempt_at: string; last_error: string | null }>(
        em(),
        sql`select status, attempts, next_attempt_at, last_error from compliance.notification where id = ${letter.id}`,
      );
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.any(String) });
      // The first retry's backoff (about a minute), not the sixth's (about half an hour).
      expect(new Date(row!.next_attempt_at).getTime() - now.getTime()).toBeLessThanOrEqual(75_000);
    } finally {
      await smtp.up();
    }
    now = new Date(now.getTime() + 2 * 60_000);
    await workers[0]!.dispatch();
    await expect.poll(async () => (await notifications()).find((n) => n.id === letter.id)!.status, { timeout: 5000 }).toBe('SENT');
  });

  it('shows the outbox and escalations only to ADMIN and ANALYST, and resending only to ADMIN', async () => {
    const operator = await tokenFor('EDITOR');
    expect((await hub.client(operator).request(NotificationsDocument, {})).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const scoped = await hub.client(operator).request(EscalationsDocument, { period: '2026-W48' });
    expect(scoped.data!.escalations.every((e) => e.recipients.length === 0)).toBe(true);
    const any = (await notifications())[0]!;
    expect(
      (await hub.client(await tokenFor('ANALYST')).request('mutation($id: ID!) { resendNotification(id: $id) { status } }', { id: any.id }))
        .errors![0]!.extensions!.code,
    ).toBe('FORBIDDEN');
  });
});

describe('the other letters', () => {
  it('tells the content center which recipients it shorted, the committee in copy, never the ЦУР (decree 2.2)', async () => {
    const coordinators = (
      await admin.request<{ cur: Contacts; committee: Contacts; center: Contacts }>(
        `{ cur: organizations(kind: REGIONAL_MANAGEMENT_CENTER) { edges { node { contactEmail head { email } } } }
      committee: organizations(kind: COMMITTEE) { edges { node { contactEmail head { email } } } }
      center: organizations(kind: CONTENT_CENTER) { edges { node { contactEmail head { email } } } } }`,
        {},
      )
    ).data!;
    const address = (o: Contacts) => o.edges[0]!.node.contactEmail ?? o.edges[0]!.node.head.email;
    const centerHead = coordinators.center.edges[0]!.node.head.email;
    // The demo's short week (8 materials) is three weeks before the week the hub was seeded in (2026-W49): every recipient is short.
    const supply = (
      await admin.request<{
        escalations: { level: number; severity: string; decreeItem: string; recipients: string[]; organization: { kind: string } }[];
      }>(
        '{ escalations(period: "2026-W46", rule: CONTENT_CENTER_WEEKLY_SUPPLY) { level severity decreeItem recipients organization { kind } } }',
        {},
      )
    ).data!.escalations;
    expect(supply.length).toBeGreaterThan(30);
    for (const e of supply) {
      expect(e).toMatchObject({ level: 1, severity: 'RECOMMENDED', decreeItem: '2.2' });
      expect(['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE']).toContain(e.organization.kind);
      expect(e.recipients).toContain(centerHead);
      expect(e.recipients).not.toContain(address(coordinators.cur));
    }
    // The start-up catch-up told every short week in one letter (later runs tell later weeks in letters of their own).
    const letters = smtp.to(centerHead).filter((m) => String(m.text).includes('п. 2.2') && String(m.text).includes('9–15 ноября 2026'));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.text).toContain('Рекомендация (п. 2.2 распоряжения № 299-р)');
    expect(letters[0]!.text).toContain('9–15 ноября 2026');
    expect(JSON.stringify(letters[0]!.cc)).toContain(address(coordinators.committee));
    expect(smtp.to(address(coordinators.cur)).some((m) => String(m.text).includes('п. 2.2'))).toBe(false);
  });

  it("sends each recipient organization yesterday's new materials each morning, once", async () => {
    now = new Date('2026-11-26T22:30:00Z'); // Friday 27 November 08:30: Thursday's materials
    const before = smtp.received.length;
    await workers[0]!.scheduler.runNow('content.distribution-digest');
    await workers[0]!.scheduler.runNow('content.distribution-digest');
    const digests = smtp.received.slice(before).filter((m) => m.subject?.includes('для размещения'));
    expect(digests.length).toBeGreaterThan(0);
    const recipients = digests.map((m) => (m.to as AddressObject).value[0]!.address);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(digests[0]!.text).toMatch(/Контент-центр направил «.+» материалы 26 ноября 2026/);
    expect(digests[0]!.subject).toMatch(/^Региональный контент: \d+ новы(й|х) материал(а|ов)? для размещения$/);
  });

  it("sends Monday's summary to the ЦУР, copied to the committee, with every result in a workbook", async () => {
    const ExcelJS = (await import('exceljs')).default;
    now = new Date('2026-12-07T00:05:00Z'); // Monday 7 December 10:05
    const before = smtp.received.length;
    await workers[0]!.scheduler.runNow('compliance.weekly-summary');
    const summaries = smtp.received.slice(before).filter((m) => m.subject?.startsWith('Региональный контент: итоги недели'));
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!;
    expect(summary.subject).toBe('Региональный контент: итоги недели 30 ноября – 6 декабря 2026');
    expect(summary.cc).toBeDefined();
    expect(summary.text).toMatch(
      /Норму размещения \(не менее 3 материалов в неделю, п\. 3\.1: органы власти и подведомственные организации\): выполнили \d+ из \d+ организаций/,
    );
    expect(summary.text).toMatch(/Рекомендацию муниципальным образованиям \(п\. 4\): выполнили \d+ из \d+ организаций/);
    expect(summary.text).toMatch(
      /Поставка контент-центра \(п\. 2\.2, не менее 10 материалов каждому получателю\): меньше получили \d+ из \d+ организаций/,
    );
    const attachment = summary.attachments.find((a) => a.filename === 'regional-content-2026-W49.xlsx')!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachment.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Итоги недели')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Организация',
      'Вид',
      'Правило',
      'Пункт',
      'Обязательность',
      'Норма',
      'Факт',
      'Статус',
      'Пропусков подряд',
    ]);
    const report = await admin.request(ComplianceReportDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W49', first: 0 });
    const supplied = await admin.request(ComplianceReportDocument, {
      rule: 'CONTENT_CENTER_WEEKLY_SUPPLY',
      period: '2026-W49',
      first: 0,
    });
    // One row per result of each weekly rule: the placements and the supply, each recipient its own row.
    expect(sheet.rowCount - 1).toBe(report.data!.complianceReport.totalCount + supplied.data!.complianceReport.totalCount);
    expect(sheet.getColumn(4).values.slice(2)).toContain('4');
    await workers[0]!.scheduler.runNow('compliance.weekly-summary');
    expect(smtp.received.slice(before).filter((m) => m.subject === summary.subject)).toHaveLength(1);
  });

  it('reminds organizations below the norm on Thursday, once, with what they still need', async () => {
    now = new Date('2026-12-10T00:05:00Z'); // Thursday 10 December 10:05
    const atRisk = (
      await admin.request<{ weekAtRisk: { remaining: number; organization: { id: string } }[] }>(
        '{ weekAtRisk(first: 500) { remaining organization { id } } }',
        {},
      )
    ).data!.weekAtRisk;
    expect(atRisk.length).toBeGreaterThan(0);
    const before = smtp.received.length;
    await workers[0]!.scheduler.runNow('compliance.midweek-reminder');
    await workers[0]!.scheduler.runNow('compliance.midweek-reminder');
    const reminders = smtp.received.slice(before).filter((m) => m.subject?.includes('до конца недели разместите ещё'));
    expect(reminders.length).toBe(atRisk.length);
    expect(reminders[0]!.text).toMatch(/разместила \d из 3 материалов регионального контента на этой неделе \(7–13 декабря 2026\)/);
    // A municipality is reminded of a recommendation (item 4), a body of its norm (3.1).
    const municipalities = (
      await admin.request<{ organizations: { edges: { node: { name: string } }[] } }>(
        '{ organizations(kind: MUNICIPALITY, first: 500) { edges { node { name } } } }',
        {},
      )
    ).data!.organizations.edges.map((e) => `«${e.node.name}»`);
    const ofMunicipality = (text: string) => municipalities.some((name) => text.startsWith(name, text.indexOf('«')));
    const [toMunicipalities, toOthers] = [
      reminders.filter((m) => ofMunicipality(m.text!)),
      reminders.filter((m) => !ofMunicipality(m.text!)),
    ];
    expect(toMunicipalities.length).toBeGreaterThan(0);
    for (const m of toMunicipalities) {
      expect(m.text).toContain('Рекомендация (распоряжение № 299-р, п. 4): не менее 3 материалов в неделю.');
      expect(m.text).not.toContain('п. 3.1');
    }
    expect(toOthers.some((m) => m.text!.includes('Норма (распоряжение № 299-р, п. 3.1)'))).toBe(true);
  });
});
