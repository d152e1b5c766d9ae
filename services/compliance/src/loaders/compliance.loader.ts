import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '@hub/common';
import { ComplianceRunEntity } from '../entities/compliance-run.entity.js';
import { ExemptionEntity } from '../entities/exemption.entity.js';

/** PostgreSQL spells a uuid in lower case; a reference may not, and a lookup by id finds it either way. */
function caseless<V>(loader: DataLoader<string, V>): Pick<DataLoader<string, V>, 'load'> {
  return { load: (id) => loader.load(id.toLowerCase()) };
}

/**
 * Runs and exemptions by id, for references (`_entities`) and ComplianceResult.exemption: a page
 * of results or a batch of references costs one query per type, not one per row. Unknown or
 * malformed ids resolve to null.
 */
export function createComplianceLoaders(em: EntityManager) {
  return {
    runById: caseless(byIdLoader(em, ComplianceRunEntity)),
    exemptionById: caseless(byIdLoader(em, ExemptionEntity)),
  };
}

export type ComplianceLoaders = ReturnType<typeof createComplianceLoaders>;
