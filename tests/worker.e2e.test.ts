import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, execSql, queryRows, sql } from '@hub/common';
import { gql, tokenFor } from '@hub/common/testing';
import { startWorker, type Worker } from '@hub/compliance/worker';
import { startTestHub, type TestHub } from './support/hub.js';
import { operation } from './support/operations.js';

// Monday 30 November 2026, 09:05 in Khabarovsk: the weekly check is due for 2026-W48.
let now = new Date('2026-11-29T23:05:00Z');
const clock = () => now;
let hub: TestHub;
let admin: string;
const workers: Worker[] = [];
const logger = createLogger('worker-test', 'silent');

const start = async (name: string) => {
  const worker = await startWorker({
    databaseUrl: hub.databaseUrl,
    timezone: 'Asia/Vladivostok',
    logger,
    clock,
    workerName: name,
    processEvery: 500,
    publicUrl: 'http://hub.test',
    smtpUrl: hub.smtpUrl,
    mailFrom: 'hub@khv-region.test',
  });
  workers.push(worker);
  return worker;
};
const runs = () =>
  queryRows<{ rule: string; period: string; count: number; triggers: string[] }>(
    hub.subgraphs.compliance.orm.em.fork(),
    sql`select rule, period, count(*)::int as count, array_agg(trigger order by started_at) as triggers
     from compliance.compliance_run where status = 'SUCCEEDED' group by rule, period order by rule, period`,
  );
/** A result as the contract's ComplianceReport selects it. */
type Result = {
  organization: { id: string; name: string; kind: string };
  rule: string;
  period: string;
  required: number;
  actual: number;
  status: string;
  consecutiveMisses: number;
};
const report = async (period: string) => {
  const res = await gql<{ complianceReport: { edges: { node: Result }[] } }>(
    hub.gatewayUrl,
    operation('ComplianceReport'),
    { rule: 'WEEKLY_PLACEMENTS', period, first: 500 },
    admin,
  );
  return res.data!.complianceReport.edges.map((e) => e.node);
};
/** A job as the contract's ScheduledJobs selects it. */
type Job = {
  name: string;
  schedule: string;
  timezone: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastRunStatus: string | null;
};

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock });
  admin = await tokenFor('ADMIN');
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await hub?.stop();
});

