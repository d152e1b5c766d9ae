import DataLoader from 'dataloader';
import type { BaseContext } from '@hub/common';
import { ComplianceRuleEntity, type ComplianceRule } from './entities/compliance-rule.entity.js';

export interface ComplianceContext extends BaseContext {
  /** The rule table is a handful of rows: read once per request. */
  rules: DataLoader<'all', ComplianceRule[]>;
}

export function createContext(base: BaseContext): ComplianceContext {
  return {
    ...base,
    rules: new DataLoader(async (keys) => {
      const rules = await base.em.find(ComplianceRuleEntity, {}, { orderBy: { code: 'asc' } });
      return keys.map(() => rules);
    }),
  };
}
