import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql, type Period } from '@hub/common';
import type { Contact } from '../domain/ladder.js';

export interface Addressee extends Contact {
  kind: string;
  parentId: string | null;
}

interface Row {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  head_full_name: string;
  head_email: string | null;
  contact_email: string | null;
}

/** These organizations and the coordinators (the ЦУР, the committee, the content center), from organizations.mail_directory. */
export async function addressees(em: EntityManager, ids: readonly string[]): Promise<Map<string, Addressee>> {
  const rows = await queryRows<Row>(
    em,
    sql`select id, name, kind, parent_id, head_full_name, head_email, contact_email from organizations.mail_directory
        where id = any(${ids}::uuid[]) or (kind in ('REGIONAL_MANAGEMENT_CENTER', 'COMMITTEE', 'CONTENT_CENTER') and active)`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kind: r.kind,
        parentId: r.parent_id,
        headName: r.head_full_name,
        headEmail: r.head_email,
        contactEmail: r.contact_email,
      },
    ]),
  );
}

/** Materials each organization received recently whose window is still open: what it can place now. */
export async function openMaterials(em: EntityManager, ids: readonly string[], now: Date): Promise<Map<string, { title: string }[]>> {
  const rows = await queryRows<{ organization_id: string; title: string }>(
    em,
    sql`select organization_id, title from (
          select organization_id, title, row_number() over (partition by organization_id order by distributed_at desc) as n
          from content.received_log
          where organization_id = any(${ids}::uuid[]) and distributed_at > ${now}::timestamptz - interval '14 days'
            and (window_until is null or window_until > ${now}) and (withdrawn_at is null or withdrawn_at > ${now})
        ) recent where n <= 3`,
  );
  const byOrg = new Map<string, { title: string }[]>();
  for (const r of rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), { title: r.title }]);
  return byOrg;
}

/** What each organization received in the period and still holds (content.received_log), by organization, oldest first. */
export async function materialsReceivedIn(
  em: EntityManager,
  period: Period,
): Promise<{ organization_id: string; title: string; window_until: string | null }[]> {
  return queryRows<{ organization_id: string; title: string; window_until: string | null }>(
    em,
    sql`select organization_id, title, window_until from content.received_log
        where distributed_at >= ${period.start} and distributed_at < ${period.end} and withdrawn_at is null
        order by organization_id, distributed_at`,
  );
}
