import type { EntityManager } from '@mikro-orm/postgresql';
import { loadDemoOrganizations } from '@hub/organizations';
import { generateDemoRegion } from './demo/region.js';

export const DEMO_SEED = 299;

export interface SeedTargets {
  organizations: EntityManager;
}

/** Loads the demo region into whichever subgraph schemas are still empty; the data is the same every time. */
export async function seedDemoRegion(targets: SeedTargets, now: Date): Promise<{ organizations: boolean }> {
  const region = generateDemoRegion({ seed: DEMO_SEED, now });
  const organizations = await loadDemoOrganizations(targets.organizations, region.organizations);
  return { organizations };
}