describe('the compliance worker', () => {
  it('catches up on a fresh database: every due period of every rule evaluated once, even with two workers', async () => {
    await Promise.all([start('worker-a'), start('worker-b')]);
    const done = await runs();
    expect(done.every((r) => r.count === 1)).toBe(true);
    const weekly = done.filter((r) => r.rule === 'WEEKLY_PLACEMENTS').map((r) => r.period);
    expect(weekly).toContain('2026-W48');
    expect(weekly).not.toContain('2026-W49');
    expect(done.filter((r) => r.rule === 'MONTHLY_MEDIA_MENTION').map((r) => r.period)).toContain('2026-10');
    expect(done.some((r) => r.rule === 'FEEDBACK_WIDGET' && r.period === '2026-11-30')).toBe(true);
    expect(done.some((r) => r.rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' && r.period === '2026-W48')).toBe(true);
  });

  it("shows the schedule through the gateway, in the region's time zone", async () => {
    const res = await gql<{ scheduledJobs: Job[] }>(hub.gatewayUrl, operation('ScheduledJobs'), {}, admin);
    expect(res.errors).toBeUndefined();
    const weekly = res.data!.scheduledJobs.find((j) => j.name === 'compliance.weekly-check')!;
    // The next Monday 09:00 in Khabarovsk after the real "now" the scheduler computed it from.
    expect(weekly).toMatchObject({ schedule: '0 9 * * 1', timezone: 'Asia/Vladivostok' });
    expect(weekly.nextRunAt).toMatch(/T09:00:00\+10:00$/);
    expect(new Date(weekly.nextRunAt!).getUTCDay()).toBe(0); // Sunday 23:00 UTC
    expect(res.data!.scheduledJobs.map((j) => j.name).sort()).toEqual([
      'compliance.midweek-reminder',
      'compliance.monthly-check',
      'compliance.weekly-check',
      'compliance.weekly-summary',
      'compliance.widget-check',
      'content.distribution-digest',
      'mail.dispatch',
    ]);
  });

  it("shows a job's last error to ADMIN and ANALYST only: it may quote a recipient", async () => {
    const em = hub.subgraphs.compliance.orm.em.fork();
    const reason = '550 5.1.1 <ivanov@khv-region.test>: Recipient address rejected';
    await execSql(
      em,
      sql`update scheduler.agenda_jobs set last_run_at = now(), last_finished_at = now(), failed_at = now(), locked_at = null, fail_reason = ${reason} where name = 'mail.dispatch'`,
    );
    const lastError = async (token: string) =>
      (
        await gql<{ scheduledJobs: { name: string; lastError: string | null }[] }>(
          hub.gatewayUrl,
          '{ scheduledJobs { name lastError } }',
          {},
          token,
        )
      ).data!.scheduledJobs.find((j) => j.name === 'mail.dispatch')!.lastError;
    expect(await lastError(admin)).toBe(reason);
    expect(await lastError(await tokenFor('ANALYST'))).toBe(reason);
    const org = (await queryRows<{ id: string }>(em, sql`select id from organizations.directory limit 1`))[0]!.id;
    for (const token of [await tokenFor('HEAD', org), await tokenFor('OPERATOR', org), await tokenFor('EDITOR')]) {
      expect(await lastError(token)).toBeNull();
    }
    await execSql(em, sql`update scheduler.agenda_jobs set failed_at = null, fail_reason = null where name = 'mail.dispatch'`);
  });

  it('runs nothing twice when the weekly job fires after the catch-up', async () => {
    const before = await runs();
    await workers[0]!.scheduler.runNow('compliance.weekly-check');
    expect(await runs()).toEqual(before);
    const jobs = await gql<{ scheduledJobs: Job[] }>(hub.gatewayUrl, operation('ScheduledJobs'), {}, admin);
    expect(jobs.data!.scheduledJobs.find((j) => j.name === 'compliance.weekly-check')).toMatchObject({ lastRunStatus: 'SUCCEEDED' });
  });

  it('gives the same results as a manual check of the same week', async () => {
    const scheduled = await report('2026-W48');
    const manual = await gql(hub.gatewayUrl, operation('RunComplianceCheck'), { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' }, admin);
    expect(manual.errors).toBeUndefined();
    expect(await report('2026-W48')).toEqual(scheduled);
  });

  it('re-evaluates a week when a placement for it is reported late', async () => {
    const found = (await report('2026-W48')).find((r) => r.status === 'MISSED' && r.actual === 2);
    expect(found).toBeDefined();
    const missed = found!;
    const org = await gql<{ organization: { pages: { id: string; url: string; platform: string }[] } }>(
      hub.gatewayUrl,
      'query($id: ID!) { organization(id: $id) { pages { id url platform } } }',
      { id: missed.organization.id },
      admin,
    );
    const page = (org.data!.organization.pages.find((p) => p.platform === 'VK') ?? org.data!.organization.pages[0])!;
    const materials = await gql<{ materials: { edges: { node: { id: string } }[] } }>(
      hub.gatewayUrl,
      '{ materials(week: "2026-W48", status: DISTRIBUTED, first: 50) { edges { node { id } } } }',
      {},
      admin,
    );
    const placed = await gql<{ organization: { placements: { material: { id: string } }[] } }>(
      hub.gatewayUrl,
      'query($id: ID!) { organization(id: $id) { placements(period: "2026-W48") { material { id } } } }',
      { id: missed.organization.id },
      admin,
    );
    const taken = new Set(placed.data!.organization.placements.map((p) => p.material.id));
    const fresh = materials.data!.materials.edges.map((e) => e.node.id).find((id) => !taken.has(id));
    const postUrls: Record<string, string> = {
      VK: 'https://vk.com/wall-1_99999',
      TELEGRAM: `${page.url}/99999`,
      OK: `${page.url}/topic/99999`,
      MAX: `${page.url}/late99`,
      GOSPABLIKI: `${page.url}/posts/99999`,
      WEBSITE: `${page.url}/news/99999`,
    };
    const postUrl = postUrls[page.platform];
    now = new Date(now.getTime() + 60_000); // reported a minute after the evaluation
    const late = await gql(
      hub.gatewayUrl,
      operation('ReportPlacements'),
      { input: [{ materialId: fresh, pageId: page.id, url: postUrl, publishedAt: '2026-11-29T20:00:00+10:00' }] },
      admin,
    );
    expect(late.errors).toBeUndefined();

    await workers[1]!.catchUp();
    const row = (await report('2026-W48')).find((r) => r.organization.id === missed.organization.id)!;
    expect({ actual: row.actual, status: row.status, consecutiveMisses: row.consecutiveMisses }).toEqual({
      actual: 3,
      status: 'MET',
      consecutiveMisses: 0,
    });
  });

  it('after a week without any worker, the returning worker runs the missed week once', async () => {
    for (const w of workers.splice(0)) await w.stop();
    now = new Date('2026-12-06T23:30:00Z'); // Monday 7 December 09:30: the worker was down over the 09:00 run
    await Promise.all([start('worker-c'), start('worker-d')]);
    const week49 = (await runs()).find((r) => r.rule === 'WEEKLY_PLACEMENTS' && r.period === '2026-W49');
    expect(week49).toMatchObject({ count: 1 });
  });
});
