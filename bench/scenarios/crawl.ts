// Monitoring's crawl of every VK, Telegram, OK and MAX page of the dataset against the platforms'
// local stand-in (services/monitoring/src/standin), as the monitoring worker runs it
// (startMonitoringWorker's crawlDue: crawlDuePages, 8 pages in flight, each adapter behind its
// rate limiter). The stand-in serves the pages the demo builds from the database
// (infra/src/demo/platform-pages.ts: each page's reposts of the materials its organization placed
// in the last three weeks, and its own news), from a process of its own so that rendering the
// platforms' answers is not on the crawler's event loop.
//
// crawl:first and crawl:steady: with the limiters at 10,000/s the machine's own cost is measured,
// in pages per second: the first crawl stores the posts; the second, one interval later on the
// clock, finds them stored (the steady state, every 6 hours). Baseline: the same HTTP requests,
// recorded as the adapters sent them, sent again to the stand-in with plain fetch, 8 at a time,
// without parsing or storing: the ratio is the hub's pace against the bare I/O's. The details
// split a page's cost: this process's CPU, PostgreSQL's time (pg_stat_database) and its writes.
//
// crawl:window, on paper: at the default rate limits (services/common/src/config.ts) a crawl of all
// pages takes, per platform, its requests over its rate; the platforms run side by side, so the
// slowest one bounds it: that against the 6-hour interval is the region's share, and from the
// requests per page, the tokens the country's 300,000 pages (the dataset's platform mix) need.
// A sample of pages crawled at the default limits checks that arithmetic against the real
// limiters and the worker's 8 pages in flight.
//
// The database: prepare.ts migrates organizations, content and compliance, not monitoring (a
// scenario that starts the hub does); the scenario migrates it, sets aside and clears what
// monitoring.* holds, and the workers' scheduler creates scheduler.agenda_jobs. Afterwards what
// the scenario created is dropped and what it set aside is put back.
import type pg from 'pg';
import { initOrm, loadConfig, migrate, queryRows, sql, withClient, type Orm, type PlatformSettings } from '@hub/common';
import { monitoringSubgraph } from '@hub/monitoring';
import { startMonitoringWorker, CRAWL_JOB, type MonitoringWorker } from '@hub/monitoring/worker';
import { demoStandInPages } from '@hub/infra/demo/platform-pages';
import { compared, type BenchContext, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { round, timed } from '../lib/stats.js';
import { stderrLogger } from '../lib/engine.js';
import { startStandInProcess, type StandInProcess } from './support/crawl-standin.js';
import { replayRequests, watchFetch, watchSql, type RecordedRequest, type SqlTally } from './support/crawl-instruments.js';
import {
  READ_PLATFORMS,
  capacityPlan,
  perPlatform,
  ratesOf,
  requestsByPlatform,
  spacingMs,
  withRates,
  type PerPlatform,
} from './support/crawl-capacity.js';

/** The limiters' rate for the measured crawls: far above any platform's, so the machine is what is measured. */
const CRAWL_RATE = 10_000;
/** crawlDuePages' pages in flight, as the worker runs it (its default). */
const CONCURRENCY = 8;
/** The worker's ORM pool (worker.ts). */
const POOL = 4;
const COUNTRY_PAGES = 300_000;
/** Replays of a crawl's requests with plain fetch: short next to the crawl, so two of them, averaged, on a noisy machine. */
const BASELINE_RUNS = 2;
/** Pages crawled at the default rate limits to check the arithmetic: about half a minute, Telegram's 1/s bounding it. */
const SAMPLE_PAGES = 60;
const MONITORING = monitoringSubgraph.dbSchema;
const SCHEDULER = 'scheduler';
const CRAWL_JOBS = [CRAWL_JOB.name, `${CRAWL_JOB.name}:retry`];
/** The order monitoring's tables are put back in (post_match refers to page_post). */
const TABLE_ORDER = ['page_crawl', 'page_post', 'post_match'];

export const crawlScenario: Scenario = {
  name: 'crawl',
  scales: ['region'],
  run: (ctx) => withClient(ctx.databaseUrl, (client) => runCrawl(ctx, client)),
};

interface CrawlMeasure {
  label: string;
  crawled: number;
  ms: number;
  /** What the stand-in received, by platform. */
  requests: PerPlatform<number>;
  recorded: RecordedRequest[];
  fetchMs: number;
  sql: SqlTally;
  /** PostgreSQL's own time executing the crawl's statements (pg_stat_database.active_time). */
  dbMs: number;
  /** CPU time of this process (the worker) and of the stand-in's during the crawl; the stand-in's during the baseline. */
  cpuMs: number;
  standInCpuMs: number;
  /** Each replay of the crawl's requests with plain fetch; the baseline is their mean. */
  baselineRunsMs: number[];
  baselineMs: number;
  baselineStandInCpuMs: number;
  outcome: CrawlOutcome;
}

interface CrawlOutcome {
  statuses: Record<string, number>;
  posts: number;
  deleted: number;
  matches: { auto: number; suggested: number };
}

/** `client` is one session for the whole run: the rows set aside live in its temporary tables. */
async function runCrawl(ctx: BenchContext, client: pg.Client): Promise<ScenarioResult[]> {
  const defaults = loadConfig({});
  const defaultRates = ratesOf(defaults.platforms);
  const intervalMs = defaults.monitoringIntervalMs;
  const logger = stderrLogger('bench-crawl');
  const before = await existing(client);
  let now = ctx.dataset.now;
  const workers: MonitoringWorker[] = [];
  let standIn: StandInProcess | null = null;
  let orm: Orm | null = null;
  let setAside: string[] = [];
  try {
    orm = await initOrm({
      databaseUrl: ctx.databaseUrl,
      schema: MONITORING,
      entities: monitoringSubgraph.entities,
      migrations: monitoringSubgraph.migrations,
      poolMax: 2,
    });
    await migrate(orm, MONITORING);
    setAside = await setAsideMonitoring(client);

    const { ms: buildMs, result: pages } = await timed(() => demoStandInPages(orm!.em.fork(), now));
    const posts = pages.reduce((s, p) => s + p.posts.length, 0);
    ctx.log(`crawl: ${pages.length} stand-in pages with ${posts} posts built in ${Math.round(buildMs)} ms`);
    standIn = await startStandInProcess(pages, CRAWL_RATE);
    const readPages = await pagesByPlatform(orm);

    // A worker per crawl, stopped after it: its sessions' statistics reach pg_stat_database as they end.
    const startWorker = async (settings: PlatformSettings, name: string) => {
      const worker = await startMonitoringWorker({
        databaseUrl: ctx.databaseUrl,
        timezone: ctx.dataset.timeZone,
        logger,
        clock: () => now,
        platforms: settings,
        intervalMs,
        workerName: `bench-crawl-${name}`,
        runOnSchedule: false,
      });
      workers.push(worker);
      return worker;
    };
    const stopWorker = async (worker: MonitoringWorker) => {
      workers.splice(workers.indexOf(worker), 1);
      await worker.stop();
    };

    let standInCpu = (await standIn.takeRequests()).cpuMs;
    const measure = async (label: string): Promise<CrawlMeasure> => {
      const worker = await startWorker(standIn!.settings, label);
      const dbBefore = await databaseActiveMs(client);
      const fetches = watchFetch();
      const statements = watchSql();
      const cpu = process.cpuUsage();
      let crawl: { ms: number; result: { crawled: number } };
      let fetched: ReturnType<typeof fetches.stop>;
      let sqlTally: SqlTally;
      try {
        crawl = await timed(() => worker.crawlDue());
      } finally {
        fetched = fetches.stop();
        sqlTally = statements.stop();
      }
      const { user, system } = process.cpuUsage(cpu);
      await stopWorker(worker);
      const dbMs = (await databaseActiveMs(client)) - dbBefore;
      const { requests: received, cpuMs: afterCrawl } = await standIn!.takeRequests();
      if (received.length !== fetched.requests.length)
        throw new Error(`crawl ${label}: the stand-in received ${received.length} requests, the adapters sent ${fetched.requests.length}`);
      const baselineRunsMs: number[] = [];
      for (let i = 0; i < BASELINE_RUNS; i++) baselineRunsMs.push(await replayRequests(fetched.requests, CONCURRENCY));
      const baselineMs = baselineRunsMs.reduce((a, b) => a + b, 0) / BASELINE_RUNS;
      const { cpuMs: afterBaseline } = await standIn!.takeRequests();
      const result: CrawlMeasure = {
        label,
        crawled: crawl.result.crawled,
        ms: crawl.ms,
        requests: requestsByPlatform(received),
        recorded: fetched.requests,
        fetchMs: fetched.ms,
        sql: sqlTally,
        dbMs,
        cpuMs: (user + system) / 1000,
        standInCpuMs: afterCrawl - standInCpu,
        baselineRunsMs,
        baselineMs,
        baselineStandInCpuMs: (afterBaseline - afterCrawl) / BASELINE_RUNS,
        outcome: await outcomeOf(orm!),
      };
      standInCpu = afterBaseline;
      ctx.log(
        `crawl ${label}: ${result.crawled} pages in ${(result.ms / 1000).toFixed(1)} s (${received.length} requests; plain fetch ${(baselineMs / 1000).toFixed(1)} s)`,
      );
      return result;
    };

    const first = await measure('first');
    // The next tick after the interval: every page is due again.
    now = new Date(now.getTime() + intervalMs + 60_000);
    const steady = await measure('steady');

    // A sample at the default limits: its pages made due again, crawled by a worker paced as production.
    const paced = await startWorker(withRates(standIn.settings, defaultRates), 'paced');
    const sampled = await makeDue(orm, SAMPLE_PAGES, now, intervalMs);
    ctx.log(`crawl: ${sampled} pages at the default rate limits (${JSON.stringify(defaultRates)})`);
    const sample = await timed(() => paced.crawlDue());
    await stopWorker(paced);
    const sampleRequests = requestsByPlatform((await standIn.takeRequests()).requests);
    const predictedMs = Math.max(...READ_PLATFORMS.map((p) => Math.max(0, sampleRequests[p] - 1) * spacingMs(defaultRates[p])));

    const plan = capacityPlan({
      pages: readPages,
      requests: steady.requests,
      rates: defaultRates,
      intervalMs,
      datasetPages: ctx.dataset.pages,
      targetPages: COUNTRY_PAGES,
    });
    const steadyPerS = (steady.crawled * 1000) / steady.ms;
    const countryReadPages = READ_PLATFORMS.reduce((s, p) => s + plan.target.readPages[p], 0);
    const intervalMinutes = intervalMs / 60_000;
    return [
      crawlResult(ctx, first, readPages),
      crawlResult(ctx, steady, readPages),
      {
        scenario: 'crawl:window',
        scale: ctx.scale,
        // The region's crawl at the default limits against the interval: the ratio is its share.
        ...compared(plan.region.crawlHours * 60, intervalMinutes, 1),
        unit: 'minutes',
        target: { max: 1 },
        details: {
          ...plan,
          machine: {
            steadyPagesPerS: round(steadyPerS, 1),
            // One process at the measured pace, with no platform limit: the machine is not what bounds the crawl.
            countryHoursOfOneProcess: round(countryReadPages / steadyPerS / 3600, 2),
          },
          pacedSample: {
            pages: sample.result.crawled,
            requests: sampleRequests,
            predictedS: round(predictedMs / 1000, 1),
            measuredS: round(sample.ms / 1000, 1),
            measuredOverPredicted: round(sample.ms / predictedMs, 2),
          },
        },
      },
    ];
  } finally {
    for (const worker of workers.reverse()) await worker.stop().catch((err) => ctx.log(`crawl: stopping a worker: ${err}`));
    await standIn?.close();
    await orm?.close(true);
    await restore(client, before, setAside).catch((err) => ctx.log(`crawl: could not restore the database: ${err}`));
  }
}

function crawlResult(ctx: BenchContext, m: CrawlMeasure, readPages: PerPlatform<number>): ScenarioResult {
  const pages = m.crawled;
  const perS = (pages * 1000) / m.ms;
  const baselinePerS = (pages * 1000) / m.baselineMs;
  const total = READ_PLATFORMS.reduce((s, p) => s + m.requests[p], 0);
  // Each page's crawl lasts this long on average: the wall time shared by the pages in flight.
  const pageMs = (m.ms * CONCURRENCY) / pages;
  // Writes (INSERT, UPDATE, DELETE, BEGIN, COMMIT) in the statements' time as the worker saw it, applied to PostgreSQL's own.
  const writeFraction = m.sql.ms ? m.sql.writeMs / m.sql.ms : 0;
  const dbWritesMs = m.dbMs * writeFraction;
  const hubMs = m.cpuMs + m.dbMs;
  return {
    scenario: `crawl:${m.label}`,
    scale: ctx.scale,
    ...compared(perS, baselinePerS, 1),
    unit: 'pages/s',
    details: {
      pages,
      wallS: round(m.ms / 1000, 2),
      baselineS: round(m.baselineMs / 1000, 2),
      baselineRunsS: m.baselineRunsMs.map((ms) => round(ms / 1000, 2)),
      concurrency: CONCURRENCY,
      pool: POOL,
      limiterSpacingMs: spacingMs(CRAWL_RATE),
      requests: total,
      requestsPerPage: {
        ...perPlatform((p) => round(readPages[p] ? m.requests[p] / readPages[p] : 0, 3)),
        all: round(total / pages, 3),
      },
      // Per page: the wall time (throughput's inverse), a page's crawl from start to end (8 in
      // flight), this process's CPU (adapters, parsing, matching, the ORM), PostgreSQL's own time
      // executing its statements (pg_stat_database.active_time) and the writes' part of it (as the
      // writes' part of the statements' time the worker saw), the stand-in's CPU during the crawl
      // and during a baseline run, and the time to each answer's headers.
      perPageMs: {
        wall: round(m.ms / pages, 2),
        inFlight: round(pageMs, 1),
        workerCpu: round(m.cpuMs / pages, 2),
        database: round(m.dbMs / pages, 2),
        databaseWrites: round(dbWritesMs / pages, 2),
        standInCpu: round(m.standInCpuMs / pages, 2),
        baselineStandInCpu: round(m.baselineStandInCpuMs / pages, 2),
        httpToHeaders: round(m.fetchMs / pages, 2),
      },
      workerCpuShareOfWall: round(m.cpuMs / m.ms, 2),
      // Of the hub's own work per page (this process's CPU and PostgreSQL's time): the database's share, and its writes'.
      databaseShare: round(m.dbMs / hubMs, 3),
      databaseWritesShare: round(dbWritesMs / hubMs, 3),
      // The statements as the worker saw them, from sending to the answer's callback (event-loop delays included).
      sql: {
        statementsPerPage: round(m.sql.statements / pages, 1),
        msPerPage: round(m.sql.ms / pages, 2),
        writeShare: round(writeFraction, 3),
        // Of the worker's 4 connections, how many were busy on average.
        connectionsBusy: round(m.sql.ms / m.ms, 2),
        // The statements taking the most time, in ms per page.
        top: Object.fromEntries(
          [...m.sql.byStatement]
            .sort(([, a], [, b]) => b.ms - a.ms)
            .slice(0, 6)
            .map(([name, { ms }]) => [name, round(ms / pages, 2)]),
        ),
      },
      outcome: m.outcome,
    },
  };
}

/** What the database held before: whether the scenario creates the schemas, which rows it must leave. */
async function existing(client: pg.Client) {
  const { rows } = await client.query<{ monitoring: boolean; scheduler: boolean }>(
    `select to_regnamespace($1) is not null as monitoring, to_regnamespace($2) is not null as scheduler`,
    [MONITORING, SCHEDULER],
  );
  const { monitoring, scheduler } = rows[0]!;
  const jobs =
    scheduler && (await client.query(`select to_regclass('${SCHEDULER}.agenda_jobs') is not null as t`)).rows[0]?.t
      ? (await client.query<{ name: string }>(`select name from ${SCHEDULER}.agenda_jobs where name = any($1)`, [CRAWL_JOBS])).rows.map(
          (r) => r.name,
        )
      : [];
  return { monitoring, scheduler, jobs };
}

/** Monitoring's tables, their rows kept in this session's temporary tables and then cleared. */
async function setAsideMonitoring(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'`,
    [MONITORING],
  );
  const tables = rows.map((r) => r.name).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const table of tables) {
    await client.query(`create temporary table "bench_crawl_${table}" as select * from ${MONITORING}."${table}"`);
  }
  if (tables.length) await client.query(`truncate ${tables.map((t) => `${MONITORING}."${t}"`).join(', ')}`);
  return tables;
}

