// The dashboard's requests, taken from the page's own operations (gateway/dashboard/src/queries.ts:
// typed strings from its generated/ files, nothing browser-only comes with them) with the variables
// its components pass (gateway/dashboard/src/components/*.tsx).
import {
  HEATMAP,
  LAGGARDS,
  MUNICIPALITIES,
  ORGANIZATION,
  ORGANIZATION_PLACEMENTS,
  SUMMARY,
  SUPPLY,
  SUPPLY_HISTORY,
  TREND,
  UPTAKE,
  WIDGET_COVERAGE,
} from '@hub/gateway/dashboard-queries';
import type { Variables } from './graphql.js';

export interface DashboardRequest {
  /** The operation's name, e.g. DashboardTrend. */
  operation: string;
  query: string;
  variables: Variables;
}

export interface DashboardPanel {
  /** The bench's name for the panel: dashboard:<name>. */
  name: string;
  requests: DashboardRequest[];
  /**
   * How the page sends a panel's requests: 'together' as its hooks fire at once, 'in-turn' when
   * one waits for the answer of the one before (none does now).
   */
  sent: 'together' | 'in-turn';
}

function request(document: { toString(): string }, variables: Variables): DashboardRequest {
  const query = document.toString();
  const operation = /^\s*query\s+(\w+)/.exec(query)?.[1];
  if (!operation) throw new Error(`a dashboard query without an operation name: ${query.slice(0, 60)}`);
  return { operation, query, variables };
}

/**
 * The first screen for `week` (the page's default: the trend's last complete week) and the
 * drill-down of `organizationId`, panel by panel, each request with the variables the page sends.
 * The load test sends every request of every panel.
 */
export function dashboardQueries(week: string, organizationId: string): DashboardPanel[] {
  return [
    // SummaryCards: the week's results and the content center's supply, two hooks.
    { name: 'summary', sent: 'together', requests: [request(SUMMARY, { week }), request(SUPPLY, { week })] },
    // Heatmap with its filters unset, and the municipalities for the filter's list.
    { name: 'heatmap', sent: 'together', requests: [request(HEATMAP, { kind: null, municipalityId: null }), request(MUNICIPALITIES, {})] },
    // Dashboard's Weeks: the two histories the trend chart draws (and the week list comes from).
    { name: 'trend', sent: 'together', requests: [request(TREND, {}), request(SUPPLY_HISTORY, {})] },
    { name: 'laggards', sent: 'together', requests: [request(LAGGARDS, { week })] },
    { name: 'uptake', sent: 'together', requests: [request(UPTAKE, { week })] },
    { name: 'widget-coverage', sent: 'together', requests: [request(WIDGET_COVERAGE, {})] },
    // DrillDown asks for the organization and the week's placements at once.
    {
      name: 'organization',
      sent: 'together',
      requests: [request(ORGANIZATION, { id: organizationId }), request(ORGANIZATION_PLACEMENTS, { id: organizationId, week })],
    },
  ];
}
