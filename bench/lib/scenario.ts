/**
 * The benchmark contract: every scenario measures its own work and a baseline of the same work
 * done the plainest way, in the same run on the same data, so a noisy machine still gives a fair
 * ratio. The runner (bench/run.ts) prints one JSON line per result and a table at the end.
 */
import { round } from './stats.js';
import type { MeasuredProcess } from '../scenarios/support/measured-process.js';

export type Scale = 'region' | 'nation';

export interface ScenarioResult {
  /** e.g. "weekly-check", or "gateway-overhead:federated-p50" when a scenario reports several. */
  scenario: string;
  scale: Scale | string;
  value: number;
  baseline: number;
  /** value / baseline, unless the scenario says otherwise (throughput: higher is better). */
  ratio: number;
  unit: string;
  /** The target the issue sets for this ratio, if any, e.g. { max: 2 } or { min: 0.7 }. */
  target?: { max?: number; min?: number };
  /** Anything else worth printing: peak memory, row counts, SQL queries per request… */
  details?: Record<string, unknown>;
}

export type HubLayout = 'processes' | 'one-process';

export interface HubHandle {
  /** Each subgraph and the gateway in its own process, as deployed, or all of them in the bench's. */
  layout: HubLayout;
  gatewayUrl: string;
  subgraphUrls: { organizations: string; content: string; compliance: string };
  /** The deployed layout's processes (gateway, organizations, content, compliance, monitoring), with their CPU and memory. */
  processes?: readonly MeasuredProcess[];
  /** Signs a token for the hub's secret. */
  token(role: 'ADMIN' | 'EDITOR' | 'OPERATOR' | 'ANALYST' | 'HEAD', org?: string | null): Promise<string>;
  stop(): Promise<void>;
}

export interface BenchContext {
  scale: Scale;
  /** A database with every migration applied and the scale's dataset loaded (see bench/dataset). */
  databaseUrl: string;
  /** What the dataset holds: counts, the weeks it covers, a few ids scenarios may use. */
  dataset: DatasetInfo;
  /**
   * Starts the subgraphs and the gateway on this database, on free ports: as deployed, each in its
   * own process (the default), or all in the bench's process.
   */
  startHub(layout?: HubLayout): Promise<HubHandle>;
  /**
   * The URL of another database on the same server, hub_bench_<name>, for a scenario that builds
   * datasets of its own (scaling); the runner drops it with the main one unless they are kept.
   */
  databaseFor(name: string): string;
  log(message: string): void;
}

export interface DatasetInfo {
  seed: number;
  organizations: number;
  pages: number;
  placements: number;
  materials: number;
  /** ISO week labels covered, oldest first; the last one is complete and evaluable. */
  weeks: string[];
  /** The reference "now" the dataset was generated for (the clock scenarios run with). */
  now: Date;
  timeZone: string;
}

export interface Scenario {
  name: string;
  /** Runs at this scale? (e.g. the scaling scenario builds its own datasets.) */
  scales: Scale[];
  run(ctx: BenchContext): Promise<ScenarioResult[]>;
}

export const ratioOf = (value: number, baseline: number) => (baseline === 0 ? Number.NaN : value / baseline);

/** A result's value, baseline and ratio as printed: the two measures to `digits`, the ratio to 2. */
export const compared = (value: number, baseline: number, digits = 2) => ({
  value: round(value, digits),
  baseline: round(baseline, digits),
  ratio: round(ratioOf(value, baseline)),
});
