// `npm run clairvoyance -- --clairvoyance DIR [--target gateway|organizations|content|compliance|monitoring]
// [--wordlist FILE] [--python PYTHON] [--minutes 10] [--concurrency 10] [--development]`: what the
// real clairvoyance recovers from the production hub with introspection off (docs/SECURITY.md,
// "What errors tell"). --development runs it against graphql-js's own messages instead, as a control.
//
// Starts the hub in this process in production mode (demo region; embedded PostgreSQL unless
// DATABASE_URL, which should then be a throwaway database), signs an ANALYST token and runs
// `python -m clairvoyance` against the gateway or a subgraph, through a local proxy that counts
// the requests and, for a subgraph, adds the gateway's credential (it lives a minute). Then it
// compares the schema clairvoyance wrote (if it wrote one) with infra/supergraph.graphql or the
// subgraph's schema.graphql: types, fields (input fields included), arguments and enum values that
// exist there, and how many of them the caller's own valid operations (the contract's,
// tests/contract/operations.graphql, and the root types `{ __typename }` names) do not already
// name. When clairvoyance gives up before writing, the fields and arguments its log shows it had
// confirmed are counted too. Prints one JSON line and a table; a high count is reported, not
// fatal. Clairvoyance's own concurrency is 50 requests; 10 here keeps a small machine usable.
//
// Clairvoyance is not a dependency (CI has no PyPI): `git clone --branch v2.5.5
// https://github.com/nikitastupin/clairvoyance` and, on Debian, `apt-get install python3-aiohttp
// python3-rich`; pass the checkout as --clairvoyance (or CLAIRVOYANCE_DIR) and, if `python3` is
// not the one with those packages, --python /usr/bin/python3.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kind, parse, visit } from 'graphql';
import {
  GATEWAY_CREDENTIAL_HEADER,
  freePorts,
  gatewayCredential,
  loadConfig,
  signToken,
  subgraphKey,
  type SubgraphName,
} from '@hub/common';
import { startHub } from '@hub/infra/hub';

const { values: args } = parseArgs({
  options: {
    clairvoyance: { type: 'string', default: process.env.CLAIRVOYANCE_DIR },
    target: { type: 'string', default: 'gateway' },
    wordlist: { type: 'string' },
    python: { type: 'string', default: process.env.PYTHON ?? 'python3' },
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    // A control: graphql-js's own messages, suggestions included, as before issue 20.
    development: { type: 'boolean', default: false },
  },
});
const SUBGRAPHS: SubgraphName[] = ['organizations', 'content', 'compliance', 'monitoring'];
const target = args.target as 'gateway' | SubgraphName;
const root = path.resolve(import.meta.dirname, '..');
const log = (message: string) => process.stderr.write(`[clairvoyance] ${message}\n`);
/** A wrong option or a missing prerequisite: said without a stack. */
class UsageError extends Error {}

/** What a schema holds, as coordinates: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
interface Inventory {
  types: Set<string>;
  fields: Set<string>;
  arguments: Set<string>;
  enumValues: Set<string>;
}
const CATEGORIES = ['types', 'fields', 'arguments', 'enumValues'] as const;
type Category = (typeof CATEGORIES)[number];
const empty = (): Inventory => ({ types: new Set(), fields: new Set(), arguments: new Set(), enumValues: new Set() });
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** The real schema's inventory (federation's own `join__`/`link__` definitions aside). */
function schemaInventory(sdl: string): Inventory {
  const inventory = empty();
  for (const definition of parse(sdl).definitions) {
    if (!('name' in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = definition.name.value;
    if (/^(join|link)__/.test(type)) continue;
    inventory.types.add(type);
    if ('fields' in definition)
      for (const field of definition.fields ?? []) {
        inventory.fields.add(`${type}.${field.name.value}`);
        if ('arguments' in field)
          for (const arg of field.arguments ?? []) inventory.arguments.add(`${type}.${field.name.value}(${arg.name.value}:)`);
      }
    if ('values' in definition) for (const value of definition.values ?? []) inventory.enumValues.add(`${type}.${value.name.value}`);
  }
  return inventory;
}

interface IntrospectedType {
  name: string;
  fields?: { name: string; args?: { name: string }[] }[] | null;
  inputFields?: { name: string; args?: never }[] | null;
  enumValues?: { name: string }[] | null;
}

/** What clairvoyance wrote: an introspection result. Its placeholder field `dummy` and the built-in scalars it always lists are not findings. */
function introspectionInventory(json: { data: { __schema: { types: IntrospectedType[] } } }): Inventory {
  const inventory = empty();
  for (const type of json.data.__schema.types) {
    if (BUILT_IN.has(type.name) || type.name.startsWith('__')) continue;
    inventory.types.add(type.name);
    for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
      if (field.name === 'dummy') continue;
      inventory.fields.add(`${type.name}.${field.name}`);
      for (const arg of field.args ?? []) inventory.arguments.add(`${type.name}.${field.name}(${arg.name}:)`);
    }
    for (const value of type.enumValues ?? []) inventory.enumValues.add(`${type.name}.${value.name}`);
  }
  return inventory;
}

/** The fields and arguments clairvoyance's debug log says it confirmed (`Query.fields = {…}`, `Query.me.args = {…}`): held even when it gives up unwritten. */
function logInventory(text: string): Inventory {
  const inventory = empty();
  const names = (set: string) => [...set.matchAll(/'([_A-Za-z][_0-9A-Za-z]*)'/g)].map((m) => m[1]!);
  for (const [, type, set] of text.matchAll(/\| (\w+)\.fields = (\{.*\}|set\(\))$/gm))
    for (const f of names(set!)) inventory.fields.add(`${type}.${f}`);
  for (const [, type, field, set] of text.matchAll(/\| (\w+)\.(\w+)\.args = (\{.*\}|set\(\))$/gm))
    for (const a of names(set!)) inventory.arguments.add(`${type}.${field}(${a}:)`);
  return inventory;
}

/** Each coordinate's own name, the part a caller would have had to know: `organizations` of `Query.organizations`. */
const ownName = (coordinate: string) => /(\w+)(?::\))?$/.exec(coordinate)![1]!;

