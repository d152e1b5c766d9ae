// `npm run load [-- --connections 200 --duration 60 --runtime dist|tsx]`: the dashboard's query mix
// through the gateway under load, with the hub as separate processes (as deployed) so that each
// process's memory can be read, idle (after boot) and at its peak. `--runtime dist` (the default)
// runs `npm run build`'s JavaScript as the image does; `tsx` runs the TypeScript sources.
// Uses DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePorts, periodContaining, shiftPeriod, signToken, startEmbeddedPostgres } from '@hub/common';
import { dashboardQueries } from './lib/dashboard-queries.js';
import { graphql, graphqlBody } from './lib/graphql.js';
import { startMailSink } from '@hub/infra/mail-sink';
import { LAGGARDS } from '@hub/gateway/dashboard-queries';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    runtime: { type: 'string', default: 'dist' },
  },
});
const ZONE = 'Asia/Vladivostok';
const SECRET = 'load-test-secret-that-is-long-enough-for-hs256';
const root = path.resolve(import.meta.dirname, '..');
if (args.runtime !== 'dist' && args.runtime !== 'tsx') throw new Error('--runtime is dist or tsx');
const FROM_BUILD = args.runtime === 'dist';
const children = new Map<string, ChildProcess>();

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-load-'));
  await chmod(dataDir, 0o755);
  const db = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: path.join(dataDir, 'pg'), persistent: false });
  const databaseUrl = process.env.DATABASE_URL || db!.url;
  const mail = await startMailSink({ dir: path.join(dataDir, 'mail') });
  const [gateway, content, organizations, compliance, monitoring] = await freePorts(5);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: SECRET,
    HUB_TIMEZONE: ZONE,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    HUB_SEED: 'demo',
    SMTP_URL: mail.url,
    GATEWAY_PORT: String(gateway),
    CONTENT_PORT: String(content),
    ORGANIZATIONS_PORT: String(organizations),
    COMPLIANCE_PORT: String(compliance),
    CONTENT_URL: `http://127.0.0.1:${content}/graphql`,
    ORGANIZATIONS_URL: `http://127.0.0.1:${organizations}/graphql`,
    COMPLIANCE_URL: `http://127.0.0.1:${compliance}/graphql`,
    MONITORING_PORT: String(monitoring),
    MONITORING_URL: `http://127.0.0.1:${monitoring}/graphql`,
  };
  try {
    if (FROM_BUILD) await build();
    await run('seed', 'infra/src/seed-cli.ts', env, true);
    for (const [name, entry] of [
      ['organizations', 'services/organizations/src/main.ts'],
      ['content', 'services/content/src/main.ts'],
      ['compliance', 'services/compliance/src/main.ts'],
      ['monitoring', 'services/monitoring/src/main.ts'],
    ]) {
      await run(name!, entry!, env, false);
    }
    await run('worker', 'services/compliance/src/worker-main.ts', env, false);
    await run('gateway', 'gateway/src/main.ts', env, false);
    const url = `http://127.0.0.1:${gateway}/graphql`;
    await waitForHealth(url.replace(/graphql$/, 'health'));
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // boot's garbage collected, the worker's jobs registered
    const idle = await rssOfEach(currentRssMb);
    // The worker is measured idle only: its catch-up and its jobs would compete with the load.
    const worker = children.get('worker')!;
    children.delete('worker');
    worker.kill('SIGTERM');
    if (worker.exitCode === null) await once(worker, 'exit');

    const admin = await signToken(SECRET, { sub: 'load-admin', role: 'ADMIN', org: null }, '2h');
    const analyst = await signToken(SECRET, { sub: 'load-analyst', role: 'ANALYST', org: null }, '2h');
    const weeks = Array.from({ length: 8 }, (_, i) => shiftPeriod(periodContaining('WEEK', new Date(), ZONE), i - 8, ZONE).label);
    for (const week of weeks)
      await graphql(url, admin, `mutation { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: "${week}") { status } }`);
    const week = weeks.at(-1)!;
    const { laggards } = await graphql<{ laggards: { organization: { id: string } }[] }>(url, analyst, LAGGARDS.toString(), { week });
    const laggard = laggards[0]!.organization.id;

    // Every request of the first screen and of the laggard's drill-down, with the page's variables.
    const mix = dashboardQueries(week, laggard).flatMap((panel) => panel.requests);
    for (const { query, variables } of mix) await graphql(url, analyst, query, variables); // each must work before it is measured
    // A GraphQL error still comes as HTTP 200: count answers carrying `errors` as failures too.
    let graphqlErrors = 0;
    const result = await autocannon({
      url,
      connections: Number(args.connections),
      duration: Number(args.duration),
      requests: mix.map(({ query, variables }) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body: graphqlBody(query, variables),
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors++;
        },
      })),
    });
    const peaks = await rssOfEach(peakRssMb);
    const report = {
      scenario: 'dashboard-load',
      mixRequests: mix.length,
      connections: result.connections,
      durationS: result.duration,
      requests: result.requests.total,
      rps: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors,
      graphqlErrors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      runtime: args.runtime,
      idleRssMb: idle,
      peakRssMb: peaks,
    };
    console.log(JSON.stringify(report));
    console.table({
      'p50, ms': report.p50Ms,
      'p99, ms': report.p99Ms,
      'requests/s': report.rps,
      errors: report.errors + report.graphqlErrors + report.non2xx + report.timeouts,
    });
    console.table(
      Object.fromEntries(Object.keys(idle).map((name) => [name, { 'idle RSS, MB': idle[name], 'peak RSS, MB': peaks[name] ?? '—' }])),
    );
    process.exitCode = report.errors + report.graphqlErrors + report.non2xx + report.timeouts === 0 ? 0 : 1;
  } finally {
    for (const child of [...children.values()].reverse()) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    await mail.stop();
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function build(): Promise<void> {
  const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`npm run build exited with ${code}`);
}

/** A source entry as this run starts it: its compiled JavaScript with plain node, or the TypeScript through tsx. */
const command = (entry: string): string[] =>
  FROM_BUILD ? [entry.replace(/\/src\/(.+)\.ts$/, '/dist/$1.js')] : ['--conditions=@hub/source', '--import', 'tsx', entry];

async function run(name: string, entry: string, env: NodeJS.ProcessEnv, toCompletion: boolean): Promise<void> {
  const child = spawn(process.execPath, command(entry), { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (toCompletion) {
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`${name} exited with ${code}`);
    return;
  }
  children.set(name, child);
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy`);
}

async function rssOfEach(read: (pid: number) => Promise<number>): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all([...children].map(async ([name, child]) => [name, await read(child.pid!)])));
}

async function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The kernel's high-water mark of the process's resident memory. */
const peakRssMb = (pid: number) => statusMb(pid, 'VmHWM');
const currentRssMb = (pid: number) => statusMb(pid, 'VmRSS');

await main();
