import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, runSql } from '@hub/common';
import type { Contact } from '../domain/ladder.js';

export interface Addressee extends Contact {
  kind: string;
  parentId: string | null;
}

interface Row {
  id: string; name: string; kind: string; parent_id: string | null;
  head_full_name: string; head_email: string | null; contact_email: string | null;
}

/** These organizations and the coordinators (the ЦУР, the committee, the content center), from organizations.mail_directory. */
export async function addressees(em: EntityManager, ids: readonly string[]): Promise<Map<string, Addressee>> {
  const rows = await runSql<Row[]>(
    em,
    `select id, name, kind, parent_id, head_full_name, head_email, contact_email from organizations.mail_directory
     where id = any(?::uuid[]) or (kind in ('REGIONAL_MANAGEMENT_CENTER', 'COMMITTEE', 'CONTENT_CENTER') and active)`,
    [pgArray(ids)],
  );
  return new Map(rows.map((r) => [r.id, {
    id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, headName: r.head_full_name, headEmail: r.head_email, contactEmail: r.contact_email,
  }]));
}

/** Materials each organization received recently whose window is still open: what it can place now. */
export async function openMaterials(em: EntityManager, ids: readonly string[], now: Date): Promise<Map<string, { title: string }[]>> {
  const rows = await runSql<{ organization_id: string; title: string }[]>(
    em,
    `select organization_id, title from (
       select organization_id, title, row_number() over (partition by organization_id order by distributed_at desc) as n
       from content.received_log
       where organization_id = any(?::uuid[]) and distributed_at > ?::timestamptz - interval '14 days'
         and (window_until is null or window_until > ?) and (withdrawn_at is null or withdrawn_at > ?)
     ) recent where n <= 3`,
    [pgArray(ids), now, now, now],
  );
  const byOrg = new Map<string, { title: string }[]>();
  for (const r of rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), { title: r.title }]);
  return byOrg;
}
