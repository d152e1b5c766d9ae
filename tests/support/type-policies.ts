import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // A connection is kept per filter, never per first/after: a page fetched with `after` is appended.
      organizations: relayStylePagination(['kind', 'parentId', 'search', 'includeInactive']),
      users: relayStylePagination(['role', 'organizationId', 'search', 'includeInactive']),
      pagesWithoutWidget: relayStylePagination(['form', 'kind', 'underOrganizationId']),
      materials: relayStylePagination(['status', 'topic', 'week', 'search']),
      complianceReport: relayStylePagination(['period', 'rule', 'status', 'severity', 'kind', 'parentId', 'municipalityId']),
      notifications: relayStylePagination(['status']),
      auditLog: relayStylePagination(['actor', 'operation', 'targetId', 'succeeded', 'from', 'until']),
      pageHealth: relayStylePagination(['filter']),
      // Paged by rows, not edges: a page fetched with `after` follows the rows held.
      complianceHeatmap: {
        keyArgs: ['weeks', 'rule', 'severity', 'kind', 'municipalityId'],
        merge: (existing, incoming, { args }) =>
          existing && args?.after ? { ...incoming, rows: [...existing.rows, ...incoming.rows] } : incoming,
      },
      // One value per arguments, which operations select in part (the dashboard's and the contract's):
      // each part is kept.
      complianceSummary: { merge: true },
      previewRuleChange: { merge: true },
      // organization(id) is Organization:<id> even when a selection leaves `id` out (the contract's
      // PlacementEvidence and PagePosts do): its fields go to the one cached organization.
      organization: {
        merge: (existing, incoming, { args, toReference, mergeObjects }) =>
          incoming && mergeObjects(toReference({ __typename: 'Organization', id: args!.id as string })!, incoming),
      },
    },
  },
  Material: { fields: { placements: relayStylePagination() } },
  // A page has one crawl state, which operations select in part.
  OfficialPage: { fields: { posts: relayStylePagination(), crawl: { merge: true } } },
  // Identified by their federation keys rather than an id.
  ComplianceRule: { keyFields: ['code'] },
  ContentSupply: { keyFields: ['week'] },
};
