import {
  assertCanRead,
  badInput,
  decodeCursor,
  encodeCursor,
  forbidden,
  idFilter,
  notFound,
  pageSize,
  scopeRoot,
  toConnection,
} from '@hub/common';
import type { QueryResolvers } from '../generated/graphql.js';
import type { MonitoringContext } from '../context.js';
import { PAGE_HEALTH_CURSOR_KEYS, pageHealthPage } from '../data/page-health.repo.js';
import { MAX_SILENT_DAYS, daysSince, notReadError } from '../domain/page-health.js';
import { PLATFORMS } from '../platforms/adapter.js';
import type { Platforms } from '../platforms/index.js';

const READERS: ReadonlySet<string> = new Set(['ADMIN', 'ANALYST', 'OPERATOR', 'HEAD']);

/** pageHealth: the region's pages for ADMIN and ANALYST, the caller's tree for OPERATOR and HEAD, none for the others. */
export const pageHealthQuery = (platforms: Platforms): QueryResolvers<MonitoringContext> => ({
  pageHealth: async (_parent, args, ctx) => {
    if (!READERS.has(ctx.auth.role)) throw forbidden(`Role ${ctx.auth.role} may not read the pages' health`);
    const filter = args.filter ?? {};
    const organizationId = idFilter(filter.organizationId, 'filter.organizationId');
    const silentForDays = filter.silentForDays ?? null;
    if (silentForDays !== null && (!Number.isInteger(silentForDays) || silentForDays < 1 || silentForDays > MAX_SILENT_DAYS)) {
      throw badInput('filter.silentForDays', `filter.silentForDays must be between 1 and ${MAX_SILENT_DAYS}`);
    }
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, PAGE_HEALTH_CURSOR_KEYS);
    let withinTreeOf = scopeRoot(ctx.auth);
    if (organizationId) {
      if (!(await ctx.hierarchy.ancestors.load(organizationId)).length) {
        throw notFound('Organization', organizationId, 'filter.organizationId');
      }
      // Within the caller's tree, the organization's own subtree is the narrower of the two.
      await assertCanRead(ctx.auth, [organizationId], ctx.hierarchy);
      withinTreeOf = organizationId;
    }
    const now = ctx.clock();
    const { totalCount, rows } = await pageHealthPage(ctx.em, {
      withinTreeOf,
      statuses: filter.statuses ?? null,
      silentForDays,
      readable: PLATFORMS.filter((platform) => platforms[platform].configured),
      now,
      after,
      size,
    });
    const connection = toConnection(rows, size, totalCount, (row) => encodeCursor([row.rank, row.silentKey, row.pageId]));
    return {
      ...connection,
      edges: connection.edges.map(({ cursor, node: row }) => ({
        cursor,
        node: {
          page: { id: row.pageId },
          status: row.status,
          lastCrawledAt: row.lastCrawledAt,
          lastPostAt: row.lastPostAt,
          daysSinceLastPost: daysSince(row.lastPostAt, now),
          postsLast7Days: row.postsLast7Days,
          error: row.error ?? (!row.crawled && row.status === 'NOT_CONFIGURED' ? notReadError(row.platform) : null),
        },
      })),
    };
  },
});
