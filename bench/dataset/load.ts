// Generates a dataset straight into a migrated database with COPY, table by table.
import { withClient } from '@hub/common';
import { buildRoster, type Roster } from './roster.js';
import { planPlatforms, pagesOf } from './pages.js';
import { organizationOf } from './organizations.js';
import { planMaterials } from './materials.js';
import { MATERIAL_COLUMNS, RECIPIENT_COLUMNS, materialRows, recipientRows } from './content.js';
import { PLACEMENT_COLUMNS, placementRows } from './placements.js';
import { MEDIA_COLUMNS, mediaRows } from './media.js';
import { calendarOf } from './calendar.js';
import { copyRows, type CopyValue } from './copy.js';
import { withoutIndexes } from './bulk-table.js';
import type { DatasetSpec } from './spec.js';

const CREATOR = 'bench-seed';

function* organizationRows(spec: DatasetSpec, roster: Roster): Generator<CopyValue[]> {
  for (let i = 0; i < roster.size; i++) {
    const o = organizationOf(spec, roster, i);
    yield [
      o.id,
      o.name,
      o.shortName,
      o.kind,
      o.parentId,
      o.inn,
      o.headFullName,
      o.headPosition,
      o.headEmail,
      o.contactEmail,
      o.active,
      o.deactivationReason,
      o.deactivatedAt,
      o.registeredAt,
      CREATOR,
      o.deactivatedAt ?? o.registeredAt,
    ];
  }
}

function* pageRows(spec: DatasetSpec, roster: Roster, platforms: Uint8Array): Generator<CopyValue[]> {
  for (let i = 0; i < roster.size; i++) {
    for (const p of pagesOf(spec, roster, platforms, i)) {
      yield [
        p.id,
        roster.ids[i]!,
        p.platform,
        p.url,
        p.normalizedUrl,
        p.verified,
        p.widgetReportProblemAt,
        p.widgetShareOpinionAt,
        CREATOR,
        p.createdAt,
      ];
    }
  }
}

export interface LoadReport {
  seconds: number;
  tables: Record<string, { rows: number; seconds: number }>;
}

export async function loadDataset(databaseUrl: string, spec: DatasetSpec, log: (message: string) => void): Promise<LoadReport> {
  const started = performance.now();
  const calendar = calendarOf(spec);
  const roster = buildRoster(spec, calendar.weeks[0]!.start.getTime());
  const platforms = planPlatforms(spec, roster);
  const materials = planMaterials(spec, calendar);
  const tables: LoadReport['tables'] = {};
  const step = async (table: string, work: () => Promise<number>) => {
    const t0 = performance.now();
    const rows = await work();
    tables[table] = { rows, seconds: (performance.now() - t0) / 1000 };
    log(`  ${table}: ${rows.toLocaleString('en')} rows in ${tables[table].seconds.toFixed(1)} s`);
  };
  await withClient(databaseUrl, async (client) => {
    await client.query("set maintenance_work_mem = '512MB'");
    await step('organizations.organization', () =>
      copyRows(
        client,
        'organizations.organization',
        [
          'id',
          'name',
          'short_name',
          'kind',
          'parent_id',
          'inn',
          'head_full_name',
          'head_position',
          'head_email',
          'contact_email',
          'active',
          'deactivation_reason',
          'deactivated_at',
          'registered_at',
          'created_by',
          'updated_at',
        ],
        organizationRows(spec, roster),
      ),
    );
    await step('organizations.official_page', () =>
      copyRows(
        client,
        'organizations.official_page',
        [
          'id',
          'organization_id',
          'platform',
          'url',
          'normalized_url',
          'verified',
          'widget_report_problem_at',
          'widget_share_opinion_at',
          'created_by',
          'created_at',
        ],
        pageRows(spec, roster, platforms),
      ),
    );
    await step('content.material', () => copyRows(client, 'content.material', MATERIAL_COLUMNS, materialRows(roster, materials)));
    await step('content.material_recipient', () =>
      withoutIndexes(client, 'content.material_recipient', () =>
        copyRows(client, 'content.material_recipient', RECIPIENT_COLUMNS, recipientRows(spec, roster, materials)),
      ),
    );
    await step('organizations.placement', () =>
      withoutIndexes(client, 'organizations.placement', () =>
        copyRows(client, 'organizations.placement', PLACEMENT_COLUMNS, placementRows(spec, calendar, roster, platforms, materials)),
      ),
    );
    await step('organizations.media_publication', () =>
      withoutIndexes(client, 'organizations.media_publication', () =>
        copyRows(client, 'organizations.media_publication', MEDIA_COLUMNS, mediaRows(spec, calendar, roster)),
      ),
    );
    // Autovacuum would have set the visibility map by the time anyone asks: index-only scans work as in production.
    const t0 = performance.now();
    await client.query('vacuum (analyze)');
    log(`  vacuum (analyze): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  return { seconds: (performance.now() - started) / 1000, tables };
}
