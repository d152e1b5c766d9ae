import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyToken } from '@hub/common';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;

async function token(args: string[]) {
  dataDir ??= await mkdtemp(path.join(os.tmpdir(), 'hub-token-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.AUTH_JWT_SECRET;
  return run('npm', ['run', '--silent', 'token', '--', ...args], { cwd: root, env });
}

afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));

describe('npm run token', () => {
  it("prints a token signed with the hub's local secret", async () => {
    const org = '0f5d3a8e-8d7b-4c1e-9a55-1b2c3d4e5f60';
    const { stdout } = await token(['--role', 'OPERATOR', '--org', org]);
    const secret = (await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim();
    expect(await verifyToken(secret, stdout.trim())).toEqual({ sub: 'local-operator', role: 'OPERATOR', org });
  });

  it('refuses a scoped role without --org and an unknown role', async () => {
    await expect(token(['--role', 'HEAD'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--org is required') });
    await expect(token(['--role', 'KING'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  });
});
