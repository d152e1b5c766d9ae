import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/common';
import { gql } from '@hub/common/testing';

/**
 * `npm start` as a new user runs it: no DATABASE_URL, no SMTP_URL, no secret. It must bring up
 * an embedded PostgreSQL, the demo region and the gateway, print a working ADMIN token, stop
 * cleanly on SIGTERM and reuse its data on the next start.
 */
const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let ports: Record<string, string>;
const children: ChildProcess[] = [];

function startHub(): Promise<{ child: ChildProcess; output: () => string; url: string; token: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...ports };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'AUTH_JWT_SECRET', 'HUB_SEED', 'NODE_ENV']) delete env[name];
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 90_000);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    child.stdout!.on('data', () => {
      const url = /GraphQL:\s+(\S+)/.exec(output)?.[1];
      const token = /ADMIN token[^\n]*\n\s+(\S+)/.exec(output)?.[1];
      if (url && token && output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url, token });
      }
    });
  });
}

/** SIGTERM to npm alone (as a supervisor sends it), or SIGINT to the whole group (Ctrl-C in a terminal). */
function stopped(child: ChildProcess, how: 'SIGTERM to npm' | 'Ctrl-C'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    if (how === 'Ctrl-C') process.kill(-child.pid!, 'SIGINT');
    else child.kill('SIGTERM');
  });
}

const portOpen = (port: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the hub left a process or a port behind');
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is already gone
    }
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start on a machine with nothing configured', () => {
  it('serves the demo region with the printed token, stops on SIGTERM, and reuses its data', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-start-'));
    await chmod(dataDir, 0o755);
    const [g, c, o, k] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    ports = { GATEWAY_PORT: String(g), CONTENT_PORT: String(c), ORGANIZATIONS_PORT: String(o), COMPLIANCE_PORT: String(k) };

    const first = await startHub();
    expect(first.url).toBe(`http://127.0.0.1:${g}/graphql`);
    expect(first.output()).toContain(path.join(dataDir, 'mail'));
    // One registered address per role to sign in with, and where the letter with the link lands.
    const addresses = [...first.output().matchAll(/^ {4}(ADMIN|ANALYST|EDITOR|HEAD|OPERATOR) +(\S+@\S+) {2}\(/gmu)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(addresses.map(([role]) => role)).toEqual(['ADMIN', 'ANALYST', 'EDITOR', 'HEAD', 'OPERATOR']);
    expect(addresses[0]).toEqual(['ADMIN', 'admin@khv-region.test']);
    expect(first.output()).toMatch(/Sign in by e-mail on the dashboard .*lands in .*mail/u);
    const query = '{ organizations(first: 1) { totalCount } }';
    const res = await gql<{ organizations: { totalCount: number } }>(first.url, query, {}, first.token);
    expect(res.data!.organizations.totalCount).toBeGreaterThanOrEqual(350);
    const total = res.data!.organizations.totalCount;
    const postgresPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(alive(postgresPid)).toBe(true);

    const started = Date.now();
    await stopped(first.child, 'SIGTERM to npm');
    // npm hands SIGTERM on to the hub and may exit first: wait until the hub itself is gone.
    await until(async () => !alive(postgresPid) && !(await Promise.all(Object.values(ports).map(portOpen))).some(Boolean));
    expect(Date.now() - started).toBeLessThan(10_000);

    const second = await startHub();
    const again = await gql<{ organizations: { totalCount: number } }>(second.url, query, {}, first.token);
    expect(again.data!.organizations.totalCount).toBe(total);
    await stopped(second.child, 'Ctrl-C');
    await until(async () => !(await Promise.all(Object.values(ports).map(portOpen))).some(Boolean));
  });
});
