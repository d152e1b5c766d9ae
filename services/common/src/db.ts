import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import type { Constructor } from '@mikro-orm/core';
import { sharedMigrations } from './migrations/index.js';

export interface OrmOptions {
  databaseUrl: string;
  /** The subgraph's own PostgreSQL schema: its tables live there and nowhere else. */
  schema: string;
  entities: EntitySchema[];
  /** The schema's own migrations; the shared ones (`./migrations`) run after them. */
  migrations: { name: string; class: Constructor<Migration> }[];
  debug?: boolean;
  poolMax?: number;
  /**
   * PostgreSQL's statement_timeout on every connection: a subgraph's is shorter than the
   * gateway's timeout for it, so a call the client was told failed has been rolled back
   * (docs/SECURITY.md). Unset: none (migrations, the worker's checks).
   */
  statementTimeoutMs?: number;
}

export type Orm = MikroORM;

export async function initOrm(options: OrmOptions): Promise<Orm> {
  const config: Options = {
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    debug: options.debug ?? false,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Reconnect quietly after a database restart instead of failing the process.
    driverOptions: {
      connection: { keepAlive: true, ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) },
    },
    migrations: {
      tableName: `${options.schema}.mikro_orm_migrations`,
      // Every schema's list ends with the shared ones (the audit log), so no subgraph can forget them.
      migrationsList: [...options.migrations, ...sharedMigrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
  };
  return MikroORM.init(config);
}

/**
 * Runs the checked-in migrations of one schema. Several processes may start at once
 * (replicas, workers): an advisory lock per schema makes them migrate one at a time.
 */
export async function migrate(orm: Orm, schema: string): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  const lockKey = `migrate:${schema}`;
  const lockConn = await knex.client.acquireConnection();
  try {
    await lockConn.query('select pg_advisory_lock(hashtext($1))', [lockKey]);
    await lockConn.query(`create schema if not exists "${schema}"`);
    await orm.getMigrator().up();
  } finally {
    await lockConn.query('select pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await knex.client.releaseConnection(lockConn);
  }
}

/** SQLSTATEs PostgreSQL asks a transaction to be retried for: deadlock detected, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `work` in a transaction, again (up to 3 times in all, after a short random pause) when
 * PostgreSQL chose it as a deadlock's victim or failed its serialization: the caller sees one
 * answer, never "deadlock detected". Batched writers also take their rows in one canonical order,
 * so this is the exception, not the rule (docs/SECURITY.md).
 */
export async function transactionalWithRetry<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(work);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= TRANSACTION_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
