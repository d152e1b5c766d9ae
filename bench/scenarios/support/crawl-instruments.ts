// What the crawl scenario watches while the monitoring worker crawls: every HTTP request the
// adapters send (to replay them as the baseline) and every SQL statement (to tell the database's
// share, reads from writes). Both patch this process for the duration of one measured crawl.
import { createRequire } from 'node:module';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface FetchTally {
  /** Every request sent, in order, to replay it. */
  requests: RecordedRequest[];
  /** Summed from each call until its answer's headers arrived. */
  ms: number;
}

/** Records each `fetch` (PlatformHttp sends every adapter request through the global one) until stopped. */
export function watchFetch(): { stop(): FetchTally } {
  const original = globalThis.fetch;
  const tally: FetchTally = { requests: [], ms: 0 };
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    tally.requests.push({
      url,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: init?.body == null ? undefined : String(init.body),
    });
    const started = performance.now();
    try {
      return await original(input, init);
    } finally {
      tally.ms += performance.now() - started;
    }
  };
  return {
    stop: () => {
      globalThis.fetch = original;
      return tally;
    },
  };
}

/**
 * The baseline: the same requests sent with plain fetch, `concurrency` at a time (as many as the
 * crawl has pages in flight), each answer read as text and thrown away: no limiter, no parsing,
 * no database. Answers the time it took in ms.
 */
export async function replayRequests(requests: readonly RecordedRequest[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const { url, method, headers, body } = requests[i]!;
        const response = await fetch(url, { method, headers, body, redirect: 'manual' });
        await response.text();
      }
    }),
  );
  return performance.now() - started;
}

export interface SqlTally {
  statements: number;
  /** Summed time from sending each statement to its answer, as the client sees it. */
  ms: number;
  /** The writes among them: INSERT, UPDATE, DELETE and the transactions' BEGIN and COMMIT. */
  writeStatements: number;
  writeMs: number;
  /** By statement, named by its first words: how many and how long in all. */
  byStatement: Map<string, { count: number; ms: number }>;
}

type Query = (...args: unknown[]) => unknown;
interface ClientPrototype {
  query: Query;
}

/** The pg client classes the ORM sends SQL through (MikroORM's driver may carry its own copy of pg). */
function pgClientPrototypes(): ClientPrototype[] {
  const require = createRequire(import.meta.url);
  const ormRequire = createRequire(require.resolve('@mikro-orm/postgresql'));
  return [...new Set([require('pg').Client.prototype, ormRequire('pg').Client.prototype] as ClientPrototype[])];
}

const WRITE = /^\s*(insert|update|delete|begin|commit|start transaction|savepoint|release)\b/i;

const textOf = (query: unknown): string =>
  typeof query === 'string' ? query : typeof query === 'object' && query !== null ? String((query as { text?: unknown }).text ?? '') : '';

/** A statement's verb and the first table it names outside parentheses, e.g. `insert monitoring.page_post`. */
function statementName(text: string): string {
  let flat = text.replace(/\s+/g, ' ').trim().toLowerCase();
  for (let inner = flat.replace(/\([^()]*\)/g, '()'); inner !== flat; inner = flat.replace(/\([^()]*\)/g, '()')) flat = inner;
  const table = /\b(?:from|into|update)\s+([a-z_]+\.[a-z_]+)/.exec(flat)?.[1];
  const verb = /^[a-z]+/.exec(flat)?.[0] ?? flat.slice(0, 20);
  return table ? `${verb} ${table}` : flat.slice(0, 40);
}

/** Times every statement any pg client of this process runs until stopped (knex passes a callback; others get a promise). */
export function watchSql(): { stop(): SqlTally } {
  // By the statement's text (with its $n placeholders): a handful of texts, named and summed once stopped.
  const byText = new Map<string, { count: number; ms: number }>();
  const count = (text: string, started: number) => {
    const entry = byText.get(text) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += performance.now() - started;
    byText.set(text, entry);
  };
  const restores = pgClientPrototypes().map((proto) => {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = textOf(args[0]);
      const started = performance.now();
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (...results: unknown[]) => {
          count(text, started);
          return (last as Query)(...results);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => count(text, started),
          () => count(text, started),
        );
      }
      return result;
    };
    return () => {
      proto.query = original;
    };
  });
  return {
    stop: () => {
      for (const restore of restores) restore();
      const tally: SqlTally = { statements: 0, ms: 0, writeStatements: 0, writeMs: 0, byStatement: new Map() };
      for (const [text, { count, ms }] of byText) {
        tally.statements += count;
        tally.ms += ms;
        if (WRITE.test(text)) {
          tally.writeStatements += count;
          tally.writeMs += ms;
        }
        const name = statementName(text);
        const entry = tally.byStatement.get(name) ?? { count: 0, ms: 0 };
        tally.byStatement.set(name, { count: entry.count + count, ms: entry.ms + ms });
      }
      return tally;
    },
  };
}
