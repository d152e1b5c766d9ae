import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, tokenFor, type GraphQLClient } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';
import {
  ComplianceReportDocument,
  GrantExemptionDocument,
  OrganizationComplianceDocument,
  RunComplianceCheckDocument,
  type ComplianceStatus,
  type GrantExemptionInput,
  type RuleCode,
} from './generated/contract.js';

// Monday 30 November 2026, 10:05 in Khabarovsk: last week (2026-W48) and November have ended.
let now = new Date('2026-12-01T00:05:00Z');
let hub: TestHub;
let admin: GraphQLClient;

async function report(rule: RuleCode, period: string, status?: ComplianceStatus) {
  const res = await admin.request(ComplianceReportDocument, { rule, period, status, first: 500 });
  expect(res.errors).toBeUndefined();
  return res.data!.complianceReport;
}

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => now });
  admin = hub.client(await tokenFor('ADMIN'));
});
afterAll(() => hub?.stop());

describe('runComplianceCheck on the demo region', () => {
  it('evaluates WEEKLY_PLACEMENTS for last week: most meet, some miss, every result counted', async () => {
    const res = await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W49' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']); // this week has not ended
    const run = (await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' })).data!
      .runComplianceCheck;
    expect(run).toMatchObject({ rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' });
    expect(run.evaluated).toBeGreaterThanOrEqual(390);
    expect(run.met + run.missed + run.exempt).toBe(run.evaluated);
    expect(run.met / run.evaluated).toBeGreaterThan(0.6);
    expect(run.missed).toBeGreaterThan(0);
    const missed = await report('WEEKLY_PLACEMENTS', '2026-W48', 'MISSED');
    expect(missed.totalCount).toBe(run.missed);
    for (const { node } of missed.edges) {
      expect(node).toMatchObject({ rule: 'WEEKLY_PLACEMENTS', period: '2026-W48', required: 3, status: 'MISSED' });
      expect(node.actual).toBeLessThan(3);
      expect(node.organization.name).toBeTruthy();
    }
  });

  it('counts runs of misses across weeks evaluated in order', async () => {
    for (const week of ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'])
      await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: week });
    const last = await report('WEEKLY_PLACEMENTS', '2026-W48', 'MISSED');
    const longest = last.edges[0]!.node;
    expect(longest.consecutiveMisses).toBeGreaterThanOrEqual(3);
    const history = await admin.request(OrganizationComplianceDocument, {
      id: longest.organization.id,
      last: 5,
    });
    const weekly = history.data!.organization!.compliance!.filter((r) => r.rule === 'WEEKLY_PLACEMENTS');
    expect(weekly[0]).toMatchObject({ period: '2026-W48', status: 'MISSED', consecutiveMisses: longest.consecutiveMisses });
    expect(weekly.slice(0, 3).every((r) => r.status === 'MISSED')).toBe(true);
  });

  it('gives the same results when run again, without a second result per organization', async () => {
    const before = await report('WEEKLY_PLACEMENTS', '2026-W48');
    const again = (await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W48' })).data!
      .runComplianceCheck;
    const after = await report('WEEKLY_PLACEMENTS', '2026-W48');
    expect(after.totalCount).toBe(before.totalCount);
    expect(again.evaluated).toBe(before.totalCount);
    expect(after.edges.map((e) => e.node)).toEqual(before.edges.map((e) => e.node));
  });

  it('serializes two runs of the same rule and period started at once', async () => {
    const [a, b] = await Promise.all([
      admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W47' }),
      admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W47' }),
    ]);
    expect(a.data!.runComplianceCheck.evaluated).toBe(b.data!.runComplianceCheck.evaluated);
    expect((await report('WEEKLY_PLACEMENTS', '2026-W47')).totalCount).toBe(a.data!.runComplianceCheck.evaluated);
  });

  it("evaluates the content center's weekly supply, the monthly media mention and the widget rule", async () => {
    // Decree 2.2: counted per recipient (every body, municipality and subordinate), never for the center itself.
    const supply = (await admin.request(RunComplianceCheckDocument, { rule: 'CONTENT_CENTER_WEEKLY_SUPPLY', period: '2026-W48' })).data!
      .runComplianceCheck;
    expect(supply.evaluated).toBeGreaterThanOrEqual(350);
    const supplyRows = await report('CONTENT_CENTER_WEEKLY_SUPPLY', '2026-W48');
    expect(supplyRows.totalCount).toBe(supply.evaluated);
    for (const { node } of supplyRows.edges) {
      expect(node).toMatchObject({ required: 10 });
      expect(['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE']).toContain(node.organization.kind);
    }

    const media = (await admin.request(RunComplianceCheckDocument, { rule: 'MONTHLY_MEDIA_MENTION', period: '2026-11' })).data!
      .runComplianceCheck;
    expect(media.evaluated).toBeGreaterThanOrEqual(30);
    expect(media.missed).toBeGreaterThan(0);
    const mediaRows = await report('MONTHLY_MEDIA_MENTION', '2026-11');
    expect(mediaRows.edges.every((e) => e.node.organization.kind === 'EXECUTIVE_BODY')).toBe(true);

    // Decree 3.2 names executive bodies and their subordinates only.
    const widget = (await admin.request(RunComplianceCheckDocument, { rule: 'FEEDBACK_WIDGET', period: '2026-11-30' })).data!
      .runComplianceCheck;
    expect(widget.evaluated).toBeGreaterThan(36);
    expect(widget.missed).toBeGreaterThan(0);
    const widgetRows = await report('FEEDBACK_WIDGET', '2026-11-30');
    expect(widgetRows.totalCount).toBe(widget.evaluated);
    expect(new Set(widgetRows.edges.map((e) => e.node.organization.kind))).toEqual(new Set(['EXECUTIVE_BODY', 'SUBORDINATE']));
    const missing = (await report('FEEDBACK_WIDGET', '2026-11-30', 'MISSED')).edges[0]!.node;
    expect(missing.actual).toBeLessThan(missing.required);
  });
});

describe('exemptions', () => {
  it('turns a miss into EXEMPT at once and keeps it in history; revoking brings the miss back', async () => {
    const missed = (await report('WEEKLY_PLACEMENTS', '2026-W48', 'MISSED')).edges[0]!.node;
    const granted = await admin.request(GrantExemptionDocument, {
      input: {
        organizationId: missed.organization.id,
        rule: 'WEEKLY_PLACEMENTS',
        period: '2026-W48',
        reason: 'Сотрудник пресс-службы на больничном',
      },
    });
    expect(granted.errors).toBeUndefined();
    const history = await admin.request<{ organization: { compliance: unknown[] } }>(
      `query($id: ID!) { organization(id: $id) { compliance(last: 1, rule: WEEKLY_PLACEMENTS) { period status exemption { reason active } } } }`,
      { id: missed.organization.id },
    );
    expect(history.data!.organization.compliance[0]).toEqual({
      period: '2026-W48',
      status: 'EXEMPT',
      exemption: { reason: 'Сотрудник пресс-службы на больничном', active: true },
    });

    const twice = await admin.request(GrantExemptionDocument, {
      input: { organizationId: missed.organization.id, rule: 'WEEKLY_PLACEMENTS', period: '2026-W48', reason: 'Ещё раз' },
    });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);

    const revoked = await admin.request<{ revokeExemption: unknown }>(
      'mutation($id: ID!) { revokeExemption(id: $id) { active revokedBy } }',
      {
        id: granted.data!.grantExemption.id,
      },
    );
    expect(revoked.data!.revokeExemption).toEqual({ active: false, revokedBy: 'test-admin' });
    const back = await admin.request<{ organization: { compliance: { status: string }[] } }>(
      `query($id: ID!) { organization(id: $id) { compliance(last: 1, rule: WEEKLY_PLACEMENTS) { status } } }`,
      { id: missed.organization.id },
    );
    expect(back.data!.organization.compliance[0]!.status).toBe('MISSED');
  });

  it('refuses a period of the wrong kind, no reason, an unknown organization, and non-ADMIN roles', async () => {
    const orgId = (await report('WEEKLY_PLACEMENTS', '2026-W48')).edges[0]!.node.organization.id;
    const base: GrantExemptionInput = { organizationId: orgId, rule: 'WEEKLY_PLACEMENTS', period: '2026-W47', reason: 'Причина' };
    expect((await admin.request(GrantExemptionDocument, { input: { ...base, period: '2026-11' } })).errors![0]!.extensions!.field).toBe(
      'period',
    );
    expect((await admin.request(GrantExemptionDocument, { input: { ...base, reason: '' } })).errors![0]!.extensions!.field).toBe('reason');
    expect(
      errorCodes(
        await admin.request(GrantExemptionDocument, { input: { ...base, organizationId: '00000000-0000-4000-8000-000000000000' } }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.client(await tokenFor('ANALYST')).request(GrantExemptionDocument, { input: base }))).toEqual(['FORBIDDEN']);
    const list = await admin.request<{ exemptions: { id: string }[] }>('{ exemptions(includeRevoked: true) { id } }', {});
    expect(list.data!.exemptions).toHaveLength(1);
  });

  // Security review: the losers of the race hit the unique index and answered INTERNAL_SERVER_ERROR.
  it('grants one of 20 simultaneous identical exemptions; every other answers CONFLICT', async () => {
    const missed = (await report('WEEKLY_PLACEMENTS', '2026-W47', 'MISSED')).edges[0]!.node;
    const input: GrantExemptionInput = {
      organizationId: missed.organization.id,
      rule: 'WEEKLY_PLACEMENTS',
      period: '2026-W47',
      reason: 'Гонка запросов',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => admin.request(GrantExemptionDocument, { input })));
    const granted = answers.filter((a) => !a.errors);
    expect(granted).toHaveLength(1);
    const refusals = answers.filter((a) => a.errors).map((a) => ({ codes: errorCodes(a), message: a.errors![0]!.message }));
    expect(refusals).toHaveLength(19);
    for (const refusal of refusals) expect(refusal).toEqual({ codes: ['CONFLICT'], message: expect.stringMatching(/already exists/) });
    const active = await admin.request<{ exemptions: { id: string; organization: { id: string }; period: string }[] }>(
      '{ exemptions { id organization { id } period } }',
      {},
    );
    expect(active.data!.exemptions.filter((e) => e.organization.id === missed.organization.id && e.period === '2026-W47')).toHaveLength(1);
    // Leave the region as the later tests expect it.
    const revoked = await admin.request('mutation($id: ID!) { revokeExemption(id: $id) { active } }', {
      id: granted[0]!.data!.grantExemption.id,
    });
    expect(revoked.errors).toBeUndefined();
  });
});

