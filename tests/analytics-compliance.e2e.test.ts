import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import { ComplianceSummaryDocument, ComplianceTrendDocument } from './generated/contract.js';

// Monday 30 November 2026, 10:05 in Khabarovsk: 2026-W48 has just ended.
const now = new Date('2026-12-01T00:05:00Z');
const WEEKS = ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'];
let hub: TestHub;
let admin: GraphQLClient;
let analyst: GraphQLClient;

/** A list of ids, as `{ edges { node { id } } }` selects it. */
type Ids = { edges: { node: { id: string } }[] };

/** complianceReport's totals by status, the reference every summary must agree with. */
async function reportCounts(period: string, filter: Record<string, unknown> = {}, client = analyst) {
  const counts: Record<string, number> = {};
  for (const status of ['MET', 'MISSED', 'EXEMPT']) {
    const res = await client.data<{ complianceReport: { totalCount: number } }>(
      `query($period: String!, $status: ComplianceStatus, $kind: OrganizationKind, $municipalityId: ID, $severity: Severity) {
         complianceReport(period: $period, rule: WEEKLY_PLACEMENTS, status: $status, kind: $kind, municipalityId: $municipalityId, severity: $severity, first: 0) { totalCount }
       }`,
      { period, status, ...filter },
    );
    counts[status.toLowerCase()] = res.complianceReport.totalCount;
  }
  return counts as { met: number; missed: number; exempt: number };
}

const SUMMARY = `query($period: String!) {
  complianceSummary(period: $period) {
    period rule evaluated met missed exempt rate
    bySeverity { severity evaluated met missed exempt rate }
    byKind { kind severity evaluated met missed exempt rate }
    byMunicipality { municipality { id name kind } evaluated met missed exempt rate }
  }
}`;
type Counts = { evaluated: number; met: number; missed: number; exempt: number; rate: number | null };
type CountKey = Exclude<keyof Counts, 'rate'>;
/** complianceSummary as SUMMARY selects it. */
type Summary = Counts & {
  period: string;
  rule: string;
  bySeverity: (Counts & { severity: string })[];
  byKind: (Counts & { kind: string; severity: string })[];
  byMunicipality: (Counts & { municipality: { id: string; name: string; kind: string } | null })[];
};

let municipalityId: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => now });
  const [adminToken, analystToken] = await Promise.all([tokenFor('ADMIN'), tokenFor('ANALYST')]);
  admin = hub.client(adminToken);
  analyst = hub.client(analystToken);
  for (const period of WEEKS) {
    const res = await admin.request<{ runComplianceCheck: { status: string } }>(
      'mutation($period: String!) { runComplianceCheck(rule: WEEKLY_PLACEMENTS, period: $period) { status } }',
      { period },
    );
    expect(res.data!.runComplianceCheck.status).toBe('SUCCEEDED');
  }
  // One exemption, so that every summary has all three statuses to agree on.
  const missed = await analyst.data<{ complianceReport: { edges: { node: { organization: { id: string } } }[] } }>(
    `{ complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, status: MISSED, first: 1) { edges { node { organization { id } } } } }`,
  );
  const grant = await admin.request('mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id } }', {
    input: {
      organizationId: missed.complianceReport.edges[0]!.node.organization.id,
      rule: 'WEEKLY_PLACEMENTS',
      period: '2026-W48',
      reason: 'Реорганизация пресс-службы',
    },
  });
  expect(grant.errors).toBeUndefined();
  const municipalities = await analyst.data<{ organizations: Ids }>(
    '{ organizations(kind: MUNICIPALITY, first: 1) { edges { node { id } } } }',
  );
  municipalityId = municipalities.organizations.edges[0]!.node.id;
});
afterAll(() => hub?.stop());

