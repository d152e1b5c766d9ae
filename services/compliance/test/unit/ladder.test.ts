import { describe, expect, it } from 'vitest';
import { addressesFor, escalationFor, type Contact, type EscalationPolicy } from '../../src/domain/ladder.js';
import { buildDigests, type EscalatedMiss } from '../../src/domain/digests.js';

const POLICY: EscalationPolicy = {
  levels: [
    { level: 1, minConsecutive: 1, recipients: ['HEAD', 'PARENT_CONTACT'] },
    { level: 2, minConsecutive: 2, recipients: ['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD'] },
    { level: 3, minConsecutive: 3, mandatoryBodyMinConsecutive: 2, recipients: ['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD', 'CUR', 'COMMITTEE'] },
  ],
  contentCenterRecipients: ['COMMITTEE', 'CUR'],
  suppressWhenParentTold: false,
};

describe('the escalation ladder (DESIGN)', () => {
  it('climbs with the run of misses', () => {
    const sub = (n: number) => escalationFor(POLICY, { kind: 'SUBORDINATE', severity: 'MANDATORY', consecutiveMisses: n });
    expect(sub(0)).toBeNull();
    expect(sub(1)?.level).toBe(1);
    expect(sub(2)?.level).toBe(2);
    expect(sub(3)?.level).toBe(3);
    expect(sub(7)?.roles).toContain('CUR');
  });

  it('takes a mandatory body\'s own second miss straight to the ЦУР, not a municipality\'s', () => {
    expect(escalationFor(POLICY, { kind: 'EXECUTIVE_BODY', severity: 'MANDATORY', consecutiveMisses: 2 })?.level).toBe(3);
    expect(escalationFor(POLICY, { kind: 'MUNICIPALITY', severity: 'RECOMMENDED', consecutiveMisses: 2 })?.level).toBe(2);
  });

  it('sends the content center\'s own miss to the committee and the ЦУР', () => {
    expect(escalationFor(POLICY, { kind: 'CONTENT_CENTER', severity: 'MANDATORY', consecutiveMisses: 1 })).toEqual({ level: 1, roles: ['COMMITTEE', 'CUR'] });
  });
});

describe('addresses', () => {
  const c = (id: string, head: string | null, contact: string | null = null): Contact => ({ id, name: id, headName: id, headEmail: head, contactEmail: contact });
  it('writes to the parent\'s press contact, falling back to its head, without duplicates', () => {
    const who = { organization: c('school', 'school@x'), parent: c('ministry', 'minister@x', 'press@x'), cur: c('cur', 'cur@x'), committee: c('com', 'com@x', 'com@x') };
    expect(addressesFor(['HEAD', 'PARENT_CONTACT', 'PARENT_HEAD', 'CUR', 'COMMITTEE'], who).map((a) => a.email)).toEqual(['school@x', 'press@x', 'minister@x', 'cur@x', 'com@x']);
    expect(addressesFor(['PARENT_CONTACT'], { ...who, parent: c('ministry', 'minister@x') }).map((a) => a.email)).toEqual(['minister@x']);
    expect(addressesFor(['PARENT_HEAD'], { ...who, parent: null })).toEqual([]);
  });
});

describe('digests', () => {
  const miss = (org: string, n: number, recipients: [string, string][]): EscalatedMiss => ({
    escalationId: `e-${org}`, organizationId: org, organizationName: org, parentId: null, required: 3, actual: 1,
    consecutiveMisses: n, level: Math.min(n, 3), toldCur: n >= 3, recipients: recipients.map(([role, email]) => ({ role: role as never, email })),
  });
  const misses = [
    miss('Министерство', 1, [['HEAD', 'minister@x']]),
    miss('Библиотека', 2, [['HEAD', 'lib@x'], ['PARENT_CONTACT', 'press@x'], ['PARENT_HEAD', 'minister@x']]),
    miss('Дворец культуры', 3, [['HEAD', 'dk@x'], ['PARENT_HEAD', 'minister@x'], ['CUR', 'cur@x']]),
  ];

  it('writes one letter per recipient listing everything that concerns them, longest runs first', () => {
    const digests = buildDigests(misses, { suppressWhenParentTold: false });
    expect(digests.map((d) => d.to)).toEqual(['cur@x', 'dk@x', 'lib@x', 'minister@x', 'press@x']);
    expect(digests.find((d) => d.to === 'minister@x')!.items.map((i) => i.organizationName)).toEqual(['Дворец культуры', 'Библиотека', 'Министерство']);
  });

  it('leaves out an organization\'s own head when the policy says its parent\'s head is enough', () => {
    const digests = buildDigests(misses, { suppressWhenParentTold: true });
    expect(digests.map((d) => d.to)).toEqual(['cur@x', 'minister@x', 'press@x']);
  });
});
