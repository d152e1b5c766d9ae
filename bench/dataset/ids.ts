// Identifiers and randomness that are pure functions of (seed, entity, index): any row can be
// regenerated on its own, so the generator streams tables without keeping them in memory.
import { mulberry32, type Rng } from '@hub/infra/demo/random';

export type { Rng };

export const ENTITY = { organization: 1, page: 2, material: 3, placement: 4, media: 5 } as const;
type Entity = (typeof ENTITY)[keyof typeof ENTITY];

function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b) ^ Math.imul(d + 0x7f4a7c15, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * A version-4 UUID whose leading bits look random (btree order and page spread as with
 * gen_random_uuid) and whose last 48 bits are the entity and index: unique by construction.
 */
export function entityId(seed: number, entity: Entity, index: number): string {
  const a = mix(seed, entity, index, 1);
  const b = mix(seed, entity, index, 2);
  const variant = 8 + (b & 3);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b >>> 4, 3)}-${variant.toString(16)}${hex(entity, 3)}-${hex(index, 12)}`;
}

/** A PRNG for one (purpose, index) pair: the same draws whatever else was generated. */
export function entityRng(seed: number, purpose: number, index: number): Rng {
  return mulberry32(mix(seed, purpose, index, 3));
}

export function weightedIndex(rng: Rng, cumulative: Float64Array): number {
  const r = rng() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
