/** The dashboard's first screen and a drill-down, as its page asks them (the load test's mix too). */
export function dashboardQueries(week: string, organizationId: string): { name: string; query: string }[] {
  return [
    { name: 'summary', query: `{ complianceSummary(period: "${week}") { evaluated met missed exempt rate byKind { kind rate } } contentSupply(week: "${week}") { distributed required met } }` },
    { name: 'heatmap', query: `{ complianceHeatmap(weeks: 12, first: 100) { periods totalCount rows { organization { id name shortName kind } statuses missed consecutiveMisses } } }` },
    { name: 'trend', query: `{ complianceTrend(weeks: 12) { period rate evaluated missed } contentSupplyHistory(weeks: 12) { week distributed required met } }` },
    { name: 'laggards', query: `{ laggards(period: "${week}", limit: 20) { organization { id name } parent { name } municipality { name } consecutiveMisses missedSince actual required } }` },
    { name: 'uptake', query: `{ contentUptake(week: "${week}") { material { id title topic } recipients placedBy uptakeRate } topicUptake(week: "${week}") { topic uptakeRate } widgetCoverage { pages withBoth missingBoth } }` },
    { name: 'organization', query: `{ organization(id: "${organizationId}") { name kind parent { name } pages { platform url feedbackWidgets { form } } compliance(last: 12) { rule period status actual required consecutiveMisses } weekProgress { placed required } escalations(last: 10) { level period } } }` },
  ];
}