const rank = (table: string) => (TABLE_ORDER.includes(table) ? TABLE_ORDER.indexOf(table) : TABLE_ORDER.length);

async function restore(client: pg.Client, before: Awaited<ReturnType<typeof existing>>, tables: string[]): Promise<void> {
  if (!before.monitoring) {
    await client.query(`drop schema if exists ${MONITORING} cascade`);
  } else if (tables.length) {
    await client.query('begin');
    await client.query(`truncate ${tables.map((t) => `${MONITORING}."${t}"`).join(', ')}`);
    for (const table of tables) await client.query(`insert into ${MONITORING}."${table}" select * from "bench_crawl_${table}"`);
    await client.query('commit');
  }
  if (!before.scheduler) {
    await client.query(`drop schema if exists ${SCHEDULER} cascade`);
  } else {
    const created = CRAWL_JOBS.filter((name) => !before.jobs.includes(name));
    if (created.length) await client.query(`delete from ${SCHEDULER}.agenda_jobs where name = any($1)`, [created]);
  }
}

/** Pages on the read platforms the crawl takes (those of active organizations), by platform. */
async function pagesByPlatform(orm: Orm): Promise<PerPlatform<number>> {
  const rows = await queryRows<{ platform: string; pages: number }>(
    orm.em.fork(),
    sql`select platform, count(*)::int as pages from organizations.page_directory
        where active and platform = any(${[...READ_PLATFORMS]}::text[]) group by platform`,
  );
  return perPlatform((p) => rows.find((r) => r.platform === p)?.pages ?? 0);
}

