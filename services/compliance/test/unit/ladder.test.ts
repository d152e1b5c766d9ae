import { describe, expect, it } from 'vitest';
import { addressesFor, escalationFor, type Address, type Contact, type EscalationPolicy } from '../../src/domain/ladder.js';
import { buildDigests, type EscalatedMiss } from '../../src/domain/digests.js';

/** The default policy (migration 20261205-decree). */
const POLICY: EscalationPolicy = {
  levels: [
    { level: 1, minConsecutive: 1, recipients: ['HEAD', 'PARENT_HEAD'] },
    { level: 2, minConsecutive: 2, recipients: ['HEAD', 'PARENT_HEAD', 'PARENT_CONTACT'] },
    { level: 3, minConsecutive: 3, recipients: ['HEAD', 'PARENT_HEAD', 'PARENT_CONTACT', 'CUR', 'COMMITTEE'] },
  ],
  contentCenterRecipients: ['CONTENT_CENTER', 'COMMITTEE'],
  recommendedRecipients: ['RESPONSIBLE_HEAD'],
  suppressWhenParentTold: false,
};

describe('the escalation ladder (docs/DESIGN.md)', () => {
  it("climbs with the run of mandatory misses, the body's head told from the first", () => {
    const sub = (n: number) =>
      escalationFor(POLICY, { rule: 'WEEKLY_PLACEMENTS', kind: 'SUBORDINATE', severity: 'MANDATORY', consecutiveMisses: n });
    expect(sub(0)).toBeNull();
    expect(sub(1)).toEqual({ level: 1, roles: ['HEAD', 'PARENT_HEAD'] });
    expect(sub(2)?.level).toBe(2);
    expect(sub(3)?.level).toBe(3);
    expect(sub(7)?.roles).toContain('CUR');
  });

  it('keeps a recommended miss at level 1 with its responsible head, however long the run', () => {
    for (const n of [1, 2, 3, 9]) {
      expect(
        escalationFor(POLICY, { rule: 'WEEKLY_PLACEMENTS', kind: 'MUNICIPALITY', severity: 'RECOMMENDED', consecutiveMisses: n }),
      ).toEqual({ level: 1, roles: ['RESPONSIBLE_HEAD'] });
    }
  });

  it('tells the content center of a recipient it shorted, the committee in copy, never the ЦУР', () => {
    expect(
      escalationFor(POLICY, {
        rule: 'CONTENT_CENTER_WEEKLY_SUPPLY',
        kind: 'EXECUTIVE_BODY',
        severity: 'RECOMMENDED',
        consecutiveMisses: 5,
      }),
    ).toEqual({ level: 1, roles: ['CONTENT_CENTER', 'COMMITTEE'] });
  });
});

describe('addresses', () => {
  const c = (id: string, head: string | null, contact: string | null = null): Contact => ({
    id,
    name: id,
    headName: id,
    headEmail: head,
    contactEmail: contact,
  });
  const who = {
    organization: c('school', 'school@x'),
    kind: 'SUBORDINATE' as const,
    parent: c('ministry', 'minister@x', 'press@x'),
    cur: c('cur', 'cur@x'),
    committee: c('com', 'com@x', 'com@x'),
    contentCenter: c('center', 'center@x', 'editors@x'),
  };
  it("writes to the parent's press contact, falling back to its head, without duplicates", () => {
    expect(addressesFor(['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD', 'CUR', 'COMMITTEE'], who).map((a) => a.email)).toEqual([
      'school@x',
      'press@x',
      'minister@x',
      'cur@x',
      'com@x',
    ]);
    expect(addressesFor(['PARENT_CONTACT'], { ...who, parent: c('ministry', 'minister@x') }).map((a) => a.email)).toEqual(['minister@x']);
    expect(addressesFor(['PARENT_HEAD'], { ...who, parent: null })).toEqual([]);
  });

  it("finds the responsible head: a subordinate's parent, a municipality itself", () => {
    expect(addressesFor(['RESPONSIBLE_HEAD'], who).map((a) => a.email)).toEqual(['minister@x']);
    expect(
      addressesFor(['RESPONSIBLE_HEAD'], { ...who, kind: 'MUNICIPALITY', organization: c('town', 'mayor@x'), parent: null }).map(
        (a) => a.email,
      ),
    ).toEqual(['mayor@x']);
  });

  it("writes the supply letter to the content center's head with its editors and the committee in copy", () => {
    expect(addressesFor(['CONTENT_CENTER', 'COMMITTEE'], who)).toEqual([
      { role: 'CONTENT_CENTER', email: 'center@x' },
      { role: 'CONTENT_CENTER', email: 'editors@x', copyOf: 'center@x' },
      { role: 'COMMITTEE', email: 'com@x', copyOf: 'center@x' },
    ]);
  });
});