describe('exemptions for a range of periods', () => {
  const GRANT = 'mutation($input: GrantExemptionsInput!) { grantExemptions(input: $input) { id period reason } }';
  type Granted = { grantExemptions: { id: string; period: string; reason: string }[] };
  const exemptionsOf = async (organizationId: string) =>
    (
      await admin.request<{ exemptions: { period: string; organization: { id: string } }[] }>(
        '{ exemptions { period organization { id } } }',
        {},
      )
    )
      .data!.exemptions.filter((e) => e.organization.id === organizationId)
      .map((e) => e.period)
      .sort();

  it('grants three weeks at once with one reason, re-evaluates the evaluated one, and refuses an overlapping range whole', async () => {
    const missed = (await report('WEEKLY_PLACEMENTS', '2026-W48', 'MISSED')).edges[1]!.node.organization;
    const input = {
      organizationId: missed.id,
      rule: 'WEEKLY_PLACEMENTS',
      from: '2026-W47',
      until: '2026-W49',
      reason: 'Отпуск специалиста по связям с общественностью',
    };
    const granted = await admin.request<Granted>(GRANT, { input });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantExemptions.map((e) => [e.period, e.reason])).toEqual(
      ['2026-W47', '2026-W48', '2026-W49'].map((p) => [p, input.reason]),
    );
    const history = await admin.request<{ organization: { compliance: { period: string; status: string }[] } }>(
      'query($id: ID!) { organization(id: $id) { compliance(last: 1, rule: WEEKLY_PLACEMENTS) { period status } } }',
      { id: missed.id },
    );
    expect(history.data!.organization.compliance[0]).toEqual({ period: '2026-W48', status: 'EXEMPT' });

    const overlapping = await admin.request<Granted>(GRANT, { input: { ...input, from: '2026-W49', until: '2026-W50' } });
    expect(errorCodes(overlapping)).toEqual(['CONFLICT']);
    expect(overlapping.errors![0]!.message).toContain('2026-W49');
    expect(await exemptionsOf(missed.id)).toEqual(['2026-W47', '2026-W48', '2026-W49']);

    for (const { id } of granted.data!.grantExemptions) {
      expect((await admin.request('mutation($id: ID!) { revokeExemption(id: $id) { id } }', { id })).errors).toBeUndefined();
    }
  });

  it('refuses a range that ends before it starts, one longer than a year, and periods of another kind, storing nothing', async () => {
    const organizationId = (await report('WEEKLY_PLACEMENTS', '2026-W48')).edges[2]!.node.organization.id;
    const base = { organizationId, rule: 'WEEKLY_PLACEMENTS', reason: 'Реорганизация' };
    const refused = async (range: { from: string; until: string }) => {
      const res = await admin.request(GRANT, { input: { ...base, ...range } });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      return res.errors![0]!.extensions!.field;
    };
    expect(await refused({ from: '2026-W48', until: '2026-W46' })).toBe('until');
    expect(await refused({ from: '2025-W01', until: '2026-W10' })).toBe('until');
    expect(await refused({ from: '2026-10', until: '2026-W48' })).toBe('from');
    expect(await refused({ from: '2026-W40', until: '2026-11' })).toBe('until');
    expect(await exemptionsOf(organizationId)).toEqual([]);
  });
});

