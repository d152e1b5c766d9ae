import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One regional-content material placed on one official page (decree 3.1); one counting placement per (material, page). */
export const PlacementEntity = defineEntity({
  name: 'Placement',
  tableName: 'placement',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    organizationId: p.uuid(),
    pageId: p.uuid(),
    materialId: p.uuid(),
    url: p.text(),
    publishedAt: p.datetime(),
    viaGospabliki: p.boolean().default(false),
    /** REPORTED by an officer, or DISCOVERED on the page by monitoring (migration 20261209). */
    source: p.enum(['REPORTED', 'DISCOVERED'] as const).default('REPORTED'),
    reportedBy: p.text(),
    reportedAt: p.datetime().defaultRaw('now()'),
    /** Withdrawn placements stay stored and count nowhere (migration 20261205). */
    withdrawnAt: p.datetime().nullable(),
    withdrawnBy: p.text().nullable(),
    withdrawalReason: p.text().nullable(),
  },
});

export type Placement = InferEntity<typeof PlacementEntity>;