describe('complianceSummary', () => {
  it('agrees with complianceReport for the same period, in total, by kind and by municipality', async () => {
    const { complianceSummary: summary } = await analyst.data<{ complianceSummary: Summary }>(SUMMARY, { period: '2026-W48' });
    const report = await reportCounts('2026-W48');
    expect(summary).toMatchObject({
      period: '2026-W48',
      rule: 'WEEKLY_PLACEMENTS',
      ...report,
      evaluated: report.met + report.missed + report.exempt,
    });
    expect(summary.exempt).toBe(1);
    // Mandatory (3.1) and recommended (4) results are never one rate: each severity has its own, as the report counts it.
    expect(summary.rate).toBeNull();
    expect(summary.bySeverity.map((s) => s.severity)).toEqual(['MANDATORY', 'RECOMMENDED']);
    for (const { severity, rate, evaluated, ...counts } of summary.bySeverity) {
      expect(counts).toEqual(await reportCounts('2026-W48', { severity }));
      expect(rate).toBeCloseTo(counts.met / (counts.met + counts.missed), 10);
      expect(evaluated).toBe(counts.met + counts.missed + counts.exempt);
    }

    expect(summary.byKind.length).toBeGreaterThan(0);
    for (const kind of summary.byKind) {
      const { rate: _rate, evaluated, kind: name, severity, ...counts } = kind;
      expect(counts).toEqual(await reportCounts('2026-W48', { kind: name, severity }));
      expect(evaluated).toBe(counts.met + counts.missed + counts.exempt);
    }
    const byKindSum = (key: CountKey) => summary.byKind.reduce((s, k) => s + k[key], 0);
    expect(Object.fromEntries((['evaluated', 'met', 'missed', 'exempt'] as const).map((key) => [key, byKindSum(key)]))).toEqual({
      evaluated: summary.evaluated,
      met: summary.met,
      missed: summary.missed,
      exempt: summary.exempt,
    });
    const named = summary.byMunicipality.filter((m) => m.municipality);
    expect(named.length).toBe(19);
    expect(named.every((m) => m.municipality!.kind === 'MUNICIPALITY' && m.municipality!.name)).toBe(true);
    for (const row of named.slice(0, 3)) {
      const { municipality, rate: _rate, evaluated: _evaluated, ...counts } = row;
      expect(counts).toEqual(await reportCounts('2026-W48', { municipalityId: municipality!.id }));
    }
    const sum = (key: CountKey) => summary.byMunicipality.reduce((s, m) => s + m[key], 0);
    expect(sum('evaluated')).toBe(summary.evaluated);
    const rates = summary.byMunicipality.map((m) => m.rate ?? 2);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });

  it("is the contract's operation, and reads a month as the media rule", async () => {
    const contract = await analyst.data(ComplianceSummaryDocument, { period: '2026-W48' });
    expect(contract.complianceSummary.byKind.length).toBeGreaterThan(0);
    const month = await analyst.data<{ complianceSummary: Pick<Summary, 'rule' | 'evaluated' | 'rate'> }>(
      '{ complianceSummary(period: "2026-11") { rule evaluated rate } }',
    );
    expect(month.complianceSummary).toEqual({ rule: 'MONTHLY_MEDIA_MENTION', evaluated: 0, rate: null });
  });

  it('limits a head to its organization and those below it, in agreement with the report', async () => {
    const head = await tokenFor('HEAD', municipalityId);
    const { complianceSummary: summary } = await hub.client(head).data<{ complianceSummary: Summary }>(SUMMARY, { period: '2026-W48' });
    const report = await reportCounts('2026-W48', {}, hub.client(head));
    expect(summary).toMatchObject(report);
    expect(summary.evaluated).toBeGreaterThan(1);
    expect(summary.byMunicipality.map((m) => m.municipality?.id)).toEqual([municipalityId]);
  });

  it("refuses the content center's editors, strangers and bad periods", async () => {
    expect(errorCodes(await hub.client(await tokenFor('EDITOR')).request(SUMMARY, { period: '2026-W48' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.client(null).request(SUMMARY, { period: '2026-W48' }))).toEqual(['UNAUTHENTICATED']);
    const bad = await analyst.request(SUMMARY, { period: 'прошлая неделя' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.field).toBe('period');
    const wrongKind = await analyst.request('{ complianceSummary(period: "2026-11", rule: WEEKLY_PLACEMENTS) { rate } }');
    expect(wrongKind.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });
});

describe('complianceTrend', () => {
  it('gives the last complete weeks oldest first, each as its summary', async () => {
    const { complianceTrend: trend } = await analyst.data(ComplianceTrendDocument, { weeks: 6 });
    expect(trend.map((p) => p.period)).toEqual(['2026-W43', ...WEEKS]);
    expect(trend[0]).toEqual({ period: '2026-W43', rate: null, evaluated: 0, missed: 0 });
    for (const point of trend.slice(1)) {
      const { complianceSummary: summary } = await analyst.data<{ complianceSummary: Summary }>(SUMMARY, { period: point.period });
      expect(point).toEqual({ period: summary.period, rate: summary.rate, evaluated: summary.evaluated, missed: summary.missed });
    }
  });

  it('refuses a window out of range and a rule that is not weekly', async () => {
    for (const weeks of [0, 105]) {
      expect(
        (await analyst.request('query($w: Int!) { complianceTrend(weeks: $w) { period } }', { w: weeks })).errors![0]!.extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'weeks',
      });
    }
    expect(
      (await analyst.request('{ complianceTrend(weeks: 4, rule: MONTHLY_MEDIA_MENTION) { period } }')).errors![0]!.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rule',
    });
  });
});

const HEATMAP = `query($weeks: Int, $kind: OrganizationKind, $municipalityId: ID, $first: Int, $after: String) {
  complianceHeatmap(weeks: $weeks, kind: $kind, municipalityId: $municipalityId, first: $first, after: $after) {
    rule periods totalCount pageInfo { hasNextPage endCursor }
    rows { organization { id name kind } statuses missed consecutiveMisses }
  }
}`;
type HeatmapRow = {
  organization: { id: string; name: string; kind: string };
  statuses: (string | null)[];
  missed: number;
  consecutiveMisses: number;
};
/** complianceHeatmap as HEATMAP selects it. */
type Heatmap = {
  rule: string;
  periods: string[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  rows: HeatmapRow[];
};
const heatmap = async (variables: Record<string, unknown>) =>
  (await analyst.data<{ complianceHeatmap: Heatmap }>(HEATMAP, variables)).complianceHeatmap;

describe('complianceHeatmap', () => {
  it("pages through every evaluated organization once, most misses first, with the report's statuses", async () => {
    const rows: HeatmapRow[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Heatmap = await heatmap({ weeks: 6, first: 150, after });
      expect(page.periods).toEqual(['2026-W43', ...WEEKS]);
      total = page.totalCount;
      rows.push(...page.rows);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(rows.length).toBe(total);
    expect(new Set(rows.map((r) => r.organization.id)).size).toBe(total);
    const misses = rows.map((r) => r.missed);
    expect(misses).toEqual([...misses].sort((a, b) => b - a));
    expect(rows.every((r) => r.statuses[0] === null && r.organization.name)).toBe(true);

    const worst = rows[0]!;
    expect(worst.statuses.filter((s) => s === 'MISSED').length).toBe(worst.missed);
    const history = await analyst.data<{ organization: { compliance: { period: string; status: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { compliance(last: 5, rule: WEEKLY_PLACEMENTS) { period status } } }',
      { id: worst.organization.id },
    );
    const byPeriod = Object.fromEntries(history.organization.compliance.map((r) => [r.period, r.status]));
    expect(worst.statuses.slice(1)).toEqual(WEEKS.map((w) => byPeriod[w] ?? null));
  });

  it('gives each row the run of misses of its latest week in the window, and ranks equal misses by it', async () => {
    const page = await heatmap({ weeks: 6, first: 40 });
    let ties = 0;
    for (const [i, row] of page.rows.entries()) {
      const next = page.rows[i + 1];
      if (next && next.missed === row.missed) {
        ties++;
        expect(row.consecutiveMisses).toBeGreaterThanOrEqual(next.consecutiveMisses);
      }
    }
    expect(ties, 'neighbours with equal misses to compare').toBeGreaterThan(0);
    for (const row of page.rows.slice(0, 8)) {
      const history = await analyst.data<{ organization: { compliance: { period: string; consecutiveMisses: number }[] } }>(
        'query($id: ID!) { organization(id: $id) { compliance(last: 6, rule: WEEKLY_PLACEMENTS) { period consecutiveMisses } } }',
        { id: row.organization.id },
      );
      const inWindow = history.organization.compliance
        .filter((r) => page.periods.includes(r.period))
        .sort((a, b) => b.period.localeCompare(a.period));
      expect({ id: row.organization.id, run: row.consecutiveMisses }).toEqual({
        id: row.organization.id,
        run: inWindow[0]!.consecutiveMisses,
      });
    }
  });

  it('filters by kind and municipality', async () => {
    const kinds = await heatmap({ kind: 'EXECUTIVE_BODY', first: 500 });
    expect(kinds.rows.length).toBe(kinds.totalCount);
    expect(kinds.totalCount).toBeGreaterThan(0);
    expect(kinds.rows.every((r) => r.organization.kind === 'EXECUTIVE_BODY')).toBe(true);
    const bodies = await reportCounts('2026-W48', { kind: 'EXECUTIVE_BODY' });
    expect(kinds.totalCount).toBe(bodies.met + bodies.missed + bodies.exempt);
    const local = await heatmap({ municipalityId, first: 500 });
    const counts = await reportCounts('2026-W48', { municipalityId });
    expect(local.totalCount).toBe(counts.met + counts.missed + counts.exempt);
  });

  it('refuses an unknown or non-municipal municipality, a bad cursor and a window out of range', async () => {
    const unknown = await analyst.request(HEATMAP, { municipalityId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'municipalityId' });
    const body = (await analyst.data<{ organizations: Ids }>('{ organizations(kind: EXECUTIVE_BODY, first: 1) { edges { node { id } } } }'))
      .organizations.edges[0]!.node.id;
    expect((await analyst.request(HEATMAP, { municipalityId: body })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'municipalityId',
    });
    expect((await analyst.request(HEATMAP, { after: 'nonsense' })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await analyst.request(HEATMAP, { weeks: 53 })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'weeks',
    });
  });
});

describe('laggards', () => {
  const LAGGARDS = `query($period: String!, $limit: Int) {
    laggards(period: $period, limit: $limit) {
      organization { id name } parent { id name } municipality { id name } rule period severity required actual consecutiveMisses missedSince
    }
  }`;
  type Named = { id: string; name: string };
  /** laggards as LAGGARDS selects them. */
  type Laggards = {
    laggards: {
      organization: Named;
      parent: Named | null;
      municipality: Named | null;
      rule: string;
      period: string;
      severity: string;
      required: number;
      actual: number;
      consecutiveMisses: number;
      missedSince: string | null;
    }[];
  };

  it('lists the longest runs first with where each began, its parent body, and its escalations', async () => {
    const { laggards } = await analyst.data<Laggards>(LAGGARDS, { period: '2026-W48', limit: 10 });
    expect(laggards.length).toBe(10);
    const runs = laggards.map((l) => l.consecutiveMisses);
    expect(runs).toEqual([...runs].sort((a, b) => b - a));
    const report = await analyst.data<{ complianceReport: { edges: { node: { consecutiveMisses: number } }[] } }>(
      `{ complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, status: MISSED, first: 1) { edges { node { consecutiveMisses } } } }`,
    );
    expect(runs[0]).toBe(report.complianceReport.edges[0]!.node.consecutiveMisses);
    for (const l of laggards) {
      // No exemption inside these runs: a run of n misses began n - 1 weeks before.
      expect(l.missedSince).toBe(WEEKS[WEEKS.length - l.consecutiveMisses]);
      expect(l).toMatchObject({ rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' });
    }
    const withParent = laggards.find((l) => l.parent);
    expect(withParent!.parent!.name).toBeTruthy();

    const { organization } = await admin.data<{
      organization: { escalations: { level: number; rule: string; period: string; consecutiveMisses: number; recipients: string[] }[] };
    }>('query($id: ID!) { organization(id: $id) { escalations(last: 3) { level rule period consecutiveMisses recipients } } }', {
      id: laggards[0]!.organization.id,
    });
    expect(organization.escalations[0]).toMatchObject({ rule: 'WEEKLY_PLACEMENTS', period: '2026-W48', consecutiveMisses: runs[0] });
    expect(organization.escalations[0]!.recipients.length).toBeGreaterThan(0);
  });

  it("keeps escalations within a head's scope and refuses a bad limit", async () => {
    const { laggards } = await analyst.data<Laggards>(LAGGARDS, { period: '2026-W48', limit: 50 });
    const elsewhere = laggards.find((l) => l.municipality?.id !== municipalityId);
    const outsider = await tokenFor('HEAD', municipalityId);
    const foreign = await hub
      .client(outsider)
      .request<{ organization: { escalations: { id: string }[] | null } | null }>(
        'query($id: ID!) { organization(id: $id) { escalations { id } } }',
        { id: elsewhere!.organization.id },
      );
    expect(errorCodes(foreign)).toContain('FORBIDDEN');
    expect(foreign.data?.organization?.escalations ?? null).toBeNull();
    for (const limit of [0, 501]) {
      expect((await analyst.request(LAGGARDS, { period: '2026-W48', limit })).errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'limit',
      });
    }
  });
});
