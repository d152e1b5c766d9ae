import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow, sql, type SqlParameter } from '@hub/common';
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

/**
 * The escalation ladder in force (one row, edited by ADMIN): the one reader of the policy, for the
 * `escalationPolicy` query and the engine's escalations and letters alike.
 */
export async function loadPolicy(em: EntityManager): Promise<EscalationPolicy & { updatedBy: string; updatedAt: Date }> {
  const row = await queryRow<PolicyRow>(em, sql`select * from compliance.escalation_policy where id = 1`);
  if (!row) throw new Error('compliance.escalation_policy has no row: the migrations did not run');
  return toPolicy(row);
}

/** What an edit of the ladder changes: a missing or null part stays as it was. */
export type PolicyPatch = { [K in keyof EscalationPolicy]?: EscalationPolicy[K] | null };

const json = (value: unknown): SqlParameter => (value === null || value === undefined ? null : JSON.stringify(value));

/** Applies the edit to the one row of the ladder and answers the ladder now. */
export async function updatePolicy(
  em: EntityManager,
  patch: PolicyPatch,
  by: string,
  at: Date,
): Promise<EscalationPolicy & { updatedBy: string; updatedAt: Date }> {
  const row = await queryRow<PolicyRow>(
    em,
    sql`update compliance.escalation_policy set
          levels = coalesce(${json(patch.levels)}::jsonb, levels),
          content_center_recipients = coalesce(${json(patch.contentCenterRecipients)}::jsonb, content_center_recipients),
          recommended_recipients = coalesce(${json(patch.recommendedRecipients)}::jsonb, recommended_recipients),
          suppress_when_parent_told = coalesce(${patch.suppressWhenParentTold ?? null}, suppress_when_parent_told),
          updated_by = ${by}, updated_at = ${at}
        where id = 1 returning *`,
  );
  if (!row) throw new Error('compliance.escalation_policy has no row: the migrations did not run');
  return toPolicy(row);
}
