import { assertCanRead, createDateTimeScalar, isInScope, organizationRef, requireRole, type SubgraphRuntime } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import type { ComplianceRule as RuleRow } from '../data/rules.repo.js';
import type { Resolvers } from '../generated/graphql.js';
import { severityFor } from '../domain/applicability.js';
import { Query, toWeekProgress } from './query.js';
import { organizationRecentResults } from './organization-compliance.js';
import { Mutation } from './mutation.js';
import { Escalation, MailQuery, Notification, organizationEscalations } from './mail.js';
import { AnalyticsQuery } from './analytics.js';
import { AuditQuery } from './audit.js';
import { recipientsShort } from '../data/results.repo.js';

/**
 * A field of another subgraph's entity that a field here @requires (schema.graphql): the gateway
 * puts it in the representation whenever that field is asked, so its absence is a bug.
 */
function fromRequires<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`${field} is missing from the representation though a field @requires it`);
  return value;
}

async function supplyRule(ctx: ComplianceContext): Promise<RuleRow> {
  const rule = (await ctx.rules.load('all')).find((r) => r.code === 'CONTENT_CENTER_WEEKLY_SUPPLY');
  if (!rule) throw new Error('CONTENT_CENTER_WEEKLY_SUPPLY rule is missing from compliance_rule');
  return rule;
}

export const resolvers = (runtime: SubgraphRuntime): Resolvers => ({
  DateTime: createDateTimeScalar(runtime.timezone),
  Query: { ...Query, ...MailQuery, ...AnalyticsQuery, ...AuditQuery },
  Mutation,
  Escalation,
  Notification,
  ComplianceRule: {
    __resolveReference: async (ref, ctx) => (await ctx.rules.load('all')).find((r) => r.code === ref.code) ?? null,
    timezone: (rule) => rule.timezone ?? runtime.timezone,
    versions: (rule, _, ctx) => ctx.ruleVersions.load(rule.code),
  },
  // References (`_entities`) are read as the root fields read them (docs/SECURITY.md).
  ComplianceRun: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.auth, 'ADMIN', 'ANALYST', 'EDITOR');
      return ctx.loaders.runById.load(ref.id);
    },
  },
  ComplianceResult: {
    organization: (r) => organizationRef(r.organizationId),
    exemption: (r, _, ctx) => (r.exemptionId ? ctx.loaders.exemptionById.load(r.exemptionId) : null),
  },
  Exemption: {
    __resolveReference: async (ref, ctx) => {
      const exemption = await ctx.loaders.exemptionById.load(ref.id);
      return exemption && (await isInScope(ctx.auth, [exemption.organizationId], ctx.hierarchy)) ? exemption : null;
    },
    organization: (e) => organizationRef(e.organizationId),
    active: (e, _, ctx) => !e.revokedAt && (!e.expiresAt || e.expiresAt > ctx.clock()),
  },
  ContentSupply: {
    required: async (_, __, ctx) => (await supplyRule(ctx)).threshold,
    recipientsShort: (supply, _, ctx) => recipientsShort(ctx.em, supply.week),
    met: async (supply, _, ctx) => {
      const distributed = fromRequires(supply.distributed, 'ContentSupply.distributed');
      return distributed >= (await supplyRule(ctx)).threshold && !(await recipientsShort(ctx.em, supply.week));
    },
  },
  Organization: {
    applicableRules: async (org, _, ctx) => {
      const rules = (await ctx.rules.load('all')).filter((r) => r.enabled);
      const who = { kind: fromRequires(org.kind, 'Organization.kind'), parentKind: org.parent?.kind ?? null };
      return rules.flatMap((rule) => {
        const severity = severityFor(rule.appliesTo, who);
        return severity ? [{ rule, severity }] : [];
      });
    },
    compliance: organizationRecentResults,
    escalations: organizationEscalations,
    weekProgress: async (org, _, ctx) => {
      await assertCanRead(ctx.auth, [org.id], ctx.hierarchy);
      const progress = await ctx.progress.load(org.id);
      return progress ? toWeekProgress(progress) : null;
    },
  },
});