describe('who may run checks, and bad periods', () => {
  it('lets ANALYST run checks and refuses OPERATOR and HEAD', async () => {
    const analyst = await hub
      .client(await tokenFor('ANALYST'))
      .request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W46' });
    expect(analyst.errors).toBeUndefined();
    const orgId = (await report('WEEKLY_PLACEMENTS', '2026-W48')).edges[0]!.node.organization.id;
    for (const token of [await tokenFor('OPERATOR', orgId), await tokenFor('HEAD', orgId), await tokenFor('EDITOR')]) {
      expect(
        errorCodes(await hub.client(token).request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W46' })),
      ).toEqual(['FORBIDDEN']);
    }
  });

  it.each<[string, RuleCode, string]>([
    ['a malformed period', 'WEEKLY_PLACEMENTS', '2026-W99'],
    ['a future period', 'WEEKLY_PLACEMENTS', '2027-W10'],
    ['a month for a weekly rule', 'WEEKLY_PLACEMENTS', '2026-11'],
    ['a week for the monthly rule', 'MONTHLY_MEDIA_MENTION', '2026-W48'],
    ['a day before the widget deadline', 'FEEDBACK_WIDGET', '2023-06-15'],
  ])('refuses %s', async (_label, rule, period) => {
    type Runs = { complianceRuns: { id: string }[] };
    const runs = (await admin.request<Runs>('{ complianceRuns(first: 500) { id } }', {})).data!.complianceRuns.length;
    const res = await admin.request(RunComplianceCheckDocument, { rule, period });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('period');
    expect((await admin.request<Runs>('{ complianceRuns(first: 500) { id } }', {})).data!.complianceRuns.length).toBe(runs);
  });

  it('filters the report by kind, parent and municipality', async () => {
    const all = (await report('WEEKLY_PLACEMENTS', '2026-W48')).edges.map((e) => e.node);
    const municipality = all.find((r) => r.organization.kind === 'MUNICIPALITY')!.organization.id;
    const filtered = await admin.request<{
      complianceReport: {
        totalCount: number;
        edges: { node: { severity: string; organization: { id: string; kind: string; parent: { id: string } | null } } }[];
      };
    }>(
      `query($m: ID!) { complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, municipalityId: $m, first: 500) {
         totalCount edges { node { severity organization { id kind parent { id } } } } } }`,
      { m: municipality },
    );
    const nodes = filtered.data!.complianceReport.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    for (const n of nodes) {
      expect(n.severity).toBe('RECOMMENDED');
      expect(n.organization.id === municipality || n.organization.parent?.id === municipality).toBe(true);
    }
    const bodies = await admin.request<{ complianceReport: { totalCount: number } }>(
      '{ complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, kind: EXECUTIVE_BODY, first: 500) { totalCount } }',
      {},
    );
    expect(bodies.data!.complianceReport.totalCount).toBeGreaterThanOrEqual(30);
    const parent = nodes.find((n) => n.organization.kind === 'SUBORDINATE')!.organization.parent!.id;
    const children = await admin.request<{ complianceReport: { edges: { node: { organization: { kind: string } } }[] } }>(
      'query($p: ID!) { complianceReport(period: "2026-W48", rule: WEEKLY_PLACEMENTS, parentId: $p, first: 500) { edges { node { organization { kind } } } } }',
      { p: parent },
    );
    expect(children.data!.complianceReport.edges.every((e) => e.node.organization.kind === 'SUBORDINATE')).toBe(true);
  });

  it('keeps OPERATOR and HEAD to their organizations in the report', async () => {
    const someone = (await report('WEEKLY_PLACEMENTS', '2026-W48', 'MISSED')).edges[0]!.node.organization.id;
    const scoped = await hub.client(await tokenFor('HEAD', someone)).request(ComplianceReportDocument, {
      rule: 'WEEKLY_PLACEMENTS',
      period: '2026-W48',
      first: 500,
    });
    expect(scoped.data!.complianceReport.edges.map((e) => e.node.organization.id)).toContain(someone);
    expect(scoped.data!.complianceReport.totalCount).toBeLessThan(20);
  });
});

describe('updating a rule', () => {
  it('changes the threshold from the current period on, never a judged one, ADMIN only, and refuses bad values', async () => {
    expect(
      errorCodes(
        await hub
          .client(await tokenFor('ANALYST'))
          .request('mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { threshold: 2 }) { threshold } }', {}),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      (await admin.request('mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { threshold: -1 }) { threshold } }', {}))
        .errors![0]!.extensions!.field,
    ).toBe('threshold');
    expect(
      (
        await admin.request(
          'mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { timezone: "Mars/Base" }) { threshold } }',
          {},
        )
      ).errors![0]!.extensions!.field,
    ).toBe('timezone');
    const past = await admin.request(
      'mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { threshold: 1, effectiveFrom: "2026-W45" }) { threshold } }',
      {},
    );
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    const updated = await admin.request<{
      updateComplianceRule: {
        threshold: number;
        effectiveFrom: string;
        versions: { effectiveFrom: string; threshold: number; changedBy: string }[];
      };
    }>(
      'mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { threshold: 1 }) { threshold effectiveFrom versions { effectiveFrom threshold changedBy } } }',
      {},
    );
    const rule = updated.data!.updateComplianceRule;
    expect(rule.threshold).toBe(1);
    expect(rule.versions[0]).toMatchObject({ threshold: 3, changedBy: 'system' });
    expect(rule.versions.at(-1)).toEqual({ effectiveFrom: rule.effectiveFrom, threshold: 1, changedBy: 'test-admin' });
    // A week judged before the change is judged again by the version in force for it.
    const run = (await admin.request(RunComplianceCheckDocument, { rule: 'WEEKLY_PLACEMENTS', period: '2026-W45' })).data!
      .runComplianceCheck;
    const row = (await report('WEEKLY_PLACEMENTS', '2026-W45')).edges[0]!.node;
    expect(row.required).toBe(3);
    expect(run.evaluated).toBeGreaterThan(0);
    await admin.request('mutation { updateComplianceRule(code: WEEKLY_PLACEMENTS, input: { threshold: 3 }) { threshold } }', {});
  });
});

describe('this week so far', () => {
  it('lists organizations below 3 this week with what they still need', async () => {
    now = new Date('2026-12-03T01:00:00Z'); // Thursday 11:00
    const res = await admin.request<{
      weekAtRisk: { week: string; placed: number; required: number; remaining: number; atRisk: boolean; organization: { name: string } }[];
    }>('{ weekAtRisk(first: 500) { week placed required remaining atRisk organization { name } } }', {});
    expect(res.errors).toBeUndefined();
    expect(res.data!.weekAtRisk.length).toBeGreaterThan(0);
    for (const p of res.data!.weekAtRisk) {
      expect(p).toMatchObject({ week: '2026-W49', required: 3, atRisk: true });
      expect(p.remaining).toBe(3 - p.placed);
    }
    const behind = res.data!.weekAtRisk[0]!;
    const own = await admin.request<{ organization: { placementCount: number; weekProgress: unknown } }>(
      'query($id: ID!) { organization(id: $id) { placementCount(week: "2026-W49") weekProgress { placed remaining atRisk } } }',
      {
        id: (
          await admin.request<{ weekAtRisk: { organization: { id: string } }[] }>('{ weekAtRisk(first: 1) { organization { id } } }', {})
        ).data!.weekAtRisk[0]!.organization.id,
      },
    );
    expect(own.data!.organization.weekProgress).toEqual({ placed: behind.placed, remaining: behind.remaining, atRisk: true });
    expect(own.data!.organization.placementCount).toBe(behind.placed);
  });

  it("answers a page of organizations' progress from their own placements, the same as the whole week's list", async () => {
    now = new Date('2026-12-03T01:00:00Z');
    const atRisk = (
      await admin.request<{ weekAtRisk: { placed: number; remaining: number; organization: { id: string } }[] }>(
        '{ weekAtRisk(first: 500) { placed remaining organization { id } } }',
        {},
      )
    ).data!.weekAtRisk;
    type Node = {
      id: string;
      kind: string;
      placementCount: number;
      weekProgress: { placed: number; remaining: number; atRisk: boolean } | null;
    };
    const page = (
      await admin.request<{ organizations: { edges: { node: Node }[] } }>(
        '{ organizations(first: 200) { edges { node { id kind placementCount(week: "2026-W49") weekProgress { placed remaining atRisk } } } } }',
        {},
      )
    ).data!.organizations.edges.map((e) => e.node);
    const risky = new Map(atRisk.map((p) => [p.organization.id, p]));
    const measured = page.filter((o) => o.weekProgress);
    expect(measured.length).toBeGreaterThan(50);
    for (const org of page) {
      if (['CONTENT_CENTER', 'COMMITTEE', 'REGIONAL_MANAGEMENT_CENTER'].includes(org.kind)) expect(org.weekProgress).toBeNull();
      if (!org.weekProgress) continue;
      const listed = risky.get(org.id);
      expect({ id: org.id, ...org.weekProgress }).toEqual(
        listed
          ? { id: org.id, placed: listed.placed, remaining: listed.remaining, atRisk: true }
          : { id: org.id, placed: org.weekProgress.placed, remaining: 0, atRisk: false },
      );
      // Counted by the organizations subgraph on its own: the same distinct materials this week.
      expect({ id: org.id, placed: org.weekProgress.placed }).toEqual({ id: org.id, placed: org.placementCount });
      if (!listed) expect(org.weekProgress.placed).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the escalation ladder as data', () => {
  const POLICY =
    '{ escalationPolicy { levels { level minConsecutive mandatoryBodyMinConsecutive recipients } contentCenterRecipients recommendedRecipients suppressWhenParentTold } }';
  const UPDATE =
    'mutation($input: UpdateEscalationPolicyInput!) { updateEscalationPolicy(input: $input) { suppressWhenParentTold levels { level } updatedBy } }';

  it("holds the decree's ladder by default: the body's head from the first miss (docs/DESIGN.md)", async () => {
    const res = await admin.request<{ escalationPolicy: unknown }>(POLICY, {});
    expect(res.data!.escalationPolicy).toEqual({
      levels: [
        { level: 1, minConsecutive: 1, mandatoryBodyMinConsecutive: null, recipients: ['HEAD', 'PARENT_HEAD'] },
        { level: 2, minConsecutive: 2, mandatoryBodyMinConsecutive: null, recipients: ['HEAD', 'PARENT_HEAD', 'PARENT_CONTACT'] },
        {
          level: 3,
          minConsecutive: 3,
          mandatoryBodyMinConsecutive: null,
          recipients: ['HEAD', 'PARENT_HEAD', 'PARENT_CONTACT', 'CUR', 'COMMITTEE'],
        },
      ],
      contentCenterRecipients: ['CONTENT_CENTER', 'COMMITTEE'],
      recommendedRecipients: ['RESPONSIBLE_HEAD'],
      suppressWhenParentTold: false,
    });
  });

  it('lets ADMIN switch on suppression, refuses a ladder that goes backwards, and other roles', async () => {
    type Updated = { updateEscalationPolicy: { suppressWhenParentTold: boolean; levels: { level: number }[]; updatedBy: string } };
    const on = await admin.request<Updated>(UPDATE, { input: { suppressWhenParentTold: true } });
    expect(on.data!.updateEscalationPolicy).toEqual({
      suppressWhenParentTold: true,
      levels: [{ level: 1 }, { level: 2 }, { level: 3 }],
      updatedBy: 'test-admin',
    });
    const backwards = await admin.request(UPDATE, {
      input: {
        levels: [
          { level: 1, minConsecutive: 2, recipients: ['HEAD'] },
          { level: 2, minConsecutive: 1, recipients: ['CUR'] },
        ],
      },
    });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'levels' });
    expect(errorCodes(await hub.client(await tokenFor('ANALYST')).request(UPDATE, { input: { suppressWhenParentTold: false } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await admin.request<Updated>(UPDATE, { input: { suppressWhenParentTold: false } })).data!.updateEscalationPolicy
        .suppressWhenParentTold,
    ).toBe(false);
  });
});
