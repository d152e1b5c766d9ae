import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, sql } from '@hub/common';
import { MaterialEntity, type AudienceSpec, type MaterialStatus, type MaterialTopic } from '../entities/material.entity.js';
import { storeRecipients } from './materials.repo.js';

export interface DemoMaterialRow {
  id: string;
  title: string;
  summary: string | null;
  body: string;
  topic: MaterialTopic;
  status: MaterialStatus;
  hashtags: string[];
  mediaLinks: string[];
  windowUntil: Date | null;
  createdBy: string;
  createdAt: Date;
  approvedAt: Date | null;
  /** Someone other than the author (four eyes); the author when not given, as before. */
  approvedBy?: string | null;
  distributedAt: Date | null;
  audience: AudienceSpec | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

/**
 * Loads the demo materials into an empty content schema and distributes the distributed ones
 * against the registry as it stands (the organizations demo is loaded first). Returns false
 * when there are materials already.
 */
export async function loadDemoMaterials(em: EntityManager, materials: DemoMaterialRow[]): Promise<boolean> {
  return em.transactional(async (tx) => {
    await execSql(tx, sql`select pg_advisory_xact_lock(hashtext('seed:content'))`);
    if ((await tx.count(MaterialEntity, {})) > 0) return false;
    await tx.insertMany(
      MaterialEntity,
      materials.map((m) => ({
        ...m,
        updatedAt: m.createdAt,
        approvedBy: m.approvedAt ? (m.approvedBy ?? m.createdBy) : null,
        distributedBy: m.distributedAt ? m.createdBy : null,
        withdrawnBy: m.withdrawnAt ? m.createdBy : null,
        recipientCount: 0,
      })),
    );
    for (const m of materials) {
      if (m.distributedAt) await storeRecipients(tx, m.id, m.audience ?? { kinds: [], organizationIds: [] });
    }
    await execSql(
      tx,
      sql`update content.material m set recipient_count = r.count
       from (select material_id, count(*) as count from content.material_recipient group by material_id) r
       where r.material_id = m.id`,
    );
    return true;
  });
}
