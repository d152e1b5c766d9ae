// Deterministic demo region (Khabarovsk Krai) used to seed an empty database:
// the coordination organizations, the executive bodies, the 19 municipalities and
// their subordinate institutions, with heads, INNs and official social-network pages.
// Pure: everything is derived from `seed` and `now` (no Math.random, no clock).
import { completeLegalEntityInn } from '@hub/organizations';
import type { OrganizationKind, Platform } from '@hub/common';
import { EXECUTIVE_BODIES } from './bodies.js';
import { MUNICIPALITIES, municipalInstitutions, type SubordinateSpec } from './municipalities.js';
import { pick, stream, uuidFactory, weighted, type Rng } from './random.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, PATRONYMIC_STEMS, SURNAMES, feminineSurname } from './names.js';

export type { OrganizationKind, Platform };

export interface DemoPage {
  id: string; // deterministic UUID (v4 format) derived from the seed
  platform: Platform;
  url: string;
  widgetReportProblemAt: Date | null; // when the "report a problem" widget was placed; null = missing
  widgetShareOpinionAt: Date | null; // when the "share an opinion" widget was placed; null = missing
  verified: boolean; // page has the "Госорганизация" verification mark
}

export interface DemoOrganization {
  id: string; // deterministic UUID (v4 format)
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  parentId: string | null;
  municipalityId: string | null; // SUBORDINATE of a municipality: that municipality; MUNICIPALITY: itself; else null
  inn: string | null; // valid 10-digit legal-entity INN
  head: { fullName: string; position: string; email: string };
  contactEmail: string | null;
  registeredAt: Date;
  pages: DemoPage[];
}

export interface DemoRegion {
  organizations: DemoOrganization[];
}

export const DEMO_EMAIL_DOMAIN = 'khv-region.test';
const DAY_MS = 86_400_000;
const REGISTERED_DAYS_AGO = 91; // 13 weeks
const WIDGETS_FROM = Date.UTC(2023, 4, 1); // 2023-05-01
const WIDGET_DAYS = 153; // 2023-05-01 … 2023-09-30 inclusive

// Tax inspection codes of Khabarovsk Krai used as INN digits 3–4.
const INSPECTION_CODES = ['01', '03', '06', '07', '09', '10', '12', '13', '14', '15', '17', '20', '21', '22', '23', '24'];

function innFactory(rng: Rng): () => string {
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const serial = String(Math.floor(rng() * 100_000)).padStart(5, '0');
      const inn = completeLegalEntityInn(`27${pick(rng, INSPECTION_CODES)}${serial}`);
      if (!seen.has(inn)) {
        seen.add(inn);
        return inn;
      }
    }
  };
}

export function personName(rng: Rng): string {
  const female = rng() < 0.5;
  const surname = pick(rng, SURNAMES);
  const stem = pick(rng, PATRONYMIC_STEMS);
  return female
    ? `${feminineSurname(surname)} ${pick(rng, FEMALE_FIRST_NAMES)} ${stem}на`
    : `${surname} ${pick(rng, MALE_FIRST_NAMES)} ${stem}ич`;
}

// ---------------------------------------------------------------------------
// Pages

type Tier = 'coordination' | 'authority' | 'subordinate';

function pageUrl(platform: Platform, slug: string, okGroupId: () => string): string {
  switch (platform) {
    case 'VK':
      return `https://vk.com/${slug}`;
    case 'OK':
      return `https://ok.ru/group/${okGroupId()}`;
    case 'TELEGRAM':
      return `https://t.me/${slug}`;
    case 'MAX':
      return `https://max.ru/${slug}`;
    case 'GOSPABLIKI':
      return `https://gosuslugi.ru/gospabliki/${slug}`;
    case 'WEBSITE':
      return `https://${slug.replaceAll('_', '-')}.${DEMO_EMAIL_DOMAIN}`;
  }
}

function choosePlatforms(rng: Rng, tier: Tier, fixed?: readonly Platform[]): Platform[] {
  if (fixed) return [...fixed];
  if (tier === 'authority') {
    const third = weighted<Platform | null>(rng, [
      ['OK', 45],
      ['MAX', 35],
      ['WEBSITE', 8],
      [null, 12],
    ]);
    return third ? ['VK', 'TELEGRAM', third] : ['VK', 'TELEGRAM'];
  }
  const platforms: Platform[] = [
    weighted<Platform>(rng, [
      ['VK', 80],
      ['OK', 12],
      ['TELEGRAM', 8],
    ]),
  ];
  const count = weighted(rng, [
    [1, 60],
    [2, 30],
    [3, 10],
  ]);
  while (platforms.length < count) {
    const options = (
      [
        ['VK', 3],
        ['OK', 3],
        ['TELEGRAM', 3],
        ['MAX', 2],
        ['WEBSITE', 1],
        ['GOSPABLIKI', 1],
      ] as const
    ).filter(([p]) => !platforms.includes(p));
    platforms.push(weighted<Platform>(rng, options));
  }
  return platforms;
}

function widgetDate(rng: Rng): Date {
  const day = Math.floor(rng() * WIDGET_DAYS);
  const minute = Math.floor(rng() * 9 * 60); // 00:00–08:59 UTC = 10:00–18:59 in Khabarovsk
  return new Date(WIDGETS_FROM + day * DAY_MS + minute * 60_000);
}

// ---------------------------------------------------------------------------
// Generator

interface OrgDraft {
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  parentId: string | null;
  municipality: 'self' | string | null;
  position: string;
  emailKey: string;
  contact: 'press' | 'info';
  slug: string;
  tier: Tier;
  platforms?: readonly Platform[];
}

