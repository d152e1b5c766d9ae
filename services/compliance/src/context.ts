import DataLoader from 'dataloader';
import { createDirectoryHierarchy, type BaseContext } from '@hub/common';
import type { RuleCode } from '@hub/common';
import { rulesInForce, ruleVersions, type ComplianceRule, type RuleVersion } from './data/rules.repo.js';
import type { EngineDeps } from './engine/run-check.js';
import { weekProgress, type Progress } from './engine/week-progress.js';
import type { ComplianceResult } from './entities/compliance-result.entity.js';
import { createRecentResultsLoader } from './loaders/recent-results.loader.js';
import { createEscalationsLoader } from './loaders/escalations.loader.js';
import { createComplianceLoaders, type ComplianceLoaders } from './loaders/compliance.loader.js';
import type { EscalationRow } from './data/escalations.repo.js';

export interface ComplianceContext extends BaseContext {
  /** The rules as they stand now (their versions in force): a handful of rows, read once per request. */
  rules: DataLoader<'all', ComplianceRule[]>;
  /** Each rule's versions, oldest first: one query for every rule a request names. */
  ruleVersions: DataLoader<RuleCode, RuleVersion[]>;
  hierarchy: ReturnType<typeof createDirectoryHierarchy>;
  engine: EngineDeps;
  /** This week's progress of the organizations asked for in a request, counted in one query. */
  progress: DataLoader<string, Progress | null>;
  /** Organizations' last results, keyed by recentResultsKey. */
  recentResults: DataLoader<string, ComplianceResult[]>;
  /** Organizations' last escalations, newest first, keyed by escalationsKey: one statement for a page. */
  escalations: DataLoader<string, EscalationRow[]>;
  /** Runs and exemptions by id: one query per batch; unknown ids resolve to null. */
  loaders: ComplianceLoaders;
}

export function createContext(base: BaseContext): ComplianceContext {
  const rules = new DataLoader<'all', ComplianceRule[]>(async (keys) => {
    const all = await rulesInForce(base.em, base.clock());
    return keys.map(() => all);
  });
  const engine: EngineDeps = { em: base.em, clock: base.clock, timezone: base.timezone, logger: base.logger, publicUrl: base.publicUrl };
  return {
    ...base,
    rules,
    ruleVersions: new DataLoader(async (codes) => {
      const versions = await ruleVersions(base.em, codes);
      return codes.map((code) => versions.filter((v) => v.code === code));
    }),
    hierarchy: createDirectoryHierarchy(base.em),
    engine,
    progress: new DataLoader(async (ids) => {
      const map = await weekProgress(engine, await rules.load('all'), ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    recentResults: createRecentResultsLoader(base.em),
    escalations: createEscalationsLoader(base.em),
    loaders: createComplianceLoaders(base.em),
  };
}
