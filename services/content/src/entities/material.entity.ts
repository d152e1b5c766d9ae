import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const MATERIAL_TOPICS = ['GOVERNOR', 'GOVERNMENT', 'SOCIAL', 'SOCIO_POLITICAL', 'CULTURE', 'SPORT'] as const;
export const MATERIAL_STATUSES = ['DRAFT', 'APPROVED', 'DISTRIBUTED', 'WITHDRAWN'] as const;

export const MaterialEntity = defineEntity({
  name: 'Material',
  tableName: 'material',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    title: p.text(),
    body: p.text(),
    topic: p.enum([...MATERIAL_TOPICS]),
    status: p.enum([...MATERIAL_STATUSES]).default('DRAFT'),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()').onUpdate(() => new Date()),
  },
});

export type Material = InferEntity<typeof MaterialEntity>;
