import { assertCanRead, createDateTimeScalar, isInScope, organizationRef, requireRole, type OrganizationKind, type SubgraphRuntime } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import type { ComplianceRule as RuleRow } from '../data/rules.repo.js';
import type { ComplianceResult as ResultRow } from '../entities/compliance-result.entity.js';
import type { Exemption as ExemptionRow } from '../entities/exemption.entity.js';
import { ComplianceRunEntity } from '../entities/compliance-run.entity.js';
import { ExemptionEntity } from '../entities/exemption.entity.js';
import { severityFor } from '../domain/applicability.js';
import { Query, toWeekProgress } from './query.js';
import { organizationRecentResults } from './organization-compliance.js';
import { Mutation } from './mutation.js';
import { Escalation, MailQuery, Notification, organizationEscalations, resendNotification } from './mail.js';
import { AnalyticsQuery } from './analytics.js';
import { AuditQuery } from './audit.js';
import { escalationPolicy, updateEscalationPolicy } from '../commands/policy.commands.js';
import { recipientsShort } from '../data/results.repo.js';

interface OrganizationRef {
  id: string;
  kind: OrganizationKind;
  parent: { kind: OrganizationKind } | null;
}

async function supplyRule(ctx: ComplianceContext): Promise<RuleRow> {
  const rule = (await ctx.rules.load('all')).find((r) => r.code === 'CONTENT_CENTER_WEEKLY_SUPPLY');
  if (!rule) throw new Error('CONTENT_CENTER_WEEKLY_SUPPLY rule is missing from compliance_rule');
  return rule;
}

export const resolvers = (runtime: SubgraphRuntime) => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query: { ...Query, ...MailQuery, ...AnalyticsQuery, ...AuditQuery, escalationPolicy: (_: unknown, __: unknown, ctx: ComplianceContext) => escalationPolicy(ctx) },
  Mutation: {
    ...Mutation,
    resendNotification,
    updateEscalationPolicy: (_: unknown, args: { input: unknown }, ctx: ComplianceContext) => updateEscalationPolicy(ctx, args.input),
  },
  Escalation,
  Notification,
  ComplianceRule: {
    __resolveReference: async (ref: { code: string }, ctx: ComplianceContext) =>
      (await ctx.rules.load('all')).find((r) => r.code === ref.code) ?? null,
    timezone: (rule: RuleRow) => rule.timezone ?? runtime.timezone,
    versions: (rule: RuleRow, _: unknown, ctx: ComplianceContext) => ctx.ruleVersions.load(rule.code),
  },
  // References (`_entities`) are read as the root fields read them (docs/SECURITY.md).
  ComplianceRun: {
    __resolveReference: (ref: { id: string }, ctx: ComplianceContext) => {
      requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'EDITOR');
      return ctx.em.findOne(ComplianceRunEntity, { id: ref.id });
    },
  },
  ComplianceResult: {
    organization: (r: ResultRow) => organizationRef(r.organizationId),
    exemption: (r: ResultRow, _: unknown, ctx: ComplianceContext) => (r.exemptionId ? ctx.em.findOne(ExemptionEntity, { id: r.exemptionId }) : null),
  },
  Exemption: {
    __resolveReference: async (ref: { id: string }, ctx: ComplianceContext) => {
      const exemption = await ctx.em.findOne(ExemptionEntity, { id: ref.id });
      return exemption && (await isInScope(ctx.auth, [exemption.organizationId], ctx.hierarchy)) ? exemption : null;
    },
    organization: (e: ExemptionRow) => organizationRef(e.organizationId),
    active: (e: ExemptionRow, _: unknown, ctx: ComplianceContext) => !e.revokedAt && (!e.expiresAt || e.expiresAt > ctx.clock()),
  },
  ContentSupply: {
    required: async (_: unknown, __: unknown, ctx: ComplianceContext) => (await supplyRule(ctx)).threshold,
    recipientsShort: (supply: { week: string }, _: unknown, ctx: ComplianceContext) => recipientsShort(ctx.em, supply.week),
    met: async (supply: { week: string; distributed: number }, _: unknown, ctx: ComplianceContext) =>
      supply.distributed >= (await supplyRule(ctx)).threshold && !(await recipientsShort(ctx.em, supply.week)),
  },
  Organization: {
    applicableRules: async (org: OrganizationRef, _: unknown, ctx: ComplianceContext) => {
      const rules = (await ctx.rules.load('all')).filter((r) => r.enabled);
      const who = { kind: org.kind, parentKind: org.parent?.kind ?? null };
      return rules.flatMap((rule) => {
        const severity = severityFor(rule.appliesTo, who);
        return severity ? [{ rule, severity }] : [];
      });
    },
    compliance: organizationRecentResults,
    escalations: organizationEscalations,
    weekProgress: async (org: { id: string }, _: unknown, ctx: ComplianceContext) => {
      await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
      const progress = await ctx.progress.load(org.id);
      return progress ? toWeekProgress(progress) : null;
    },
  },
});