async function outcomeOf(orm: Orm): Promise<CrawlOutcome> {
  const em = orm.em.fork();
  const statuses = await queryRows<{ status: string; pages: number }>(
    em,
    sql`select coalesce(status, 'NONE') as status, count(*)::int as pages from monitoring.page_crawl group by 1 order by 1`,
  );
  const [counts] = await queryRows<{ posts: number; deleted: number; auto: number; suggested: number }>(
    em,
    sql`select (select count(*)::int from monitoring.page_post) as posts,
               (select count(*)::int from monitoring.page_post where deleted_at is not null) as deleted,
               (select count(*)::int from monitoring.post_match where decision = 'AUTO') as auto,
               (select count(*)::int from monitoring.post_match where decision is null) as suggested`,
  );
  return {
    statuses: Object.fromEntries(statuses.map((r) => [r.status, r.pages])),
    posts: counts!.posts,
    deleted: counts!.deleted,
    matches: { auto: counts!.auto, suggested: counts!.suggested },
  };
}

/** Makes `count` crawled pages due again (last crawled one interval and a second ago); answers how many. */
async function makeDue(orm: Orm, count: number, now: Date, intervalMs: number): Promise<number> {
  const at = new Date(now.getTime() - intervalMs - 1000);
  const rows = await queryRows<{ page_id: string }>(
    orm.em.fork(),
    sql`update monitoring.page_crawl set last_crawled_at = ${at}
        where page_id in (select page_id from monitoring.page_crawl where status = 'OK' order by md5(page_id::text) limit ${count})
        returning page_id`,
  );
  return rows.length;
}

/**
 * PostgreSQL's time executing statements in this database so far (pg_stat_database.active_time),
 * once the sessions that ended have reported it: read until two readings a quarter second apart agree.
 */
async function databaseActiveMs(client: pg.Client): Promise<number> {
  const read = async () =>
    Number(
      (await client.query<{ ms: number }>('select active_time as ms from pg_stat_database where datname = current_database()')).rows[0]
        ?.ms ?? 0,
    );
  let last = await read();
  for (let i = 0; i < 16; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const next = await read();
    if (next === last) return next;
    last = next;
  }
  return last;
}
