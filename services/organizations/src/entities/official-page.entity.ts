import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PLATFORMS } from '@hub/common';

export const OfficialPageEntity = defineEntity({
  name: 'OfficialPage',
  tableName: 'official_page',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    organizationId: p.uuid(),
    platform: p.enum([...PLATFORMS]),
    url: p.text(),
    normalizedUrl: p.text().unique(),
    /** Its id on the platform when its address carries one (a VK community: vk.com/club<id>), else null. */
    platformId: p.text().nullable(),
    verified: p.boolean().default(false),
    widgetReportProblemAt: p.datetime().nullable(),
    widgetShareOpinionAt: p.datetime().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});

export type OfficialPage = InferEntity<typeof OfficialPageEntity>;
