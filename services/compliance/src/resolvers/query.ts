import { decodeCursor, encodeCursor, idFilter, organizationRef, pageSize, requireRole, scopeRoot, toConnection } from '@hub/common';
import { resultOf } from '../data/results.repo.js';
import { latestRuns } from '../data/runs.repo.js';
import { listExemptions } from '../data/exemptions.repo.js';
import { periodOfRule } from '../engine/run-check.js';
import { directoryKinds } from '../data/directory.repo.js';
import { reportPage, type ReportCursor, type ResultScope } from '../data/analytics.repo.js';
import { ANALYTICS_READERS } from '../domain/access.js';
import { weekProgress, type Progress } from '../engine/week-progress.js';
import { readScheduledJobs } from '../data/jobs.repo.js';
import { seesAddresses } from './mail.js';
import { previewRuleChange } from '../commands/rule.commands.js';
import { JOB_NAMES } from '../schedule.js';
import { loadPolicy } from '../data/policy.repo.js';
import type { QueryResolvers } from '../generated/graphql.js';

export const Query: QueryResolvers = {
  complianceRules: (_, __, ctx) => ctx.rules.load('all'),
  previewRuleChange: (_, args, ctx) => previewRuleChange(ctx, args.code, args.input),

  complianceReport: async (_, args, ctx) => {
    // The roles of complianceSummary (its counts are this report's) and of the report's XLSX/CSV export.
    requireRole(ctx.auth, ...ANALYTICS_READERS);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['int', 'uuid']) as ReportCursor | null;
    const rule = (await ctx.rules.load('all')).find((r) => r.code === args.rule)!;
    const period = periodOfRule(rule, args.period, ctx.timezone);
    const scope: ResultScope = {
      rule: rule.code,
      periods: [period.label],
      root: scopeRoot(ctx.auth),
      status: args.status,
      severity: args.severity,
      kind: args.kind,
      parentId: idFilter(args.parentId, 'parentId'),
      municipalityId: idFilter(args.municipalityId, 'municipalityId'),
    };
    const { totalCount, rows } = await reportPage(ctx.em, scope, { size, after });
    const results = rows.map(resultOf);
    return toConnection(results, size, totalCount, (r) => encodeCursor([r.consecutiveMisses, r.organizationId]));
  },

  complianceRuns: async (_, args, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'EDITOR');
    return latestRuns(ctx.em, { rule: args.rule, period: args.period }, pageSize(args.first));
  },

  exemptions: async (_, args, ctx) => {
    const found = await listExemptions(ctx.em, { rule: args.rule, period: args.period, includeRevoked: args.includeRevoked });
    const root = scopeRoot(ctx.auth);
    if (!root) return found;
    const visible = await Promise.all(found.map((e) => ctx.hierarchy.isWithin(root, [e.organizationId])));
    return found.filter((_, i) => visible[i]);
  },

  escalationPolicy: (_, __, ctx) => loadPolicy(ctx.em),

  scheduledJobs: async (_, __, ctx) => {
    const jobs = await readScheduledJobs(ctx.em, JOB_NAMES, ctx.clock());
    // A job's last error may quote an SMTP server's refusal, recipient included: operators of the hub only.
    const seesErrors = seesAddresses(ctx);
    return seesErrors ? jobs : jobs.map((job) => ({ ...job, lastError: null }));
  },

  weekAtRisk: async (_, args, ctx) => {
    const progress = [...(await weekProgress(ctx.engine, await ctx.rules.load('all'))).values()].filter((p) => p.atRisk);
    const root = scopeRoot(ctx.auth);
    const kinds = args.kind
      ? await directoryKinds(
          ctx.em,
          progress.map((p) => p.organizationId),
        )
      : null;
    const inScope = root ? await Promise.all(progress.map((p) => ctx.hierarchy.isWithin(root, [p.organizationId]))) : null;
    return progress
      .filter((p, i) => (!inScope || inScope[i]) && (!kinds || kinds.get(p.organizationId) === args.kind))
      .sort((a, b) => b.remaining - a.remaining || a.organizationId.localeCompare(b.organizationId))
      .slice(0, pageSize(args.first ?? 500))
      .map(toWeekProgress);
  },
};

export function toWeekProgress(p: Progress) {
  return { ...p, week: p.week.label, organization: organizationRef(p.organizationId) };
}
