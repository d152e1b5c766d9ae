// A database holding a spec's dataset: reused when its marker says this generator version and
// spec are loaded, else dropped and built again (migrations, COPY, the compliance history).
import { dropDatabase, ensureDatabase, initOrm, migrate, withClient } from '@hub/common';
import { organizationsSubgraph } from '@hub/organizations';
import { contentSubgraph } from '@hub/content';
import { complianceSubgraph } from '@hub/compliance';
import type { DatasetInfo } from '../lib/scenario.js';
import { loadDataset } from './load.js';
import { evaluateHistory } from './history.js';
import { calendarOf } from './calendar.js';
import { specKey, type DatasetSpec } from './spec.js';

interface Marker {
  key: string;
  info: Omit<DatasetInfo, 'now'> & { now: string };
  load_seconds: number;
}

const readMarker = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ table: string | null }>("select to_regclass('bench.dataset')::text as table");
    if (!rows[0]?.table) return null;
    return (await client.query<Marker>('select key, info, load_seconds from bench.dataset limit 1')).rows[0] ?? null;
  });

/** Every subgraph's migrations, as seed-cli applies them; on a kept dataset only the new ones run. */
async function migrateAll(databaseUrl: string): Promise<void> {
  for (const definition of [organizationsSubgraph, contentSubgraph, complianceSubgraph]) {
    const orm = await initOrm({
      databaseUrl,
      schema: definition.dbSchema,
      entities: definition.entities,
      migrations: definition.migrations,
    });
    try {
      await migrate(orm, definition.dbSchema);
    } finally {
      await orm.close(true);
    }
  }
}

const counts = (databaseUrl: string) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ organizations: number; pages: number; placements: number; materials: number }>(
      `select (select count(*) from organizations.organization)::int as organizations,
              (select count(*) from organizations.official_page)::int as pages,
              (select count(*) from organizations.placement)::int as placements,
              (select count(*) from content.material where distributed_at is not null)::int as materials`,
    );
    return rows[0]!;
  });

export interface PreparedDataset {
  databaseUrl: string;
  info: DatasetInfo;
  /** Seconds spent generating and loading in this run; 0 when a kept dataset was reused. */
  loadSeconds: number;
}

export async function prepareDataset(databaseUrl: string, spec: DatasetSpec, log: (message: string) => void): Promise<PreparedDataset> {
  await ensureDatabase(databaseUrl);
  const marker = await readMarker(databaseUrl);
  if (marker?.key === specKey(spec)) {
    await migrateAll(databaseUrl);
    log(`dataset ${spec.name}: reusing the one loaded before (it took ${marker.load_seconds.toFixed(0)} s)`);
    return { databaseUrl, info: { ...marker.info, now: new Date(marker.info.now) }, loadSeconds: 0 };
  }
  log(`dataset ${spec.name}: generating ${spec.organizations.toLocaleString('en')} organizations, ${spec.weeks} weeks`);
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const started = performance.now();
  await migrateAll(databaseUrl);
  const load = await loadDataset(databaseUrl, spec, log);
  await evaluateHistory(databaseUrl, spec, log);
  const loadSeconds = (performance.now() - started) / 1000;
  const calendar = calendarOf(spec);
  const info: DatasetInfo = {
    seed: spec.seed,
    ...(await counts(databaseUrl)),
    weeks: calendar.weeks.map((w) => w.label),
    now: new Date(calendar.now),
    timeZone: spec.timeZone,
  };
  await withClient(databaseUrl, async (client) => {
    await client.query('create schema if not exists bench');
    await client.query(
      'create table if not exists bench.dataset (key text primary key, info jsonb not null, load_seconds real not null, tables jsonb not null, loaded_at timestamptz not null default now())',
    );
    await client.query('insert into bench.dataset (key, info, load_seconds, tables) values ($1, $2, $3, $4)', [
      specKey(spec),
      info,
      loadSeconds,
      load.tables,
    ]);
  });
  log(`dataset ${spec.name}: ready in ${loadSeconds.toFixed(1)} s (COPY and indexes ${load.seconds.toFixed(1)} s)`);
  return { databaseUrl, info, loadSeconds };
}
