import { referenced } from '@hub/common';
import type { OfficialPageResolvers } from '../generated/graphql.js';
import { widgetCompleteSince, widgetList } from '../domain/feedback-widget.js';

export const OfficialPage: OfficialPageResolvers = {
  __resolveReference: (ref, ctx) => ctx.pages.byId.load(ref.id),
  organization: (page, _, ctx) => referenced(ctx.organizations.byId.load(page.organizationId), 'Organization'),
  feedbackWidgets: (page) => widgetList(page),
  feedbackWidgetPlacedAt: (page) => widgetCompleteSince(page),
  addedAt: (page) => page.createdAt,
};
