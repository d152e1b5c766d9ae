import { describe, it, expect } from 'vitest';
import { generateDemoRegion, type DemoOrganization, type Platform } from '../../src/demo/region.js';
import { isValidInn } from '@hub/organizations';

const now = new Date('2024-06-01T03:00:00Z');
const region = generateDemoRegion({ seed: 2024, now });
const orgs = region.organizations;
const pages = orgs.flatMap((o) => o.pages);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOSTS: Record<Platform, (host: string) => boolean> = {
  VK: (h) => h === 'vk.com',
  OK: (h) => h === 'ok.ru',
  TELEGRAM: (h) => h === 't.me',
  MAX: (h) => h === 'max.ru',
  GOSPABLIKI: (h) => h === 'gosuslugi.ru',
  WEBSITE: (h) => h.endsWith('.khv-region.test'),
};

function ofKind(kind: DemoOrganization['kind']): DemoOrganization[] {
  return orgs.filter((o) => o.kind === kind);
}

function expectUnique(values: readonly string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

describe('generateDemoRegion', () => {
  it('is deterministic for the same seed and now', () => {
    expect(generateDemoRegion({ seed: 2024, now })).toEqual(region);
  });

  it('changes ids (but not the real bodies) with a different seed', () => {
    const other = generateDemoRegion({ seed: 7, now }).organizations;
    expect(other.length).toBe(orgs.length);
    expect(other.map((o) => o.id)).not.toEqual(orgs.map((o) => o.id));
    expect(other[0]!.id).not.toBe(orgs[0]!.id);
    expect(other.filter((o) => o.kind !== 'SUBORDINATE').map((o) => o.name)).toEqual(
      orgs.filter((o) => o.kind !== 'SUBORDINATE').map((o) => o.name),
    );
  });

  it('has the expected number of organizations of each kind', () => {
    expect(ofKind('EXECUTIVE_BODY').length).toBeGreaterThanOrEqual(30);
    expect(ofKind('MUNICIPALITY')).toHaveLength(19);
    expect(ofKind('SUBORDINATE').length).toBeGreaterThanOrEqual(300);
    expect(ofKind('CONTENT_CENTER')).toHaveLength(1);
    expect(ofKind('COMMITTEE')).toHaveLength(1);
    expect(ofKind('REGIONAL_MANAGEMENT_CENTER')).toHaveLength(1);
    expect(ofKind('CONTENT_CENTER')[0]!.shortName).toBe('АНО «Открытый регион»');
    for (const o of orgs.filter((x) => x.kind !== 'SUBORDINATE')) expect(o.parentId).toBeNull();
  });

  it('lists parents before their children; subordinates belong to bodies or municipalities', () => {
    const position = new Map(orgs.map((o, i) => [o.id, i]));
    const byId = new Map(orgs.map((o) => [o.id, o]));
    orgs.forEach((o, i) => {
      if (o.parentId === null) return;
      expect(position.get(o.parentId)).toBeLessThan(i);
    });
    for (const sub of ofKind('SUBORDINATE')) {
      const parent = byId.get(sub.parentId!);
      expect(['EXECUTIVE_BODY', 'MUNICIPALITY']).toContain(parent?.kind);
      expect(sub.municipalityId).toBe(parent?.kind === 'MUNICIPALITY' ? parent.id : null);
    }
    for (const m of ofKind('MUNICIPALITY')) expect(m.municipalityId).toBe(m.id);
  });

  it('has unique ids, names, INNs, head e-mails and page URLs', () => {
    expectUnique([...orgs.map((o) => o.id), ...pages.map((p) => p.id)]);
    expectUnique(orgs.map((o) => o.name));
    expectUnique(orgs.map((o) => o.inn ?? ''));
    expectUnique(orgs.map((o) => o.head.email));
    expectUnique(pages.map((p) => p.url));
    for (const id of [...orgs.map((o) => o.id), ...pages.map((p) => p.id)]) expect(id).toMatch(UUID_V4);
  });

  it('uses valid Khabarovsk Krai INNs and test-domain e-mails only', () => {
    for (const o of orgs) {
      expect(o.inn).not.toBeNull();
      expect(isValidInn(o.inn!)).toBe(true);
      expect(o.inn).toMatch(/^27\d{8}$/);
      expect(o.head.email).toMatch(/^[a-z0-9._-]+@khv-region\.test$/);
      if (o.contactEmail !== null) expect(o.contactEmail).toMatch(/^[a-z0-9._-]+@khv-region\.test$/);
      expect(o.head.fullName.split(' ')).toHaveLength(3);
    }
  });

  it('gives each organization 1–3 pages, one per platform, on the matching host', () => {
    for (const o of orgs) {
      expect(o.pages.length).toBeGreaterThanOrEqual(1);
      expect(o.pages.length).toBeLessThanOrEqual(3);
      expectUnique(o.pages.map((p) => p.platform));
      for (const p of o.pages) {
        const url = new URL(p.url);
        expect(url.protocol).toBe('https:');
        expect(HOSTS[p.platform](url.hostname)).toBe(true);
        if (p.platform === 'WEBSITE') expect(p.verified).toBe(false);
      }
    }
  });

  it('places feedback widgets in summer 2023, always on coordination pages', () => {
    const from = Date.UTC(2023, 4, 1);
    const to = Date.UTC(2023, 9, 1);
    for (const p of pages) {
      for (const d of [p.widgetReportProblemAt, p.widgetShareOpinionAt]) {
        if (d === null) continue;
        expect(d.getTime()).toBeGreaterThanOrEqual(from);
        expect(d.getTime()).toBeLessThan(to);
      }
    }
    const coordination = orgs.filter((o) => ['CONTENT_CENTER', 'COMMITTEE', 'REGIONAL_MANAGEMENT_CENTER'].includes(o.kind));
    for (const p of coordination.flatMap((o) => o.pages)) {
      expect(p.widgetReportProblemAt).not.toBeNull();
      expect(p.widgetShareOpinionAt).not.toBeNull();
    }
    const both = pages.filter((p) => p.widgetReportProblemAt && p.widgetShareOpinionAt).length / pages.length;
    const none = pages.filter((p) => !p.widgetReportProblemAt && !p.widgetShareOpinionAt).length / pages.length;
    expect(both).toBeGreaterThan(0.75);
    expect(none).toBeGreaterThan(0.02);
    expect(none).toBeLessThan(0.15);
  });

  it('registers every organization 91 days before now', () => {
    const expected = now.getTime() - 91 * 86_400_000;
    for (const o of orgs) expect(o.registeredAt.getTime()).toBe(expected);
  });
});
