import fc from 'fast-check';
import { abbreviate, hostileDateTime, hostileEnum, hostileId, hostileInt, hostilePeriod, hostileString } from './arbitraries.js';
import type { Fixtures, Vars } from './input-properties.js';

/**
 * Query arguments that name periods, weeks, ids, pages and search text, each sometimes valid and
 * sometimes hostile: whatever comes back must not be a 5xx or an uncoded error.
 */

export interface QueryProperty {
  document: string;
  args: fc.Arbitrary<Vars>;
}

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Cursors a client forged: the right shape with the wrong values, or no cursor at all. */
const hostileCursor: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    cursor(['x', 'y']),
    cursor([1, 'not-a-uuid']),
    cursor(['2026-13-45T00:00:00Z', '00000000-0000-4000-8000-000000000000']),
    cursor([1e308, 'x']),
    cursor(['x', 'y', 'z']),
    cursor(['\u0000', '\u0000']),
    cursor([1, 2]),
    cursor([-1, '00000000-0000-4000-8000-000000000000']),
    'not base64 at all',
    '',
  ),
  hostileString,
);

/** Sometimes the valid value, sometimes a hostile one, sometimes left out. */
const either = (valid: unknown[], hostile: fc.Arbitrary<unknown>) =>
  fc.oneof(...(valid.length ? [fc.constantFrom(...valid)] : []), hostile, fc.constant(undefined));

/** Variables printed short in fast-check's report. */
const shown = (args: fc.Arbitrary<Vars>): fc.Arbitrary<Vars> =>
  args.map((vars) => ({
    ...vars,
    [fc.toStringMethod]: () => JSON.stringify(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, abbreviate(v)]))),
  }));

