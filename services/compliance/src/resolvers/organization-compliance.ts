import { assertCanRead, type RuleCode } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { recentResultsKey } from '../loaders/recent-results.loader.js';

const MAX_LAST = 500;

/** Organization.compliance: its last results, newest first (of one rule when given), batched across the page. */
export async function organizationRecentResults(org: { id: string }, args: { last?: number | null; rule?: RuleCode | null }, ctx: ComplianceContext) {
  await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
  const last = Math.max(0, Math.min(args.last ?? 10, MAX_LAST));
  return ctx.recentResults.load(recentResultsKey(org.id, last, args.rule ?? null));
}