function compare(found: Inventory, real: Inventory, known: Set<string>, categories: readonly Category[] = CATEGORIES) {
  return Object.fromEntries(
    categories.map((category) => {
      const inSchema = [...found[category]].filter((c) => real[category].has(c));
      const beyond = inSchema.filter((c) => !known.has(ownName(c)));
      return [
        category,
        {
          inSchema: inSchema.length,
          beyondOwnOperations: beyond.length,
          notInSchema: found[category].size - inSchema.length,
          names: beyond.sort(),
        },
      ];
    }),
  ) as Partial<Record<Category, { inSchema: number; beyondOwnOperations: number; notInSchema: number; names: string[] }>>;
}

/** Forwards every request to `upstream`, counting them; `headers` adds to each (the gateway's credential for a subgraph). */
async function startProxy(upstream: string, headers: () => Promise<Record<string, string>>) {
  const statuses: Record<number, number> = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const forwarded: Record<string, string> = { ...(await headers()) };
        for (const name of ['authorization', 'content-type', 'accept'])
          if (typeof req.headers[name] === 'string') forwarded[name] = req.headers[name];
        const answer = await fetch(upstream, {
          method: req.method,
          headers: forwarded,
          body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
        });
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })().catch((err: unknown) => {
        statuses[502] = (statuses[502] ?? 0) + 1;
        res.writeHead(502).end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs clairvoyance until it ends or the time limit; its output (stdout and stderr) goes to `logFile`. */
function runClairvoyance(pythonPath: string, argv: string[], logFile: string, limitMs: number) {
  return new Promise<{ exitCode: number | null; timedOut: boolean }>((resolve, reject) => {
    const child = spawn(args.python!, ['-m', 'clairvoyance', ...argv], {
      env: { ...process.env, PYTHONPATH: pythonPath, LOG_LEVEL: 'INFO' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(logFile);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, limitMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      out.end(() => resolve({ exitCode, timedOut }));
    });
  });
}

/** Why it ended: its last exception, else its last record above DEBUG (aiohttp's complaints about unclosed sessions aside). */
function lastMessage(text: string): string {
  const exceptions = text.match(/^[\w.]+(?:Error|Exception): .*$/gm);
  const records = [...text.matchAll(/^\S+ \S+ \t(?:INFO|WARNING|ERROR|CRITICAL)\t\| (.*)$/gm)]
    .map((m) => m[1]!)
    .filter((m) => !/^Unclosed /.test(m));
  return (exceptions?.at(-1) ?? records.at(-1) ?? '').slice(0, 400);
}

async function main(): Promise<void> {
  if (target !== 'gateway' && !SUBGRAPHS.includes(target)) throw new UsageError(`--target must be gateway or ${SUBGRAPHS.join(', ')}`);
  if (!(Number(args.minutes) > 0) || !(Number(args.concurrency) >= 1))
    throw new UsageError('--minutes and --concurrency must be positive numbers');
  // The checkout's root, or its package directory itself.
  const checkout = args.clairvoyance && path.resolve(args.clairvoyance);
  const pythonPath = checkout && existsSync(path.join(checkout, '__main__.py')) ? path.dirname(checkout) : checkout;
  if (!pythonPath || !existsSync(path.join(pythonPath, 'clairvoyance', '__main__.py')))
    throw new UsageError('--clairvoyance must name a checkout of github.com/nikitastupin/clairvoyance (v2.5.5)');
  const version =
    /^version = "([^"]+)"/m.exec(
      existsSync(path.join(pythonPath, 'pyproject.toml')) ? readFileSync(path.join(pythonPath, 'pyproject.toml'), 'utf8') : '',
    )?.[1] ?? 'unknown';
  const check = spawnSync(args.python!, ['-c', 'import aiohttp, rich'], { encoding: 'utf8' });
  if (check.status !== 0)
    throw new UsageError(
      `${args.python} lacks aiohttp or rich (apt-get install python3-aiohttp python3-rich, or --python /usr/bin/python3): ${check.stderr.trim().split('\n').at(-1)}`,
    );

  const real = schemaInventory(
    readFileSync(path.join(root, target === 'gateway' ? 'infra/supergraph.graphql' : `services/${target}/schema.graphql`), 'utf8'),
  );
  // The root types' names are what `{ __typename }` answers, a valid operation of anyone's.
  const known = new Set<string>(['Query', 'Mutation']);
  visit(parse(readFileSync(path.join(root, 'tests/contract/operations.graphql'), 'utf8')), { Name: (node) => void known.add(node.value) });

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-clairvoyance-'));
  // As root, embedded PostgreSQL runs as a user of its own, which must reach its directory.
  await chmod(dataDir, 0o755);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'clairvoyance-out-'));
  const [gateway, content, organizations, compliance, monitoring] = await freePorts(5);
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    HUB_SEED: 'demo',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: args.development ? 'development' : 'production',
    GATEWAY_PORT: String(gateway),
    CONTENT_PORT: String(content),
    ORGANIZATIONS_PORT: String(organizations),
    COMPLIANCE_PORT: String(compliance),
    MONITORING_PORT: String(monitoring),
  });
  log(`starting the hub in ${config.env} mode`);
  // The scheduler's catch-up has nothing to do with error messages: no worker.
  const hub = await startHub(config, { worker: false }).catch(async (err: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  try {
    const token = await signToken(hub.jwtSecret, { sub: 'clairvoyance', role: 'ANALYST', org: null }, '2h');
    const credential = gatewayCredential(subgraphKey(hub.jwtSecret, config.subgraphSecret));
    const proxy = await startProxy(
      target === 'gateway' ? hub.gatewayUrl : hub.subgraphUrls[target],
      async (): Promise<Record<string, string>> => (target === 'gateway' ? {} : { [GATEWAY_CREDENTIAL_HEADER]: await credential() }),
    );
    const outFile = path.join(outDir, `${target}.json`);
    const logFile = path.join(outDir, `${target}.log`);
    const argv = [
      '-v',
      '-c',
      args.concurrency!,
      '-H',
      `Authorization: Bearer ${token}`,
      '-o',
      outFile,
      ...(args.wordlist ? ['-w', path.resolve(args.wordlist)] : []),
      proxy.url,
    ];
    log(`clairvoyance ${version} against the ${target} (${args.wordlist ?? 'its own wordlist'}); output and log in ${outDir}`);
    const started = performance.now();
    const run = await runClairvoyance(pythonPath, argv, logFile, Number(args.minutes) * 60_000).finally(() => proxy.close());
    const seconds = Math.round((performance.now() - started) / 1000);

    const wroteSchema = existsSync(outFile);
    const written = wroteSchema
      ? compare(introspectionInventory(JSON.parse(await readFile(outFile, 'utf8'))), real, known)
      : compare(empty(), real, known);
    const logText = await readFile(logFile, 'utf8');
    const confirmed = compare(logInventory(logText), real, known, ['fields', 'arguments']);
    const requests = Object.values(proxy.statuses).reduce((a, b) => a + b, 0);
    const totals = Object.fromEntries(CATEGORIES.map((c) => [c, real[c].size]));
    console.log(
      JSON.stringify({
        target,
        mode: config.env,
        clairvoyance: {
          version,
          ...run,
          lastMessage: lastMessage(logText),
          seconds,
          requests,
          statuses: proxy.statuses,
          wroteSchema,
          output: outDir,
        },
        schema: totals,
        written,
        confirmedInLog: confirmed,
      }),
    );
    const cells = (found: (typeof written)[Category]) => (found ? [`${found.inSchema}`, `${found.beyondOwnOperations}`] : ['-', '-']);
    const rows = CATEGORIES.map((c) => [c, `${totals[c]}`, ...cells(written[c]), ...cells(confirmed[c])]);
    const header = ['', 'in schema', 'written', 'beyond own ops', 'in its log', 'beyond own ops'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    console.log(
      `\n${target}: ${requests} requests in ${seconds} s, ${run.timedOut ? 'stopped at the time limit' : `exit ${run.exitCode}`}, schema ${wroteSchema ? 'written' : 'not written'}`,
    );
    console.log(`last message: ${lastMessage(logText)}\n`);
    for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(line(row));
  } finally {
    await hub.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof UsageError ? err.message : ((err as Error).stack ?? String(err))}`);
  process.exitCode = 1;
});
