import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A mass-media publication about an organization's official pages (decree 3.3). */
export const MediaPublicationEntity = defineEntity({
  name: 'MediaPublication',
  tableName: 'media_publication',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    organizationId: p.uuid(),
    outlet: p.text(),
    url: p.text().nullable(),
    issueReference: p.text().nullable(),
    /** The article's identity: its normalized URL, or outlet + issue + date. */
    dedupKey: p.text(),
    publishedAt: p.datetime(),
    about: p.text().nullable(),
    reportedBy: p.text(),
    reportedAt: p.datetime().defaultRaw('now()'),
  },
});

export type MediaPublication = InferEntity<typeof MediaPublicationEntity>;
