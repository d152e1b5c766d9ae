import { createDirectoryHierarchy, parsePeriod, periodContaining, type BaseContext, type Period, type PeriodKind } from '@hub/common';
import { createPlacementLoaders, type PlacementLoaders } from './loaders/placement.loader.js';
import { createOrganizationLoaders, type OrganizationLoaders } from './loaders/organization.loader.js';
import { createPageLoaders, type PageLoaders } from './loaders/official-page.loader.js';

export interface OrganizationsContext extends BaseContext {
  placements: PlacementLoaders;
  /** A period argument of `kind` (of any kind with `anyKind`), or the current one of `kind` when none is given. */
  period(label: string | null | undefined, kind: PeriodKind, field: string, anyKind?: boolean): Period;
  organizations: OrganizationLoaders;
  pages: PageLoaders;
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
}

export function createContext(base: BaseContext): OrganizationsContext {
  const hierarchy = createDirectoryHierarchy(base.em);
  // Each organization of a page asks for the same week: luxon's time-zone arithmetic, done per
  // organization, was a tenth of a 50-organization query's time. Once per request is enough.
  const periods = new Map<string, Period>();
  const period = (label: string | null | undefined, kind: PeriodKind, field: string, anyKind = false) => {
    const key = `${kind}|${anyKind}|${label ?? ''}`;
    let found = periods.get(key);
    if (!found) {
      found = label
        ? parsePeriod(label, base.timezone, { field, kinds: anyKind ? undefined : [kind] })
        : periodContaining(kind, base.clock(), base.timezone);
      periods.set(key, found);
    }
    return found;
  };
  return {
    ...base,
    organizations: createOrganizationLoaders(base.em),
    pages: createPageLoaders(base.em),
    placements: createPlacementLoaders(base.em, (label) => parsePeriod(label, base.timezone)),
    hierarchy,
    period,
  };
}
