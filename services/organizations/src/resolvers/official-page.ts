import type { OrganizationsContext } from '../context.js';
import type { OfficialPage as PageRow } from '../entities/official-page.entity.js';
import { widgetCompleteSince, widgetList } from '../domain/feedback-widget.js';

export const OfficialPage = {
  __resolveReference: (ref: { id: string }, ctx: OrganizationsContext) => ctx.pages.byId.load(ref.id),
  organization: (page: PageRow, _: unknown, ctx: OrganizationsContext) => ctx.organizations.byId.load(page.organizationId),
  feedbackWidgets: (page: PageRow) => widgetList(page),
  feedbackWidgetPlacedAt: (page: PageRow) => widgetCompleteSince(page),
  addedAt: (page: PageRow) => page.createdAt,
};
