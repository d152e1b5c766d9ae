import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganizationKind, Platform } from '@hub/common';
import { OrganizationEntity } from '../entities/organization.entity.js';
import { OfficialPageEntity } from '../entities/official-page.entity.js';
import { normalizePageUrl } from '../domain/page-url.js';

export interface DemoOrganizationRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  parentId: string | null;
  inn: string | null;
  head: { fullName: string; position: string; email: string };
  contactEmail: string | null;
  registeredAt: Date;
  pages: {
    id: string;
    platform: Platform;
    url: string;
    widgetReportProblemAt: Date | null;
    widgetShareOpinionAt: Date | null;
    verified: boolean;
  }[];
}

/**
 * Loads the demo region's registry into an empty organizations schema in one transaction,
 * set-based (parents come before children in the input). Returns false when the registry
 * already has organizations: a second start reuses the data.
 */
export async function loadDemoOrganizations(em: EntityManager, organizations: DemoOrganizationRow[]): Promise<boolean> {
  return em.transactional(async (tx) => {
    await tx.getConnection().execute("select pg_advisory_xact_lock(hashtext('seed:organizations'))");
    if ((await tx.count(OrganizationEntity, {})) > 0) return false;
    await tx.insertMany(
      OrganizationEntity,
      organizations.map((o) => ({
        id: o.id,
        name: o.name,
        shortName: o.shortName,
        kind: o.kind,
        parentId: o.parentId,
        inn: o.inn,
        headFullName: o.head.fullName,
        headPosition: o.head.position,
        headEmail: o.head.email,
        contactEmail: o.contactEmail,
        active: true,
        registeredAt: o.registeredAt,
        createdBy: 'demo-seed',
      })),
    );
    const pages = organizations.flatMap((o) =>
      o.pages.map((page) => {
        const url = normalizePageUrl(page.platform, page.url);
        if (!url.ok) throw new Error(`demo page ${page.url}: ${url.message}`);
        return {
          id: page.id,
          organizationId: o.id,
          platform: page.platform,
          url: url.url,
          normalizedUrl: url.normalized,
          verified: page.verified,
          widgetReportProblemAt: page.widgetReportProblemAt,
          widgetShareOpinionAt: page.widgetShareOpinionAt,
          createdBy: 'demo-seed',
          createdAt: o.registeredAt,
        };
      }),
    );
    await tx.insertMany(OfficialPageEntity, pages);
    return true;
  });
}
