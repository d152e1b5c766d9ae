import {
  decodeCursor, encodeCursor, idFilter, organizationRef, pageSize, requireRole, scopeRoot, toConnection,
  type OrganizationKind, type RuleCode,
} from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { ComplianceResultEntity } from '../entities/compliance-result.entity.js';
import { ComplianceRunEntity } from '../entities/compliance-run.entity.js';
import { ExemptionEntity } from '../entities/exemption.entity.js';
import { periodOfRule } from '../engine/run-check.js';
import { directoryKinds } from '../data/directory.repo.js';
import { reportPage, type ReportCursor, type ResultScope } from '../data/analytics.repo.js';
import { ANALYTICS_READERS } from '../domain/access.js';
import { weekProgress } from '../engine/week-progress.js';
import { readScheduledJobs } from '../data/jobs.repo.js';
import { seesAddresses } from './mail.js';
import { previewRuleChange } from '../commands/rule.commands.js';
import { CHECK_SCHEDULE, DISTRIBUTION_DIGEST_JOB, MAIL_DISPATCH_JOB, REMINDER_JOB, SUMMARY_JOB } from '../schedule.js';

interface ReportArgs {
  period: string;
  rule: RuleCode;
  status?: 'MET' | 'MISSED' | 'EXEMPT' | null;
  severity?: 'MANDATORY' | 'RECOMMENDED' | null;
  kind?: OrganizationKind | null;
  parentId?: string | null;
  municipalityId?: string | null;
  first?: number | null;
  after?: string | null;
}

export const Query = {
  complianceRules: (_: unknown, __: unknown, ctx: ComplianceContext) => ctx.rules.load('all'),
  previewRuleChange: (_: unknown, args: { code: string; input: unknown }, ctx: ComplianceContext) => previewRuleChange(ctx, args.code, args.input),

  complianceReport: async (_: unknown, args: ReportArgs, ctx: ComplianceContext) => {
    // The roles of complianceSummary (its counts are this report's) and of the report's XLSX/CSV export.
    requireRole(ctx.auth, ...ANALYTICS_READERS);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after, ['int', 'uuid']) as ReportCursor | null;
    const rule = (await ctx.rules.load('all')).find((r) => r.code === args.rule)!;
    const period = periodOfRule(rule, args.period, ctx.timezone);
    const scope: ResultScope = {
      rule: rule.code, periods: [period.label], root: scopeRoot(ctx.auth), status: args.status, severity: args.severity, kind: args.kind,
      parentId: idFilter(args.parentId, 'parentId'), municipalityId: idFilter(args.municipalityId, 'municipalityId'),
    };
    const { totalCount, rows } = await reportPage(ctx.em, scope, { size, after });
    const results = rows.map((row) => ctx.em.map(ComplianceResultEntity, row));
    return toConnection(results, size, totalCount, (r) => encodeCursor([r.consecutiveMisses, r.organizationId]));
  },

  complianceRuns: async (_: unknown, args: { rule?: RuleCode | null; period?: string | null; first?: number | null }, ctx: ComplianceContext) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'EDITOR');
    const where: Record<string, unknown> = {};
    if (args.rule) where.rule = args.rule;
    if (args.period) where.period = args.period;
    return ctx.em.find(ComplianceRunEntity, where, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: pageSize(args.first) });
  },

  exemptions: async (_: unknown, args: { rule?: RuleCode | null; period?: string | null; includeRevoked?: boolean | null }, ctx: ComplianceContext) => {
    const where: Record<string, unknown> = {};
    if (args.rule) where.rule = args.rule;
    if (args.period) where.period = args.period;
    if (!args.includeRevoked) where.revokedAt = null;
    const found = await ctx.em.find(ExemptionEntity, where, { orderBy: { grantedAt: 'desc' } });
    const root = scopeRoot(ctx.auth);
    if (!root) return found;
    const visible = await Promise.all(found.map((e) => ctx.hierarchy.isWithin(root, [e.organizationId])));
    return found.filter((_, i) => visible[i]);
  },

  scheduledJobs: async (_: unknown, __: unknown, ctx: ComplianceContext) => {
    const jobs = await readScheduledJobs(ctx.em, [...CHECK_SCHEDULE.map((job) => job.name), DISTRIBUTION_DIGEST_JOB.name, REMINDER_JOB.name, SUMMARY_JOB.name, MAIL_DISPATCH_JOB], ctx.clock());
    // A job's last error may quote an SMTP server's refusal, recipient included: operators of the hub only.
    const seesErrors = seesAddresses(ctx);
    return seesErrors ? jobs : jobs.map((job) => ({ ...job, lastError: null }));
  },

  weekAtRisk: async (_: unknown, args: { kind?: OrganizationKind | null; first?: number | null }, ctx: ComplianceContext) => {
    const progress = [...(await weekProgress(ctx.engine, await ctx.rules.load('all'))).values()].filter((p) => p.atRisk);
    const root = scopeRoot(ctx.auth);
    const kinds = args.kind ? await directoryKinds(ctx.em, progress.map((p) => p.organizationId)) : null;
    const inScope = root ? await Promise.all(progress.map((p) => ctx.hierarchy.isWithin(root, [p.organizationId]))) : null;
    return progress
      .filter((p, i) => (!inScope || inScope[i]) && (!kinds || kinds.get(p.organizationId) === args.kind))
      .sort((a, b) => b.remaining - a.remaining || a.organizationId.localeCompare(b.organizationId))
      .slice(0, pageSize(args.first ?? 500))
      .map(toWeekProgress);
  },
};

export function toWeekProgress(p: import('../engine/week-progress.js').Progress) {
  return { ...p, week: p.week.label, organization: organizationRef(p.organizationId) };
}
