import {
  badInput,
  decodeCursor,
  encodeCursor,
  isUuid,
  notFound,
  organizationRef,
  pageSize,
  parsePeriod,
  requireRole,
  scopeRoot,
  toConnection,
  type RuleCode,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import type { ComplianceRule } from '../data/rules.repo.js';
import { periodOfRule, ruleTimeZone } from '../engine/run-check.js';
import { ANALYTICS_READERS } from '../domain/access.js';
import { directoryKinds } from '../data/directory.repo.js';
import { evidenceTotals } from '../data/evidence.repo.js';
import { heatmapPage, laggards, periodCounts, summaryCounts, type HeatmapCursor, type ResultScope } from '../data/analytics.repo.js';
import { cells, summarize, trend } from '../domain/tally.js';
import { lastCompletePeriods, RULE_OF_PERIOD_KIND } from '../domain/windows.js';
import type { QueryResolvers } from '../generated/graphql.js';

/** The methodological queries: the ЦУР and the committee region-wide, heads and operators for their tree. */
function allowAnalytics(ctx: ComplianceContext): string | null {
  requireRole(ctx.auth, ...ANALYTICS_READERS);
  return scopeRoot(ctx.auth);
}

async function ruleByCode(ctx: ComplianceContext, code: RuleCode): Promise<ComplianceRule> {
  const rule = (await ctx.rules.load('all')).find((r) => r.code === code);
  if (!rule) throw notFound('ComplianceRule', code, 'rule');
  return rule;
}

/** A period and the rule it is read for: the named rule (the period must be of its kind) or the kind's own rule. */
async function periodAndRule(ctx: ComplianceContext, label: string, code: RuleCode | null | undefined) {
  if (code) {
    const rule = await ruleByCode(ctx, code);
    return { rule, period: periodOfRule(rule, label, ctx.timezone) };
  }
  const period = parsePeriod(label, ctx.timezone, { field: 'period' });
  return { rule: await ruleByCode(ctx, RULE_OF_PERIOD_KIND[period.kind]), period };
}

/** The last `weeks` complete weeks of a weekly rule. */
async function weeklyWindow(ctx: ComplianceContext, weeks: number, code: RuleCode, max: number) {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > max) throw badInput('weeks', `weeks must be between 1 and ${max}`);
  const rule = await ruleByCode(ctx, code);
  if (rule.periodKind !== 'WEEK') throw badInput('rule', `${code} is not a weekly rule`);
  return { rule, periods: lastCompletePeriods('WEEK', ctx.clock(), ruleTimeZone(rule, ctx.timezone), weeks).map((p) => p.label) };
}

async function assertMunicipality(ctx: ComplianceContext, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const kind = isUuid(id) ? (await directoryKinds(ctx.em, [id])).get(id) : undefined;
  if (!kind) throw notFound('Organization', id, 'municipalityId');
  if (kind !== 'MUNICIPALITY') throw badInput('municipalityId', 'municipalityId must be a municipality');
}

export const AnalyticsQuery: QueryResolvers = {
  complianceSummary: async (_, args, ctx) => {
    const root = allowAnalytics(ctx);
    const { rule, period } = await periodAndRule(ctx, args.period, args.rule);
    const summary = summarize(await summaryCounts(ctx.em, { rule: rule.code, periods: [period.label], root, severity: args.severity }));
    return {
      ...summary,
      period: period.label,
      rule: rule.code,
      byMunicipality: summary.byMunicipality.map(({ municipalityId, ...counts }) => ({
        municipality: organizationRef(municipalityId),
        ...counts,
      })),
    };
  },

  complianceTrend: async (_, args, ctx) => {
    const root = allowAnalytics(ctx);
    const { rule, periods } = await weeklyWindow(ctx, args.weeks, args.rule ?? 'WEEKLY_PLACEMENTS', 104);
    return trend(periods, await periodCounts(ctx.em, { rule: rule.code, periods, root, severity: args.severity }));
  },

  complianceHeatmap: async (_, args, ctx) => {
    const root = allowAnalytics(ctx);
    const { rule, periods } = await weeklyWindow(ctx, args.weeks ?? 12, args.rule ?? 'WEEKLY_PLACEMENTS', 52);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['int', 'int', 'uuid']) as HeatmapCursor | null;
    await assertMunicipality(ctx, args.municipalityId);
    const scope: ResultScope = {
      rule: rule.code,
      periods,
      root,
      kind: args.kind,
      municipalityId: args.municipalityId,
      severity: args.severity,
    };
    const { totalCount, rows } = await heatmapPage(ctx.em, scope, { size, after });
    const { pageInfo, edges } = toConnection(rows, size, totalCount, (r) =>
      encodeCursor([r.missed, r.consecutiveMisses, r.organizationId]),
    );
    return {
      rule: rule.code,
      periods,
      totalCount,
      pageInfo,
      rows: edges.map(({ node: row }) => ({
        organization: organizationRef(row.organizationId),
        statuses: cells(periods, row.statuses),
        missed: row.missed,
        consecutiveMisses: row.consecutiveMisses,
      })),
    };
  },

  placementEvidence: async (_, args, ctx) => {
    const root = allowAnalytics(ctx);
    const week = parsePeriod(args.week, ctx.timezone, { field: 'week', kinds: ['WEEK'] });
    const counts = await evidenceTotals(ctx.em, week, root);
    return { week: week.label, ...counts, verifiedShare: counts.placements ? counts.verified / counts.placements : null };
  },

  laggards: async (_, args, ctx) => {
    const root = allowAnalytics(ctx);
    const limit = args.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
    const { rule, period } = await periodAndRule(ctx, args.period, args.rule);
    const rows = await laggards(ctx.em, { rule: rule.code, periods: [period.label], root, severity: args.severity }, limit);
    return rows.map((r) => ({
      organization: organizationRef(r.organization_id),
      parent: organizationRef(r.parent_id),
      municipality: organizationRef(r.municipality_id),
      rule: r.rule,
      period: r.period,
      severity: r.severity,
      required: r.required,
      actual: r.actual,
      consecutiveMisses: r.consecutive_misses,
      missedSince: r.missed_since,
    }));
  },
};
