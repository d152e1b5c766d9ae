import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, sql, type OrganizationKind, type Platform } from '@hub/common';
import { OrganizationEntity } from '../entities/organization.entity.js';
import { OfficialPageEntity } from '../entities/official-page.entity.js';
import { normalizePageUrl, platformIdOf } from '../domain/page-url.js';
import { articleKey } from '../domain/media-article.js';
import type { NewPlacement } from './placements.repo.js';
import { PlacementEntity } from '../entities/placement.entity.js';
import { MediaPublicationEntity } from '../entities/media-publication.entity.js';

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
    await execSql(tx, sql`select pg_advisory_xact_lock(hashtext('seed:organizations'))`);
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
          platformId: platformIdOf(page.platform, url.url),
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

/** A placement as reportPlacements stores it, with a fixed id and the demo seed as reporter. */
export type DemoPlacementRow = Omit<NewPlacement, 'reportedBy'> & { id: string };

export interface DemoMediaRow {
  id: string;
  organizationId: string;
  outlet: string;
  url: string;
  publishedAt: Date;
  about: string;
}

export interface DemoActivity {
  placements: DemoPlacementRow[];
  media: DemoMediaRow[];
}

/** Chunks keep each INSERT under PostgreSQL's 65,535 bound parameters. */
const CHUNK = 4000;

/** Loads the demo placements and media publications once, set-based. */
export async function loadDemoActivity(em: EntityManager, activity: DemoActivity): Promise<boolean> {
  return em.transactional(async (tx) => {
    await execSql(tx, sql`select pg_advisory_xact_lock(hashtext('seed:activity'))`);
    if ((await tx.count(PlacementEntity, {})) > 0) return false;
    for (let i = 0; i < activity.placements.length; i += CHUNK) {
      await tx.insertMany(
        PlacementEntity,
        activity.placements
          .slice(i, i + CHUNK)
          .map((p) => ({ ...p, reportedBy: 'demo-seed', withdrawnAt: null, withdrawnBy: null, withdrawalReason: null })),
      );
    }
    if (activity.media.length) {
      await tx.insertMany(
        MediaPublicationEntity,
        activity.media.map((m) => ({
          ...m,
          issueReference: null,
          dedupKey: articleKey(m)!,
          reportedBy: 'demo-seed',
          reportedAt: m.publishedAt,
        })),
      );
    }
    return true;
  });
}

export interface DemoPersonRow {
  email: string;
  fullName: string;
  role: 'ADMIN' | 'EDITOR' | 'OPERATOR' | 'ANALYST' | 'HEAD';
  organizationId: string | null;
}

/**
 * Registers the demo region's people in one statement (docs/DESIGN.md, "People"), also into a
 * registry loaded before people existed. Addresses already registered keep their row, and people
 * of organizations the registry does not hold are left out; false when nothing was added.
 */
export async function loadDemoPeople(em: EntityManager, people: readonly DemoPersonRow[]): Promise<boolean> {
  const added = await execSql(
    em,
    sql`insert into organizations.person (email, full_name, role, organization_id, invited_by)
        select r.email, r."fullName", r.role, r."organizationId", 'demo-seed'
        from jsonb_to_recordset(${JSON.stringify(people)}::jsonb) as r(email text, "fullName" text, role text, "organizationId" uuid)
        where r."organizationId" is null or exists (select 1 from organizations.organization o where o.id = r."organizationId")
        on conflict (lower(email)) do nothing`,
  );
  return added > 0;
}
