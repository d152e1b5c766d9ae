import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '@hub/common';
import type { EscalationPolicy } from '../domain/ladder.js';

export interface PolicyRow {
  levels: EscalationPolicy['levels'];
  content_center_recipients: EscalationPolicy['contentCenterRecipients'];
  recommended_recipients: EscalationPolicy['recommendedRecipients'];
  suppress_when_parent_told: boolean;
  updated_by: string;
  updated_at: string;
}

export const toPolicy = (r: PolicyRow): EscalationPolicy & { updatedBy: string; updatedAt: Date } => ({
  levels: r.levels,
  contentCenterRecipients: r.content_center_recipients,
  recommendedRecipients: r.recommended_recipients,
  suppressWhenParentTold: r.suppress_when_parent_told,
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at),
});

/** The escalation ladder in force (one row, edited by ADMIN). */
export async function loadPolicy(em: EntityManager): Promise<EscalationPolicy & { updatedBy: string; updatedAt: Date }> {
  const [row] = await runSql<PolicyRow[]>(em, 'select * from compliance.escalation_policy where id = 1');
  if (!row) throw new Error('compliance.escalation_policy has no row: the migrations did not run');
  return toPolicy(row);
}
