// Rows of the content schema: the materials, and each one's recipients as distribution resolves
// them (every active organization with pages at that moment, like storeRecipients).
import { isActiveAt, type Roster } from './roster.js';
import { EDITOR, REVIEWER, titleOf, type MaterialPlan } from './materials.js';
import type { CopyValue } from './copy.js';
import type { DatasetSpec } from './spec.js';

export const MATERIAL_COLUMNS = [
  'id',
  'title',
  'body',
  'topic',
  'status',
  'created_by',
  'created_at',
  'updated_at',
  'summary',
  'hashtags',
  'media_links',
  'window_until',
  'approved_at',
  'approved_by',
  'distributed_at',
  'distributed_by',
  'audience',
  'recipient_count',
  'withdrawn_at',
  'withdrawn_by',
  'withdrawal_reason',
] as const;
export const RECIPIENT_COLUMNS = ['material_id', 'organization_id'] as const;

const EVERYONE_WITH_PAGES = JSON.stringify({ kinds: [], organizationIds: [] });
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

const receives = (roster: Roster, i: number, at: number) => roster.pageCount[i]! > 0 && isActiveAt(roster, i, at);

export function recipientCount(roster: Roster, plan: MaterialPlan): number {
  if (plan.distributedAt === null) return 0;
  let count = 0;
  for (let i = 0; i < roster.size; i++) if (receives(roster, i, plan.distributedAt)) count++;
  return count;
}

export function* materialRows(roster: Roster, plans: readonly MaterialPlan[]): Generator<CopyValue[]> {
  for (const plan of plans) {
    const t = plan.template;
    const distributed = plan.distributedAt !== null;
    yield [
      plan.id,
      titleOf(plan),
      t.body,
      t.topic,
      plan.status,
      EDITOR,
      date(plan.createdAt),
      date(plan.withdrawnAt ?? plan.distributedAt ?? plan.createdAt),
      t.summary,
      t.hashtags,
      t.mediaLinks,
      date(plan.windowUntil),
      date(plan.approvedAt),
      plan.approvedAt ? REVIEWER : null,
      date(plan.distributedAt),
      distributed ? EDITOR : null,
      distributed ? EVERYONE_WITH_PAGES : null,
      recipientCount(roster, plan),
      date(plan.withdrawnAt),
      plan.withdrawnAt ? EDITOR : null,
      plan.withdrawnAt ? 'Мероприятие перенесено организаторами, материал неактуален' : null,
    ];
  }
}

/** Recipients of the last `spec.recipientWeeks` weeks' materials (see DatasetSpec). */
export function* recipientRows(spec: DatasetSpec, roster: Roster, plans: readonly MaterialPlan[]): Generator<CopyValue[]> {
  const fromWeek = spec.weeks - spec.recipientWeeks;
  for (const plan of plans) {
    if (plan.distributedAt === null || plan.week < fromWeek) continue;
    for (let i = 0; i < roster.size; i++) if (receives(roster, i, plan.distributedAt)) yield [plan.id, roster.ids[i]!];
  }
}
