import { assertCanRead } from '@hub/common';
import type { OrganizationResolvers } from '../generated/graphql.js';
import { recentResultsKey } from '../loaders/recent-results.loader.js';

const MAX_LAST = 500;

/** Organization.compliance: its last results, newest first (of one rule when given), batched across the page. */
export const organizationRecentResults: OrganizationResolvers['compliance'] = async (org, args, ctx) => {
  await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
  const last = Math.max(0, Math.min(args.last ?? 10, MAX_LAST));
  return ctx.recentResults.load(recentResultsKey(org.id, last, args.rule ?? null));
};
