import type { MutationResolvers, ReportPlacementsResultResolvers } from '../generated/graphql.js';
import { deactivateOrganization, registerOrganization, updateOrganization } from '../commands/organization.commands.js';
import { addOfficialPage, markFeedbackWidget, recordPageIdentity, setPageVerified } from '../commands/page.commands.js';
import { reportPlacements } from '../commands/placement.commands.js';
import { correctPlacement, withdrawPlacement } from '../commands/placement-revision.commands.js';
import { reportMediaPublication } from '../commands/media.commands.js';

// The commands parse what they are given themselves (zod): the SDL's shape is not yet a valid input.
export const Mutation: MutationResolvers = {
  registerOrganization: (_, args, ctx) => registerOrganization(ctx, args.input),
  updateOrganization: (_, args, ctx) => updateOrganization(ctx, args.id, args.input),
  deactivateOrganization: (_, args, ctx) => deactivateOrganization(ctx, args.id, args.reason),
  addOfficialPage: (_, args, ctx) => addOfficialPage(ctx, args.input),
  markFeedbackWidget: (_, args, ctx) => markFeedbackWidget(ctx, args),
  setPageVerified: (_, args, ctx) => setPageVerified(ctx, args.pageId, args.verified),
  recordPageIdentity: (_, args, ctx) => recordPageIdentity(ctx, args.pageId, args.platformId),
  reportPlacements: (_, args, ctx) => reportPlacements(ctx, args.input),
  correctPlacement: (_, args, ctx) => correctPlacement(ctx, args),
  withdrawPlacement: (_, args, ctx) => withdrawPlacement(ctx, args),
  reportMediaPublication: (_, args, ctx) => reportMediaPublication(ctx, args.input),
};

export const ReportPlacementsResult: ReportPlacementsResultResolvers = {
  // Read only when selected: a bulk report wants the counts (commands/placement.commands.ts).
  placements: (result) => result.placements(),
};
