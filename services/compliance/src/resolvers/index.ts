import type { OrganizationKind, SubgraphRuntime } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import type { ComplianceRule as RuleRow } from '../entities/compliance-rule.entity.js';
import { severityFor } from '../domain/applicability.js';

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
  Query: {
    complianceRules: (_: unknown, __: unknown, ctx: ComplianceContext) => ctx.rules.load('all'),
  },
  ComplianceRule: {
    __resolveReference: async (ref: { code: string }, ctx: ComplianceContext) =>
      (await ctx.rules.load('all')).find((r) => r.code === ref.code) ?? null,
    timezone: (rule: RuleRow) => rule.timezone ?? runtime.timezone,
  },
  ContentSupply: {
    required: async (_: unknown, __: unknown, ctx: ComplianceContext) => (await supplyRule(ctx)).threshold,
    met: async (supply: { distributed: number }, _: unknown, ctx: ComplianceContext) =>
      supply.distributed >= (await supplyRule(ctx)).threshold,
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
  },
});
