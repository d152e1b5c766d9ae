import { periodContaining, type Period } from '@hub/common';
import type { ComplianceRule } from '../data/rules.repo.js';
import { footingFor, type Severity } from '../domain/applicability.js';
import { loadMeasures } from '../data/measures.repo.js';
import { ruleTimeZone, type EngineDeps } from './run-check.js';

export interface Progress {
  organizationId: string;
  week: Period;
  placed: number;
  required: number;
  remaining: number;
  atRisk: boolean;
  severity: Severity;
  /** 3.1 for executive bodies and theirs, 4 for municipalities and theirs. */
  decreeItem: string;
}

/**
 * The current week so far for every organization the weekly norm applies to, or only for `only`
 * (the mid-week reminder tells those at risk what they still need before they miss; the
 * dashboard shows one organization's).
 */
export async function weekProgress(deps: EngineDeps, rules: ComplianceRule[], only?: readonly string[]): Promise<Map<string, Progress>> {
  const rule = rules.find((r) => r.code === 'WEEKLY_PLACEMENTS');
  const progress = new Map<string, Progress>();
  if (!rule || !rule.enabled) return progress;
  const week = periodContaining('WEEK', deps.clock(), ruleTimeZone(rule, deps.timezone));
  const { organizations } = await loadMeasures(deps.em, 'WEEKLY_PLACEMENTS', week, only);
  for (const org of organizations) {
    if (!org.active) continue;
    const footing = footingFor(rule.appliesTo, { kind: org.kind, parentKind: org.parentKind });
    if (!footing) continue;
    const remaining = Math.max(0, rule.threshold - org.actual);
    progress.set(org.organizationId, {
      organizationId: org.organizationId,
      week,
      placed: org.actual,
      required: rule.threshold,
      remaining,
      atRisk: remaining > 0,
      ...footing,
    });
  }
  return progress;
}