export function queryProperties(f: Fixtures): Record<string, QueryProperty> {
  const period = either([f.week, '2026-11', '2026-11-30'], hostilePeriod);
  const week = either([f.week], hostilePeriod);
  const organizationId = either([f.municipality, f.subordinate], hostileId([f.page, f.material]));
  const page = { first: either([0, 5], hostileInt), after: either([], hostileCursor) };
  return {
    complianceSummary: {
      document: 'query($period: String!, $rule: RuleCode) { complianceSummary(period: $period, rule: $rule) { evaluated } }',
      args: shown(fc.record({ period, rule: either(['WEEKLY_PLACEMENTS', 'MONTHLY_MEDIA_MENTION'], hostileEnum) })),
    },
    complianceReport: {
      document: `query($period: String!, $rule: RuleCode!, $parentId: ID, $municipalityId: ID, $first: Int, $after: String) {
        complianceReport(period: $period, rule: $rule, parentId: $parentId, municipalityId: $municipalityId, first: $first, after: $after) { totalCount } }`,
      args: shown(
        fc.record({
          period,
          rule: either(['WEEKLY_PLACEMENTS'], hostileEnum),
          parentId: organizationId,
          municipalityId: organizationId,
          ...page,
        }),
      ),
    },
    laggards: {
      document: 'query($period: String!, $limit: Int) { laggards(period: $period, limit: $limit) { actual } }',
      args: shown(fc.record({ period, limit: either([5], hostileInt) })),
    },
    placementEvidence: {
      document: 'query($week: String!) { placementEvidence(week: $week) { placements verifiedShare } }',
      args: shown(fc.record({ week: either([f.week, '2026-11', '2026-11-30'], hostilePeriod) })),
    },
    escalations: {
      document: 'query($period: String!) { escalations(period: $period) { id } }',
      args: shown(fc.record({ period })),
    },
    contentUptake: {
      document:
        'query($week: String!) { contentUptake(week: $week) { recipients reach { views } } topicUptake(week: $week) { topic reach { views } } }',
      args: shown(fc.record({ week })),
    },
    reach: {
      document: 'query($period: String!, $groupBy: ReachGrouping!) { reach(period: $period, groupBy: $groupBy) { key reach { views } } }',
      args: shown(fc.record({ period, groupBy: either(['MATERIAL', 'TOPIC', 'ORGANIZATION', 'WEEK'], hostileEnum) })),
    },
    contentSupply: {
      document: 'query($week: String!) { contentSupply(week: $week) { distributed required } }',
      args: shown(fc.record({ week })),
    },
    materials: {
      document: 'query($week: String, $first: Int, $after: String) { materials(week: $week, first: $first, after: $after) { totalCount } }',
      args: shown(fc.record({ week, ...page })),
    },
    inbox: {
      document: 'query($week: String, $organizationId: ID) { inbox(week: $week, organizationId: $organizationId) { receivedAt } }',
      args: shown(fc.record({ week, organizationId })),
    },
    organization: {
      document: `query($id: ID!, $period: String, $week: String) { organization(id: $id) {
        name placements(period: $period) { id } placementCount(week: $week) receivedMaterials(week: $week) { id } } }`,
      args: shown(fc.record({ id: organizationId, period, week })),
    },
    organizations: {
      document: `query($search: String, $parentId: ID, $first: Int, $after: String) {
        organizations(search: $search, parentId: $parentId, first: $first, after: $after) { totalCount } }`,
      args: shown(fc.record({ search: either(['Хабаровск', '%', '_'], hostileString), parentId: organizationId, ...page })),
    },
    users: {
      document: `query($search: String, $organizationId: ID, $role: Role, $first: Int, $after: String) {
        users(search: $search, organizationId: $organizationId, role: $role, first: $first, after: $after) { totalCount } }`,
      args: shown(
        fc.record({
          search: either(['Иван', '%', '_', '@'], hostileString),
          organizationId,
          role: either(['OPERATOR', 'HEAD'], hostileEnum),
          ...page,
        }),
      ),
    },
    complianceHeatmap: {
      document: `query($weeks: Int, $municipalityId: ID, $first: Int, $after: String) {
        complianceHeatmap(weeks: $weeks, municipalityId: $municipalityId, first: $first, after: $after) { totalCount } }`,
      args: shown(
        fc.record({
          weeks: either([4], hostileInt),
          municipalityId: either([f.municipality], hostileId([f.subordinate, f.page])),
          ...page,
        }),
      ),
    },
    notifications: {
      document: 'query($first: Int, $after: String) { notifications(first: $first, after: $after) { totalCount } }',
      args: shown(fc.record(page)),
    },
    auditLog: {
      document: `query($actor: String, $operation: String, $targetId: ID, $from: DateTime, $first: Int, $after: String) {
        auditLog(actor: $actor, operation: $operation, targetId: $targetId, from: $from, first: $first, after: $after) { totalCount } }`,
      args: shown(
        fc.record({
          actor: either(['test-admin'], hostileString),
          operation: either(['reportPlacements'], hostileString),
          targetId: organizationId,
          from: either(['2026-11-01T00:00:00+10:00'], hostileDateTime),
          ...page,
        }),
      ),
    },
    materialPlacements: {
      document:
        'query($id: ID!, $first: Int, $after: String) { material(id: $id) { placements(first: $first, after: $after) { totalCount } } }',
      args: shown(fc.record({ id: either([f.material], hostileId([f.page, f.subordinate])), ...page })),
    },
    pageHealth: {
      document: `query($filter: PageHealthFilter, $first: Int, $after: String) {
        pageHealth(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { page { id } status daysSinceLastPost } } } }`,
      args: shown(
        fc.record({
          filter: fc.oneof(
            fc.constant(undefined),
            fc.record({
              organizationId,
              statuses: either([['OK'], ['PRIVATE', 'NOT_FOUND'], []], fc.oneof(hostileEnum, fc.array(hostileEnum, { maxLength: 3 }))),
              silentForDays: either([1, 14], hostileInt),
            }),
          ),
          ...page,
        }),
      ),
    },
    pagesWithoutWidget: {
      document: `query($under: ID, $first: Int, $after: String) {
        pagesWithoutWidget(underOrganizationId: $under, first: $first, after: $after) { totalCount } }`,
      args: shown(fc.record({ under: organizationId, ...page })),
    },
  };
}
