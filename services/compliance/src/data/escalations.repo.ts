import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql } from '@hub/common';

export interface EscalationRow {
  id: string; level: number; rule: string; period: string; organization_id: string; consecutive_misses: number; recipients: string[]; created_at: string;
  severity: string; decree_item: string | null; resolved_at: string | null;
}

export const ESCALATION_COLUMNS = 'id, level, rule, period, organization_id, consecutive_misses, recipients, created_at, severity, decree_item, resolved_at';

/**
 * Each organization's last `last` escalations, newest first, in one statement for the lot.
 * Rows come grouped by organization, each group newest first. (rule breaks the remaining ties:
 * an organization has one escalation per rule, period and level.)
 */
export async function lastEscalationsOf(em: EntityManager, organizationIds: string[], last: number): Promise<EscalationRow[]> {
  if (!organizationIds.length || last <= 0) return [];
  return runSql<EscalationRow[]>(
    em,
    `select ${ESCALATION_COLUMNS} from (
       select ${ESCALATION_COLUMNS},
              row_number() over (partition by organization_id order by created_at desc, period desc, level desc, rule asc) as n
       from compliance.escalation
       where organization_id = any(?::uuid[])
     ) ranked
     where n <= ?
     order by organization_id, n`,
    [pgArray(organizationIds), last],
  );
}
