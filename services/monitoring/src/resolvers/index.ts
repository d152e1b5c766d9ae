import { createDateTimeScalar, type SubgraphRuntime } from '@hub/common';
import type { Resolvers } from '../generated/graphql.js';
import type { MonitoringContext } from '../context.js';
import { createPhotos, createPlatforms } from '../platforms/index.js';
import { crawlPageNow } from '../commands/crawl.commands.js';
import { decidePostMatch } from '../commands/match.commands.js';
import { createHubApi } from '../hub-api.js';
import { PagePost, officialPageResolvers } from './page.js';
import { Placement } from './placement.js';
import { pageHealthQuery } from './page-health.js';

export const resolvers = (runtime: SubgraphRuntime): Resolvers<MonitoringContext> => {
  if (!runtime.platforms) throw new Error('the monitoring subgraph needs the platform settings (SubgraphRuntime.platforms)');
  const platforms = createPlatforms(runtime.platforms);
  const hub = runtime.gatewayUrl ? createHubApi({ gatewayUrl: runtime.gatewayUrl, jwtSecret: runtime.jwtSecret }) : undefined;
  const readers = { platforms, photos: createPhotos(runtime.platforms), hub };
  return {
    DateTime: createDateTimeScalar(runtime.timezone),
    OfficialPage: {
      __resolveReference: (ref) => ({ id: ref.id }),
      ...officialPageResolvers(platforms),
    },
    PagePost,
    Placement,
    Query: pageHealthQuery(platforms),
    Mutation: {
      crawlPage: (_parent, args, ctx) => crawlPageNow(ctx, readers, args.pageId),
      decidePostMatch: async (_parent, args, ctx) => {
        const match = await decidePostMatch(ctx, args, hub);
        return { material: { id: match.materialId }, score: match.score, evidence: match.evidence, decision: match.decision };
      },
    },
  };
};
