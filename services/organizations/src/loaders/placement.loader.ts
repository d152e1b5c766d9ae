import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupBy, isUuid, periodLoader, type Period } from '@hub/common';
import { PlacementEntity, type Placement } from '../entities/placement.entity.js';
import { MediaPublicationEntity, type MediaPublication } from '../entities/media-publication.entity.js';
import { distinctPlacedCounts, placementCountsOfMaterials } from '../data/placements.repo.js';

export function createPlacementLoaders(em: EntityManager, parsePeriod: (label: string) => Period) {
  const inPeriod = async <T extends { organizationId: string }>(
    entity: typeof PlacementEntity | typeof MediaPublicationEntity,
    ids: string[],
    period: Period,
    withdrawn = false,
  ) => {
    // A withdrawn placement counts nowhere and is listed only where asked for (media publications have no withdrawal).
    const counting = entity === PlacementEntity ? { withdrawnAt: withdrawn ? { $ne: null } : null } : {};
    const rows = (await em.find(
      entity as typeof PlacementEntity,
      { organizationId: { $in: ids }, publishedAt: { $gte: period.start, $lt: period.end }, ...counting },
      { orderBy: { publishedAt: 'desc', id: 'desc' } },
    )) as unknown as T[];
    return groupBy(rows, (r) => r.organizationId);
  };
  return {
    byId: byIdLoader(em, PlacementEntity),
    mediaById: byIdLoader(em, MediaPublicationEntity),
    /** "orgId|period" → that organization's placements in the period. */
    ofOrganization: periodLoader<Placement[]>(
      parsePeriod,
      (ids, period) => inPeriod<Placement>(PlacementEntity, ids, period),
      () => [],
    ),
    /** "orgId|period" → that organization's placements in the period that no longer count. */
    withdrawnOfOrganization: periodLoader<Placement[]>(
      parsePeriod,
      (ids, period) => inPeriod<Placement>(PlacementEntity, ids, period, true),
      () => [],
    ),
    /** "orgId|week" → distinct materials placed in the week. */
    distinctCount: periodLoader<number>(
      parsePeriod,
      (ids, period) => distinctPlacedCounts(em, ids, period),
      () => 0,
    ),
    /** "orgId|month" → media publications in the month. */
    mediaOfOrganization: periodLoader<MediaPublication[]>(
      parsePeriod,
      (ids, period) => inPeriod<MediaPublication>(MediaPublicationEntity, ids, period),
      () => [],
    ),
    /** Placements per material across the region. */
    countOfMaterial: new DataLoader<string, number>(async (ids) => {
      const counts = await placementCountsOfMaterials(em, ids.filter(isUuid));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type PlacementLoaders = ReturnType<typeof createPlacementLoaders>;
