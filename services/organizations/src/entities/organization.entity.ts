import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ORGANIZATION_KINDS } from '@hub/common';

export const OrganizationEntity = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    name: p.text(),
    shortName: p.text().nullable(),
    kind: p.enum([...ORGANIZATION_KINDS]),
    parentId: p.uuid().nullable(),
    inn: p.string().length(12).nullable(),
    headFullName: p.text(),
    headPosition: p.text(),
    headEmail: p.text(),
    contactEmail: p.text().nullable(),
    active: p.boolean().default(true),
    deactivationReason: p.text().nullable(),
    deactivatedAt: p.datetime().nullable(),
    registeredAt: p.datetime().defaultRaw('now()'),
    createdBy: p.text(),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onUpdate(() => new Date()),
  },
});

export type Organization = InferEntity<typeof OrganizationEntity>;
