// The registry's shape in compact arrays: one entry per organization, enough to generate every
// row that mentions it (its pages, what it received and placed) without keeping those rows.
import type { OrganizationKind } from '@hub/common';
import type { DatasetSpec } from './spec.js';
import { ENTITY, entityId, entityRng, weightedIndex } from './ids.js';

export const KINDS: readonly OrganizationKind[] = [
  'CONTENT_CENTER',
  'COMMITTEE',
  'REGIONAL_MANAGEMENT_CENTER',
  'EXECUTIVE_BODY',
  'MUNICIPALITY',
  'SUBORDINATE',
];
export const KIND = { contentCenter: 0, committee: 1, cur: 2, body: 3, municipality: 4, subordinate: 5 } as const;

/** How an organization places content week to week. */
export const PROFILE = { steady: 0, uneven: 1, lapsing: 2, silent: 3 } as const;

const COORDINATORS = 3;
/** A nation registry is many regions of this size side by side. */
export const REGION_SIZE = 3_000;
const DAY = 86_400_000;

export interface Roster {
  size: number;
  ids: string[];
  kind: Uint8Array;
  /** Index of the parent, -1 for none. */
  parent: Int32Array;
  /** Which region block it belongs to (-1: the coordinators). */
  block: Int32Array;
  /** Its number within the block, for names, INNs and page addresses. */
  ordinal: Int32Array;
  registeredAt: Float64Array;
  /** Infinity while active. */
  deactivatedAt: Float64Array;
  pageCount: Uint8Array;
  profile: Uint8Array;
}

const PURPOSE = { layout: 11, life: 12, pages: 13 } as const;

/** Pages per organization, weighted so the mean is about the spec's. */
function pageCountWeights(mean: number): [number, number][] {
  return mean >= 3
    ? [
        [1, 10],
        [2, 25],
        [3, 30],
        [4, 25],
        [5, 10],
      ]
    : [
        [1, 35],
        [2, 40],
        [3, 20],
        [4, 5],
      ];
}

function pickCount(r: number, weights: [number, number][]): number {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [value, w] of weights) {
    x -= w;
    if (x < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

export function historyStart(spec: DatasetSpec, currentWeekStart: number): number {
  return currentWeekStart - spec.weeks * 7 * DAY;
}

/**
 * Coordinators first, then region blocks: executive bodies and municipalities, then their
 * subordinate institutions (a parent always precedes its children, as the FK needs). A few
 * institutions register during the history (evaluated from the next full week) or are
 * liquidated in it; about 1 in 100 has no official page yet.
 */
export function buildRoster(spec: DatasetSpec, firstWeekStart: number): Roster {
  const n = spec.organizations;
  const roster: Roster = {
    size: n,
    ids: new Array<string>(n),
    kind: new Uint8Array(n),
    parent: new Int32Array(n).fill(-1),
    block: new Int32Array(n).fill(-1),
    ordinal: new Int32Array(n),
    registeredAt: new Float64Array(n),
    deactivatedAt: new Float64Array(n).fill(Infinity),
    pageCount: new Uint8Array(n),
    profile: new Uint8Array(n),
  };
  const historyMs = Date.parse(spec.now) - firstWeekStart;
  const pageWeights = pageCountWeights(spec.pagesPerOrganization);
  for (let i = 0; i < Math.min(COORDINATORS, n); i++) {
    roster.kind[i] = i;
    roster.ordinal[i] = i;
  }
  const rest = Math.max(0, n - COORDINATORS);
  const blocks = Math.max(1, Math.ceil(rest / REGION_SIZE));
  let next = COORDINATORS;
  for (let b = 0; b < blocks; b++) {
    const size = Math.floor(rest / blocks) + (b < rest % blocks ? 1 : 0);
    const bodies = Math.max(3, Math.round((size * 40) / REGION_SIZE));
    const municipalities = Math.max(2, Math.round((size * 30) / REGION_SIZE));
    const top = bodies + municipalities;
    // A few large parents (education, health, the city) hold most institutions.
    const weights = new Float64Array(top);
    let sum = 0;
    for (let k = 0; k < top; k++) {
      const share = k < bodies ? 0.45 / bodies : 0.55 / municipalities;
      const rank = k < bodies ? k : k - bodies;
      sum += share * top * (1 / Math.pow(rank + 1, 0.8));
      weights[k] = sum;
    }
    const first = next;
    const layout = entityRng(spec.seed, PURPOSE.layout, b);
    for (let k = 0; k < size; k++, next++) {
      roster.block[next] = b;
      roster.ordinal[next] = k;
      if (k < bodies) roster.kind[next] = KIND.body;
      else if (k < top) roster.kind[next] = KIND.municipality;
      else {
        roster.kind[next] = KIND.subordinate;
        roster.parent[next] = first + (top <= 0 ? 0 : weightedIndex(layout, weights));
      }
    }
  }
  for (let i = 0; i < n; i++) {
    roster.ids[i] = entityId(spec.seed, ENTITY.organization, i);
    const life = entityRng(spec.seed, PURPOSE.life, i);
    const kind = roster.kind[i]!;
    roster.registeredAt[i] = firstWeekStart - (120 + Math.floor(life() * 600)) * DAY;
    if (kind === KIND.subordinate) {
      const r = life();
      if (r < 0.004) roster.registeredAt[i] = firstWeekStart + Math.floor(life() * historyMs);
      else if (r < 0.008) roster.deactivatedAt[i] = firstWeekStart + Math.floor(life() * historyMs);
    }
    const pages = entityRng(spec.seed, PURPOSE.pages, i);
    if (kind <= KIND.cur) roster.pageCount[i] = 3;
    else if (kind === KIND.subordinate && pages() < 0.01) roster.pageCount[i] = 0;
    else roster.pageCount[i] = Math.max(kind === KIND.subordinate ? 1 : 2, pickCount(pages(), pageWeights));
    const p = life();
    roster.profile[i] = p < 0.72 ? PROFILE.steady : p < 0.9 ? PROFILE.uneven : p < 0.97 ? PROFILE.lapsing : PROFILE.silent;
  }
  return roster;
}

export const isActiveAt = (roster: Roster, i: number, at: number) => roster.registeredAt[i]! <= at && at < roster.deactivatedAt[i]!;
