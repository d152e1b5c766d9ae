// The compliance report's spreadsheet exports through the gateway, as deployed (each part its own
// process): the time of a week's whole export against PostgreSQL writing the same rows as CSV
// itself (COPY … TO STDOUT), and the peak resident memory of the gateway and compliance processes
// for the whole week against one municipality's part of it. Both exports stream (the rows read a
// batch at a time through a cursor, written as they come): memory must stay flat in the row count.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { request } from 'undici';
import { compared, type HubHandle, type Scenario, type ScenarioResult } from '../lib/scenario.js';
import { round, timed } from '../lib/stats.js';
import type { MeasuredProcess } from './support/measured-process.js';

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const RUNS = 3;
/** The whole week may use more memory than a municipality's part of it by this much at most. */
const MEMORY_TARGET = 1.5;
const MEASURED = ['gateway', 'compliance'] as const;

interface Export {
  ms: number;
  bytes: number;
  /** Peak resident memory during the export, and the resident memory just before it, by process (MB). */
  peakMb: Record<string, number>;
  beforeMb: Record<string, number>;
}

/** One export of the week, streamed to a byte counter, with the processes' peak memory over it. */
async function exportOnce(hub: HubHandle, format: Format, week: string, token: string): Promise<Export> {
  const processes = MEASURED.map((name) => hub.processes!.find((p) => p.name === name)!);
  const beforeMb: Record<string, number> = {};
  for (const p of processes) {
    await p.resetPeakRss();
    beforeMb[p.name] = (await p.rssMb()).now;
  }
  let bytes = 0;
  const url = `${hub.gatewayUrl.replace(/\/graphql$/, '')}/reports/compliance.${format}?period=${week}&rule=WEEKLY_PLACEMENTS`;
  const { ms } = await timed(async () => {
    const res = await request(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`exports: ${url} answered ${res.statusCode}: ${await res.body.text()}`);
    for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  });
  const peakMb = Object.fromEntries(await Promise.all(processes.map(async (p: MeasuredProcess) => [p.name, (await p.rssMb()).peak])));
  return { ms, bytes, peakMb, beforeMb };
}

/** PostgreSQL writing the same rows, with the same joins, as CSV: what any export of them costs at least. */
async function copyFloor(databaseUrl: string, week: string): Promise<{ ms: number; bytes: number }> {
  if (!/^\d{4}-W\d{2}$/.test(week)) throw new Error(`exports: not a week label: ${week}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let bytes = 0;
    const { ms } = await timed(() =>
      pipeline(
        client.query(
          copyTo(`copy (
            select d.name, r.organization_kind, p.name, m.name, r.rule, r.period, r.severity, r.decree_item, r.required,
                   r.actual, r.status, r.consecutive_misses, e.reason, r.evaluated_at
            from compliance.compliance_result r
            join organizations.directory d on d.id = r.organization_id
            left join organizations.directory p on p.id = r.parent_id
            left join organizations.directory m on m.id = r.municipality_id
            left join compliance.exemption e on e.id = r.exemption_id
            where r.rule = 'WEEKLY_PLACEMENTS' and r.period = '${week}'
            order by d.name, r.organization_id, r.rule) to stdout with (format csv, header)`),
        ),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done();
          },
        }),
      ),
    );
    return { ms, bytes };
  } finally {
    await client.end();
  }
}

/** The municipality with the most results in the week, and how many results it and the whole week hold. */
async function selections(databaseUrl: string, week: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ municipality_id: string; n: number; total: number }>(
      `select municipality_id, count(*)::int as n, sum(count(*)) over ()::int as total
       from compliance.compliance_result where rule = 'WEEKLY_PLACEMENTS' and period = $1 and municipality_id is not null
       group by municipality_id order by n desc limit 1`,
      [week],
    );
    const { rows: all } = await client.query<{ n: number }>(
      `select count(*)::int as n from compliance.compliance_result where rule = 'WEEKLY_PLACEMENTS' and period = $1`,
      [week],
    );
    if (!rows[0]) throw new Error(`exports: no results in ${week}`);
    return { municipality: rows[0].municipality_id, municipalityRows: rows[0].n, weekRows: all[0]!.n };
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const highest = (exports: Export[], process: string) => Math.max(...exports.map((e) => e.peakMb[process]!));

export const exportsScenario: Scenario = {
  name: 'exports',
  scales: ['region', 'nation'],
  async run(ctx) {
    const week = ctx.dataset.weeks.at(-1)!;
    const selected = await selections(ctx.databaseUrl, week);
    const hub = await ctx.startHub('processes');
    try {
      const analyst = await hub.token('ANALYST');
      // A municipality's head exports its own tree only (docs/SECURITY.md, "Report exports").
      const head = await hub.token('HEAD', selected.municipality);
      const results: ScenarioResult[] = [];
      for (const format of FORMATS) {
        ctx.log(
          `exports: ${format}, the week (${selected.weekRows} rows) and a municipality (${selected.municipalityRows}), ${RUNS} runs each`,
        );
        await exportOnce(hub, format, week, analyst); // warm-up: the first export compiles its code paths
        const whole: Export[] = [];
        const part: Export[] = [];
        const floor: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          part.push(await exportOnce(hub, format, week, head));
          whole.push(await exportOnce(hub, format, week, analyst));
          floor.push((await copyFloor(ctx.databaseUrl, week)).ms);
        }
        const { bytes: floorBytes } = await copyFloor(ctx.databaseUrl, week);
        results.push({
          scenario: `exports:${format}-time`,
          scale: ctx.scale,
          ...compared(median(whole.map((e) => e.ms)), median(floor)),
          unit: 'ms (ratio to COPY … TO STDOUT CSV of the same rows)',
          details: { rows: selected.weekRows, bytes: whole[0]!.bytes, floorBytes, runs: RUNS },
        });
        for (const process of MEASURED) {
          results.push({
            scenario: `exports:${format}-memory-${process}`,
            scale: ctx.scale,
            ...compared(highest(whole, process), highest(part, process), 1),
            unit: `peak RSS MB, the week's ${selected.weekRows} rows against a municipality's ${selected.municipalityRows}`,
            target: { max: MEMORY_TARGET },
            details: {
              rowsRatio: round(selected.weekRows / selected.municipalityRows),
              rssBeforeMb: median(whole.map((e) => e.beforeMb[process]!)),
              growthMb: round(highest(whole, process) - median(whole.map((e) => e.beforeMb[process]!)), 1),
              partGrowthMb: round(highest(part, process) - median(part.map((e) => e.beforeMb[process]!)), 1),
            },
          });
        }
      }
      return results;
    } finally {
      await hub.stop();
    }
  },
};
