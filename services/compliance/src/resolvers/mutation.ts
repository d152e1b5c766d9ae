import { requireRole, type RuleCode } from '@hub/common';
import type { ComplianceContext } from '../context.js';
import { runComplianceCheck } from '../engine/run-check.js';
import { grantExemption, revokeExemption } from '../commands/exemption.commands.js';
import { updateComplianceRule } from '../commands/rule.commands.js';

type Resolver<A> = (_: unknown, args: A, ctx: ComplianceContext) => unknown;

export const Mutation: Record<string, Resolver<any>> = {
  runComplianceCheck: (_, args: { rule: RuleCode; period: string }, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    return runComplianceCheck(ctx.engine, { rule: args.rule, period: args.period, trigger: 'MANUAL', actor: ctx.auth.sub });
  },
  grantExemption: (_, args: { input: unknown }, ctx) => grantExemption(ctx, args.input),
  revokeExemption: (_, args: { id: string }, ctx) => revokeExemption(ctx, args.id),
  updateComplianceRule: (_, args: { code: string; input: unknown }, ctx) => updateComplianceRule(ctx, args.code, args.input),
};
