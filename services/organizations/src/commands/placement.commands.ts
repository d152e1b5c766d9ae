import { z } from 'zod';
import { HubError, badInput, forbidden, parseInput, scopeRoot, transactionalWithRetry } from '@hub/common';
import type { OrganizationsContext } from '../context.js';
import { OfficialPageEntity } from '../entities/official-page.entity.js';
import type { Placement } from '../entities/placement.entity.js';
import { checkPlacement } from '../domain/placement-checks.js';
import { distributedMaterials, insertPlacements, placementsFor, type NewPlacement } from '../data/placements.repo.js';

export const MAX_PLACEMENTS_PER_CALL = 500;

const item = z.object({
  materialId: z.uuid('is not a valid id'),
  pageId: z.uuid('is not a valid id'),
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'is too long'),
  publishedAt: z.date(),
  viaGospabliki: z.boolean().nullish(),
});
const batch = z
  .array(item)
  .min(1, 'report at least one placement')
  .max(MAX_PLACEMENTS_PER_CALL, `at most ${MAX_PLACEMENTS_PER_CALL} placements per call`);

export interface ReportResult {
  accepted: number;
  duplicates: number;
  /** Read only when the caller selects it (GraphQL calls a function-valued field): a bulk report wants the counts. */
  placements: () => Promise<Placement[]>;
}

const itemError = (index: number, field: string, message: string) => badInput(field, `input[${index}].${field}: ${message}`, index);

/** Who may report: an officer (OPERATOR in scope), ADMIN, and monitoring (SYSTEM) what it found on the pages. */
const REPORTERS = new Set(['ADMIN', 'OPERATOR', 'SYSTEM']);

/**
 * Decree 3.1: an organization reports the regional-content materials it placed. All or nothing:
 * every item is checked before anything is written, and the batch is one transaction and one
 * multi-row insert. The same material on the same page again is a duplicate, stored once.
 * Reported by SYSTEM, the placements are DISCOVERED: monitoring found and matched the post
 * (docs/DESIGN.md, "Evidence from the platforms"), and they count like any other.
 */
export async function reportPlacements(ctx: OrganizationsContext, raw: unknown): Promise<ReportResult> {
  if (!REPORTERS.has(ctx.auth.role)) throw forbidden(`Role ${ctx.auth.role} may not report placements`);
  const items = parseInput(batch, raw, { list: true });
  const now = ctx.clock();

  const pages = new Map(
    (await ctx.em.find(OfficialPageEntity, { id: { $in: [...new Set(items.map((i) => i.pageId))] } })).map((p) => [p.id, p]),
  );
  const root = scopeRoot(ctx.auth);
  // One lookup of every page's organization up front; the per-item check below then reads the
  // loader's cache instead of querying once per organization in turn.
  if (root) await ctx.hierarchy.isWithin(root, [...new Set([...pages.values()].map((p) => p.organizationId))]);
  for (const [index, it] of items.entries()) {
    const page = pages.get(it.pageId);
    if (!page) throw itemError(index, 'pageId', 'no such official page');
    if (root && !(await ctx.hierarchy.isWithin(root, [page.organizationId]))) {
      throw new HubError('FORBIDDEN', `input[${index}].pageId: the page belongs to an organization outside your scope`, {
        index,
        field: 'pageId',
      });
    }
  }

  const materials = await distributedMaterials(ctx.em, [...new Set(items.map((i) => i.materialId))]);
  const rows: NewPlacement[] = items.map((it, index) => {
    const page = pages.get(it.pageId)!;
    const material = materials.get(it.materialId);
    if (!material) throw itemError(index, 'materialId', 'no distributed material has this id');
    const checked = checkPlacement(page, material, it.url, it.publishedAt, now);
    if (!checked.ok) throw itemError(index, checked.field, checked.message);
    return {
      organizationId: page.organizationId,
      pageId: page.id,
      materialId: it.materialId,
      url: checked.url,
      publishedAt: it.publishedAt,
      viaGospabliki: it.viaGospabliki ?? page.platform === 'GOSPABLIKI',
      reportedBy: ctx.auth.sub,
      reportedAt: now,
      source: ctx.auth.role === 'SYSTEM' ? 'DISCOVERED' : 'REPORTED',
    };
  });

  const accepted = await transactionalWithRetry(ctx.em, (em) => insertPlacements(em, rows));
  const pairs = [...new Map(rows.map((r) => [`${r.materialId}|${r.pageId}`, r])).values()];
  return { accepted, duplicates: items.length - accepted, placements: () => placementsFor(ctx.em.fork(), pairs) };
}
