import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import { TestSmtpServer } from './support/smtp.js';

const WORKER = fileURLToPath(new URL('../services/compliance/src/worker-main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

let hub: TestHub;
let smtp: TestSmtpServer;
let sql: pg.Pool;
const children: ChildProcess[] = [];

/** The compliance worker as its own process, as docker-compose runs it; on the system clock. */
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=@hub/source', '--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: hub.databaseUrl,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      HUB_TIMEZONE: 'Asia/Vladivostok',
      MAIL_FROM: 'hub@khv-region.test',
    },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

const count = async (query: string) => Number((await sql.query(query)).rows[0].n);

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  hub = await startTestHub({ seed: 'demo', smtpUrl: smtp.url });
  sql = new pg.Pool({ connectionString: hub.databaseUrl, max: 3 });
});
afterAll(async () => {
  for (const child of children) await kill(child, 'SIGKILL');
  await sql?.end();
  await hub?.stop();
  await smtp?.down();
});

describe('the worker killed in the middle of a check', () => {
  it('leaves nothing half-done; the next worker completes it, with the same results, no escalation or letter twice', async () => {
    // Hold the escalation table: the first check that escalates stops there, inside its transaction.
    const blocker = await sql.connect();
    await blocker.query('begin');
    await blocker.query('lock table compliance.escalation in access exclusive mode');
    const first = startWorkerProcess();
    await expect
      .poll(
        () => count("select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%compliance.escalation%'"),
        { timeout: 60_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    const weeklyBefore = await count("select count(*) as n from compliance.compliance_result where rule = 'WEEKLY_PLACEMENTS'");

    await kill(first, 'SIGKILL');
    await blocker.query('rollback');
    blocker.release();
    // The killed transaction left no results, no run and no escalation of the check it was in.
    expect(await count("select count(*) as n from compliance.compliance_run where status = 'RUNNING'")).toBe(0);
    expect(await count("select count(*) as n from compliance.compliance_result where rule = 'WEEKLY_PLACEMENTS'")).toBe(weeklyBefore);

    const second = startWorkerProcess();
    // The catch-up evaluates every period the demo covers; the every-minute dispatcher then sends
    // the letters. Settled: nothing pending, and no new run or letter for two readings in a row.
    let last = '';
    await expect
      .poll(
        async () => {
          const reading = `${await count("select count(*) as n from compliance.compliance_run where status = 'SUCCEEDED'")}/${await count('select count(*) as n from compliance.notification')}`;
          const pending = await count("select count(*) as n from compliance.notification where status = 'PENDING'");
          const settled = pending === 0 && reading === last && !reading.endsWith('/0');
          last = reading;
          return settled;
        },
        { timeout: 150_000, interval: 2_000 },
      )
      .toBe(true);
    await kill(second, 'SIGTERM');
    expect(
      await count(
        "select count(distinct period) as n from compliance.compliance_run where rule = 'WEEKLY_PLACEMENTS' and status = 'SUCCEEDED'",
      ),
    ).toBeGreaterThanOrEqual(8);
    const queued = await count('select count(*) as n from compliance.notification');

    // Each (rule, period) evaluated once, each escalation and each letter once.
    expect(
      await count(
        "select count(*) as n from (select rule, period from compliance.compliance_run where status = 'SUCCEEDED' group by 1, 2 having count(*) > 1) twice",
      ),
    ).toBe(0);
    expect(
      await count(
        'select count(*) as n from (select organization_id, rule, period, level from compliance.escalation group by 1, 2, 3, 4 having count(*) > 1) twice',
      ),
    ).toBe(0);
    const letters = smtp.received.map((mail) => `${mail.messageId}`);
    expect(new Set(letters).size).toBe(letters.length);
    expect(smtp.received.length).toBe(await count("select count(*) as n from compliance.notification where status = 'SENT'"));

    // The same results as a check run now by hand, which changes nothing.
    const admin = await tokenFor('ADMIN');
    const week = (await sql.query("select max(period) as p from compliance.compliance_run where rule = 'WEEKLY_PLACEMENTS'")).rows[0]
      .p as string;
    const snapshot = () =>
      sql.query(
        "select organization_id, status, actual, consecutive_misses from compliance.compliance_result where rule = 'WEEKLY_PLACEMENTS' and period = $1 order by organization_id",
        [week],
      );
    const byWorker = (await snapshot()).rows;
    const escalations = await count('select count(*) as n from compliance.escalation');
    const rerun = await gql<{ runComplianceCheck: { status: string } }>(
      hub.gatewayUrl,
      'mutation($p: String!) { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: $p) { status } }',
      { p: week },
      admin,
    );
    expect(rerun.data!.runComplianceCheck.status).toBe('SUCCEEDED');
    expect((await snapshot()).rows).toEqual(byWorker);
    expect(await count('select count(*) as n from compliance.escalation')).toBe(escalations);
    expect(await count('select count(*) as n from compliance.notification')).toBe(queued);
  }, 300_000); // two worker processes' start-ups, a catch-up and the every-minute dispatcher
});
