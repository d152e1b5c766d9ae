import type { Scale } from '../lib/scenario.js';

/** Bump when the generator changes what it writes: a kept database with another version is rebuilt. */
export const GENERATOR_VERSION = 1;

export interface DatasetSpec {
  /** Also names the database: hub_bench_<name>. */
  name: string;
  seed: number;
  organizations: number;
  /** Mean official pages per organization. */
  pagesPerOrganization: number;
  /** Complete weeks of history before `now`. */
  weeks: number;
  materialsPerWeek: number;
  /**
   * Recipients (content.material_recipient) are stored for the materials of the last this many
   * weeks only: every organization receives every material, so a year of the country would be
   * 62 million rows that no measured query reads.
   */
  recipientWeeks: number;
  /** The last this many weeks are evaluated before the scenarios run, as the worker would have. */
  evaluatedWeeks: number;
  /** Monday 10:00 local, an hour after the weekly check is due: the clock every scenario runs with. */
  now: string;
  timeZone: string;
}

const common = { seed: 299, materialsPerWeek: 12, now: '2026-11-30T10:00:00+10:00', timeZone: 'Asia/Vladivostok' };

export const SCALE_SPECS: Record<Scale, DatasetSpec> = {
  region: {
    ...common,
    name: 'region',
    organizations: 3_000,
    pagesPerOrganization: 2,
    weeks: 52,
    recipientWeeks: 52,
    evaluatedWeeks: 13,
  },
  // A national rollout's first four months at the region's pace: 5 million placements.
  nation: {
    ...common,
    name: 'nation',
    organizations: 100_000,
    pagesPerOrganization: 3,
    weeks: 16,
    recipientWeeks: 4,
    evaluatedWeeks: 13,
  },
};

/** The scaling scenario's registries: the region's shape at any size, a month of history. */
export function scalingSpec(organizations: number): DatasetSpec {
  return {
    ...common,
    name: `orgs_${organizations}`,
    organizations,
    pagesPerOrganization: 2,
    weeks: 4,
    recipientWeeks: 2,
    evaluatedWeeks: 2,
  };
}

export const specKey = (spec: DatasetSpec) => JSON.stringify({ version: GENERATOR_VERSION, ...spec });