describe('digests', () => {
  const miss = (org: string, n: number, addresses: [string, string, string?][], period = '2026-W47'): EscalatedMiss => ({
    escalationId: `e-${org}-${period}`,
    organizationId: org,
    organizationName: org,
    parentId: null,
    rule: 'WEEKLY_PLACEMENTS',
    period,
    periodStart: new Date(period === '2026-W47' ? '2026-11-15T14:00:00Z' : '2026-11-08T14:00:00Z'),
    severity: 'MANDATORY',
    decreeItem: '3.1',
    required: 3,
    actual: 1,
    consecutiveMisses: n,
    level: Math.min(n, 3),
    toldCur: n >= 3,
    addresses: addresses.map(([role, email, copyOf]): Address => ({ role: role as never, email, ...(copyOf ? { copyOf } : {}) })),
  });
  const misses = [
    miss('Министерство', 1, [['HEAD', 'minister@x']]),
    miss('Библиотека', 2, [
      ['HEAD', 'lib@x'],
      ['PARENT_CONTACT', 'press@x'],
      ['PARENT_HEAD', 'minister@x'],
    ]),
    miss('Дворец культуры', 3, [
      ['HEAD', 'dk@x'],
      ['PARENT_HEAD', 'minister@x'],
      ['CUR', 'cur@x'],
    ]),
  ];

  it('writes one letter per recipient listing everything that concerns them, longest runs first', () => {
    const digests = buildDigests(misses, [], { suppressWhenParentTold: false });
    expect(digests.map((d) => d.to)).toEqual(['cur@x', 'dk@x', 'lib@x', 'minister@x', 'press@x']);
    const minister = digests.find((d) => d.to === 'minister@x')!;
    expect(minister.items.map((i) => [i.organizationName, i.roles])).toEqual([
      ['Дворец культуры', ['PARENT_HEAD']],
      ['Библиотека', ['PARENT_HEAD']],
      ['Министерство', ['HEAD']],
    ]);
  });

  it("puts a catch-up's past weeks in the same letter as the last one", () => {
    const digests = buildDigests([...misses, miss('Министерство', 1, [['HEAD', 'minister@x']], '2026-W46')], [], {
      suppressWhenParentTold: false,
    });
    expect(digests.filter((d) => d.to === 'minister@x')).toHaveLength(1);
    expect(digests.find((d) => d.to === 'minister@x')!.items.map((i) => i.period)).toEqual([
      '2026-W47',
      '2026-W47',
      '2026-W47',
      '2026-W46',
    ]);
  });

  it("leaves out an organization's own head when the policy says its parent's head is enough", () => {
    const digests = buildDigests(misses, [], { suppressWhenParentTold: true });
    expect(digests.map((d) => d.to)).toEqual(['cur@x', 'minister@x', 'press@x']);
  });

  it('carries copies on their letter, and a resolution to those who heard of the miss', () => {
    const supply = miss('Школа', 1, [
      ['CONTENT_CENTER', 'center@x'],
      ['CONTENT_CENTER', 'editors@x', 'center@x'],
      ['COMMITTEE', 'com@x', 'center@x'],
    ]);
    const resolved = {
      escalationId: 'old',
      organizationId: 'Школа',
      organizationName: 'Школа',
      rule: 'WEEKLY_PLACEMENTS' as const,
      period: '2026-W46',
      recipients: ['center@x', 'nobody@x'],
      nowStatus: 'MET' as const,
    };
    const digests = buildDigests([supply], [resolved], { suppressWhenParentTold: false });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ to: 'center@x', cc: ['com@x', 'editors@x'], resolved: [resolved] });
  });
});
