import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../embedded-postgres.js';

import type {} from './database.js';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when set, otherwise an embedded one
 * in a temporary directory. Each test file then creates its own database on it.
 */
export default async function setup(project: TestProject) {
  // The one place tests read the environment: the suite must also run on a machine with no PostgreSQL.
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide('baseDatabaseUrl', external);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-test-pg-'));
  // As root, PostgreSQL runs as an unprivileged user that must be able to enter the directory.
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), persistent: false, database: 'hub_test' });
  project.provide('baseDatabaseUrl', db.url);
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
