import type { EntityManager } from '@mikro-orm/postgresql';
import { loadDemoActivity, loadDemoOrganizations, loadDemoPeople } from '@hub/organizations';
import { loadDemoMaterials } from '@hub/content';
import { generateDemoRegion } from './demo/region.js';
import { generateDemoMaterials } from './demo/content.js';
import { generateDemoActivity } from './demo/activity.js';
import { generateDemoPeople } from './demo/people.js';

export const DEMO_SEED = 299;

export interface SeedTargets {
  organizations: EntityManager;
  content: EntityManager;
}

/** Loads the demo region into whichever subgraph schemas are still empty; the data is the same every time. */
export async function seedDemoRegion(
  targets: SeedTargets,
  now: Date,
  timeZone: string,
): Promise<{ organizations: boolean; content: boolean; activity: boolean }> {
  const region = generateDemoRegion({ seed: DEMO_SEED, now });
  const materials = generateDemoMaterials({ seed: DEMO_SEED, now, timeZone });
  const organizations = await loadDemoOrganizations(targets.organizations, region.organizations);
  await loadDemoPeople(targets.organizations, generateDemoPeople(DEMO_SEED, region.organizations));
  // Distribution resolves audiences against the registry: organizations first.
  const content = await loadDemoMaterials(targets.content, materials);
  const activity = await loadDemoActivity(
    targets.organizations,
    generateDemoActivity({ seed: DEMO_SEED, now, timeZone, organizations: region.organizations, materials }),
  );
  return { organizations, content, activity };
}
