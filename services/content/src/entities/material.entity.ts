import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { OrganizationKind } from '@hub/common';

export const MATERIAL_TOPICS = ['GOVERNOR', 'GOVERNMENT', 'SOCIAL', 'SOCIO_POLITICAL', 'CULTURE', 'SPORT'] as const;
export type MaterialTopic = (typeof MATERIAL_TOPICS)[number];
export const MATERIAL_STATUSES = ['DRAFT', 'APPROVED', 'DISTRIBUTED', 'WITHDRAWN'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export interface AudienceSpec {
  kinds: OrganizationKind[];
  organizationIds: string[];
}

export const MaterialEntity = defineEntity({
  name: 'Material',
  tableName: 'material',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    title: p.text(),
    body: p.text(),
    summary: p.text().nullable(),
    topic: p.enum([...MATERIAL_TOPICS]),
    status: p.enum([...MATERIAL_STATUSES]).default('DRAFT'),
    hashtags: p.array().default([]),
    mediaLinks: p.array().default([]),
    windowFrom: p.datetime().nullable(),
    windowUntil: p.datetime().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
    updatedBy: p.text().nullable(),
    approvedAt: p.datetime().nullable(),
    approvedBy: p.text().nullable(),
    distributedAt: p.datetime().nullable(),
    distributedBy: p.text().nullable(),
    audience: p.json<AudienceSpec>().nullable(),
    recipientCount: p.integer().default(0),
    withdrawnAt: p.datetime().nullable(),
    withdrawnBy: p.text().nullable(),
    withdrawalReason: p.text().nullable(),
  },
});

export type Material = InferEntity<typeof MaterialEntity>;
