import type { OrganizationsContext } from '../context.js';
import {
  deactivateOrganization, registerOrganization, updateOrganization,
} from '../commands/organization.commands.js';
import { addOfficialPage, markFeedbackWidget, setPageVerified } from '../commands/page.commands.js';
import { reportPlacements } from '../commands/placement.commands.js';
import { correctPlacement, withdrawPlacement } from '../commands/placement-revision.commands.js';
import { reportMediaPublication } from '../commands/media.commands.js';

type Args<T> = (_: unknown, args: T, ctx: OrganizationsContext) => unknown;

export const Mutation: Record<string, Args<any>> = {
  registerOrganization: (_, args: { input: unknown }, ctx) => registerOrganization(ctx, args.input),
  updateOrganization: (_, args: { id: string; input: unknown }, ctx) => updateOrganization(ctx, args.id, args.input),
  deactivateOrganization: (_, args: { id: string; reason: unknown }, ctx) => deactivateOrganization(ctx, args.id, args.reason),
  addOfficialPage: (_, args: { input: unknown }, ctx) => addOfficialPage(ctx, args.input),
  markFeedbackWidget: (_, args: { pageId: string; placedAt: Date; forms?: string[] | null }, ctx) => markFeedbackWidget(ctx, args),
  setPageVerified: (_, args: { pageId: string; verified: boolean }, ctx) => setPageVerified(ctx, args.pageId, args.verified),
  reportPlacements: (_, args: { input: unknown }, ctx) => reportPlacements(ctx, args.input),
  correctPlacement: (_, args: { id: string; url: string; publishedAt: Date }, ctx) => correctPlacement(ctx, args),
  withdrawPlacement: (_, args: { id: string; reason: string }, ctx) => withdrawPlacement(ctx, args),
  reportMediaPublication: (_, args: { input: unknown }, ctx) => reportMediaPublication(ctx, args.input),
};