export function generateDemoRegion(options: { seed: number; now: Date }): DemoRegion {
  const { seed, now } = options;
  const nextId = uuidFactory(stream(seed, 1));
  const nextInn = innFactory(stream(seed, 2));
  const people = stream(seed, 3);
  const pagesRng = stream(seed, 4);
  const contacts = stream(seed, 5);
  const okIds = new Set<string>();
  const okGroupId = (): string => {
    for (;;) {
      const id = `7000${String(Math.floor(pagesRng() * 1e10)).padStart(10, '0')}`;
      if (!okIds.has(id)) {
        okIds.add(id);
        return id;
      }
    }
  };
  const registeredAtMs = now.getTime() - REGISTERED_DAYS_AGO * DAY_MS;
  const organizations: DemoOrganization[] = [];
  let subordinateNo = 0;

  const add = (draft: OrgDraft): DemoOrganization => {
    const id = nextId();
    const pages: DemoPage[] = choosePlatforms(pagesRng, draft.tier, draft.platforms).map((platform) => {
      let report: Date | null = null;
      let share: Date | null = null;
      const r = draft.tier === 'coordination' ? 0 : pagesRng();
      if (r < 0.85) {
        report = widgetDate(pagesRng);
        share = widgetDate(pagesRng);
      } else if (r < 0.93) {
        if (pagesRng() < 0.5) report = widgetDate(pagesRng);
        else share = widgetDate(pagesRng);
      }
      const verifiedShare = draft.tier === 'coordination' ? 1 : draft.tier === 'authority' ? 0.7 : 0.4;
      const verified = platform !== 'WEBSITE' && pagesRng() < verifiedShare;
      return {
        id: nextId(),
        platform,
        url: pageUrl(platform, draft.slug, okGroupId),
        widgetReportProblemAt: report,
        widgetShareOpinionAt: share,
        verified,
      };
    });
    let contactEmail: string | null = `press.${draft.emailKey}@${DEMO_EMAIL_DOMAIN}`;
    if (draft.contact === 'info') contactEmail = contacts() < 0.75 ? `info.${draft.emailKey}@${DEMO_EMAIL_DOMAIN}` : null;
    const org: DemoOrganization = {
      id,
      name: draft.name,
      shortName: draft.shortName,
      kind: draft.kind,
      parentId: draft.parentId,
      municipalityId: draft.municipality === 'self' ? id : draft.municipality,
      inn: nextInn(),
      head: { fullName: personName(people), position: draft.position, email: `${draft.emailKey}.head@${DEMO_EMAIL_DOMAIN}` },
      contactEmail,
      registeredAt: new Date(registeredAtMs),
      pages,
    };
    organizations.push(org);
    return org;
  };

  const addSubordinates = (
    parent: DemoOrganization,
    parentKey: string,
    specs: readonly SubordinateSpec[],
    municipalityId: string | null,
  ): void => {
    specs.forEach((spec, i) => {
      subordinateNo += 1;
      add({
        name: spec.name,
        shortName: null,
        kind: 'SUBORDINATE',
        parentId: parent.id,
        municipality: municipalityId,
        position: spec.position,
        emailKey: `org${String(subordinateNo).padStart(4, '0')}`,
        contact: 'info',
        slug: `${parentKey}_${spec.type}${i + 1}`,
        tier: 'subordinate',
      });
    });
  };

  // Coordination organizations.
  add({
    name: 'Автономная некоммерческая организация «Открытый регион»',
    shortName: 'АНО «Открытый регион»',
    kind: 'CONTENT_CENTER',
    parentId: null,
    municipality: null,
    position: 'Генеральный директор',
    emailKey: 'openregion',
    contact: 'press',
    slug: 'openregion27',
    tier: 'coordination',
    platforms: ['VK', 'TELEGRAM', 'MAX'],
  });
  add({
    name: 'Комитет по информационной политике и массовым коммуникациям Правительства Хабаровского края',
    shortName: 'Комитет по информационной политике',
    kind: 'COMMITTEE',
    parentId: null,
    municipality: null,
    position: 'Председатель комитета по информационной политике и массовым коммуникациям Правительства Хабаровского края',
    emailKey: 'infopolicy',
    contact: 'press',
    slug: 'infopolicy27',
    tier: 'coordination',
    platforms: ['VK', 'TELEGRAM', 'OK'],
  });
  add({
    name: 'Автономная некоммерческая организация «Центр управления регионом Хабаровского края»',
    shortName: 'АНО «ЦУР Хабаровского края»',
    kind: 'REGIONAL_MANAGEMENT_CENTER',
    parentId: null,
    municipality: null,
    position: 'Руководитель',
    emailKey: 'cur',
    contact: 'press',
    slug: 'cur_khv',
    tier: 'coordination',
    platforms: ['VK', 'TELEGRAM', 'MAX'],
  });

  const bodies = EXECUTIVE_BODIES.map((spec) => ({
    spec,
    org: add({
      name: spec.name,
      shortName: spec.shortName,
      kind: 'EXECUTIVE_BODY',
      parentId: null,
      municipality: null,
      position: spec.headPosition,
      emailKey: spec.key,
      contact: 'press',
      slug: `${spec.key}27`,
      tier: 'authority',
    }),
  }));
  const municipalities = MUNICIPALITIES.map((spec) => ({
    spec,
    org: add({
      name: spec.name,
      shortName: spec.shortName,
      kind: 'MUNICIPALITY',
      parentId: null,
      municipality: 'self',
      position: spec.headPosition,
      emailKey: spec.key,
      contact: 'press',
      slug: `adm_${spec.key}`,
      tier: 'authority',
    }),
  }));

  for (const { spec, org } of bodies) addSubordinates(org, spec.key, spec.subordinates, null);
  for (const { spec, org } of municipalities) addSubordinates(org, spec.key, municipalInstitutions(spec), org.id);

  return { organizations };
}
