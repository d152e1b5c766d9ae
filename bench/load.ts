// `npm run load [-- --connections 200 --duration 60]`: the dashboard's query mix through the
// gateway under load, with the hub as separate processes (as deployed) so that each process's
// peak memory can be read. Uses DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, periodContaining, shiftPeriod, signToken, startEmbeddedPostgres } from '@hub/common';
import { dashboardQueries } from './lib/dashboard-queries.js';
import { graphql, graphqlBody } from './lib/graphql.js';
import { LAGGARDS } from '../gateway/dashboard/src/queries.js';

const { values: args } = parseArgs({
  options: { connections: { type: 'string', default: '200' }, duration: { type: 'string', default: '60' } },
});
const ZONE = 'Asia/Vladivostok';
const SECRET = 'load-test-secret-that-is-long-enough-for-hs256';
const root = path.resolve(import.meta.dirname, '..');
const children = new Map<string, ChildProcess>();

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-load-'));
  await chmod(dataDir, 0o755);
  const db = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: path.join(dataDir, 'pg'), persistent: false });
  const databaseUrl = process.env.DATABASE_URL || db!.url;
  const [gateway, content, organizations, compliance] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: SECRET, HUB_TIMEZONE: ZONE, LOG_LEVEL: 'warn', NODE_ENV: 'production',
    HUB_SEED: 'demo', GATEWAY_PORT: String(gateway), CONTENT_PORT: String(content), ORGANIZATIONS_PORT: String(organizations),
    COMPLIANCE_PORT: String(compliance),
    CONTENT_URL: `http://127.0.0.1:${content}/graphql`, ORGANIZATIONS_URL: `http://127.0.0.1:${organizations}/graphql`,
    COMPLIANCE_URL: `http://127.0.0.1:${compliance}/graphql`,
  };
  try {
    await run('seed', 'infra/src/seed-cli.ts', env, true);
    for (const [name, entry] of [['organizations', 'services/organizations/src/main.ts'], ['content', 'services/content/src/main.ts'], ['compliance', 'services/compliance/src/main.ts']]) {
      await run(name!, entry!, env, false);
    }
    await run('gateway', 'gateway/src/main.ts', env, false);
    const url = `http://127.0.0.1:${gateway}/graphql`;
    await waitForHealth(url.replace(/graphql$/, 'health'));

    const admin = await signToken(SECRET, { sub: 'load-admin', role: 'ADMIN', org: null }, '2h');
    const analyst = await signToken(SECRET, { sub: 'load-analyst', role: 'ANALYST', org: null }, '2h');
    const weeks = Array.from({ length: 8 }, (_, i) => shiftPeriod(periodContaining('WEEK', new Date(), ZONE), i - 8, ZONE).label);
    for (const week of weeks) await graphql(url, admin, `mutation { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: "${week}") { status } }`);
    const week = weeks.at(-1)!;
    const laggard = (await graphql(url, analyst, LAGGARDS, { week })).laggards[0].organization.id;

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
    const peaks = Object.fromEntries(await Promise.all([...children].map(async ([name, child]) => [name, await peakRssMb(child.pid!)])));
    const report = {
      scenario: 'dashboard-load', mixRequests: mix.length, connections: result.connections, durationS: result.duration, requests: result.requests.total,
      rps: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max,
      errors: result.errors, graphqlErrors, timeouts: result.timeouts, non2xx: result.non2xx, peakRssMb: peaks,
    };
    console.log(JSON.stringify(report));
    console.table({ 'p50, ms': report.p50Ms, 'p99, ms': report.p99Ms, 'requests/s': report.rps, errors: report.errors + report.graphqlErrors + report.non2xx + report.timeouts });
    console.table(peaks);
    process.exitCode = report.errors + report.graphqlErrors + report.non2xx + report.timeouts === 0 ? 0 : 1;
  } finally {
    for (const child of [...children.values()].reverse()) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function run(name: string, entry: string, env: NodeJS.ProcessEnv, toCompletion: boolean): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
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
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy`);
}

/** The kernel's high-water mark of the process's resident memory. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

await main();
