import { requestSignIn } from '../commands/sign-in.commands.js';
import { requireRole } from '@hub/common';
import type { MutationResolvers } from '../generated/graphql.js';
import { runComplianceCheck } from '../engine/run-check.js';
import { grantExemption, grantExemptions, revokeExemption } from '../commands/exemption.commands.js';
import { updateComplianceRule } from '../commands/rule.commands.js';
import { updateEscalationPolicy } from '../commands/policy.commands.js';
import { resendNotification } from '../commands/notification.commands.js';
import { toNotification } from './mail.js';

export const Mutation: MutationResolvers = {
  // Any caller, a GUEST too (docs/DESIGN.md, "Signing in"): the answer tells nothing of who is registered.
  requestSignIn: (_, args, ctx) => requestSignIn(ctx, args, ctx.client ?? 'unknown'),
  runComplianceCheck: (_, args, ctx) => {
    requireRole(ctx.auth, 'ADMIN', 'ANALYST');
    return runComplianceCheck(ctx.engine, { rule: args.rule, period: args.period, trigger: 'MANUAL', actor: ctx.auth.sub });
  },
  // The commands parse their inputs themselves (zod): the SDL's shape is not yet a valid change.
  grantExemption: (_, args, ctx) => grantExemption(ctx, args.input),
  grantExemptions: (_, args, ctx) => grantExemptions(ctx, args.input),
  revokeExemption: (_, args, ctx) => revokeExemption(ctx, args.id),
  updateComplianceRule: (_, args, ctx) => updateComplianceRule(ctx, args.code, args.input),
  updateEscalationPolicy: (_, args, ctx) => updateEscalationPolicy(ctx, args.input),
  resendNotification: async (_, args, ctx) => toNotification(await resendNotification(ctx, args.id)),
};
