import fc from 'fast-check';
import { tryParsePeriod } from '@hub/common';
import { tokenFor } from '@hub/common/testing';
import {
  hostileBool,
  hostileDateTime,
  hostileEmail,
  hostileEnum,
  hostileId,
  hostileInn,
  hostileInt,
  hostileList,
  hostileObject,
  hostilePeriod,
  hostileString,
  hostileText,
  hostileUrl,
  hugeUuidList,
} from './arbitraries.js';
import { approvedMaterial, createMaterial, type HeadInput } from './fixtures.js';
import { asInstant, bodyText, email, instantSent, sameUrls, trimmed, unique } from './normalization.js';
import { DIRECTOR, markLettersSent, registerSubordinate } from './region.js';

/**
 * One property per Mutation field of the supergraph. Each run starts from a
 * valid call (made fresh where a success would use its target up) and replaces one or two of its
 * variables, named by path ("input.0.url"), with hostile values. tests/property-inputs.e2e.test.ts
 * fails on a mutation without a property.
 */

export type Vars = Record<string, unknown>;
/** SYSTEM: the hub's own service identity (monitoring), for the mutations only it may call. */
export type Caller = 'ADMIN' | 'OPERATOR' | 'SYSTEM';

/** One level of the escalation ladder, as `escalationPolicy` answers it. */
export type EscalationLevel = { level: number; minConsecutive: number; mandatoryBodyMinConsecutive: number | null; recipients: string[] };

/** What beforeAll builds through the gateway as ADMIN on the demo region. */
export interface Fixtures {
  now: Date;
  /** The last complete week, evaluated. */
  week: string;
  /** The OPERATOR's organization, one of its subordinates, and a subordinate of another municipality. */
  municipality: string;
  subordinate: string;
  other: string;
  /** Distributed to the municipality at `now`. */
  material: string;
  draft: string;
  /** A Telegram channel of the subordinate, and one of `other`. */
  page: string;
  otherPage: string;
  /** A subordinate of the municipality to rename. */
  organization: string;
  /** A letter of the week's check, marked sent. */
  notification: string;
  policy: { levels: EscalationLevel[]; contentCenterRecipients: string[]; suppressWhenParentTold: boolean };
  /** MONTHLY_MEDIA_MENTION as the demo stores it (no zone: the hub's). */
  rule: { threshold: number; deadline: string | null; timezone: string | null };
  /** The hub's time zone. */
  timezone: string;
}

/** What a property may do besides the call under test: ADMIN calls and SQL, and a number unique to the run. */
export interface Harness {
  f: Fixtures;
  run: number;
  /** An ADMIN call that must succeed: its data, of the type the caller says the document selects. */
  admin<T = unknown>(document: string, variables?: Vars): Promise<T>;
  /** The rows, of the type the caller says the statement selects. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Where `admin` calls, and with what token, for the shared fixtures (support/fixtures.ts, support/region.ts). */
  gatewayUrl: string;
  adminToken: string;
}

/** After a success: what was stored, read back, and what the documented normalization of the sent input gives. */
export interface Stored {
  actual: unknown;
  expected: unknown;
}

export interface InputProperty {
  document: string;
  /** Who calls it: ADMIN, and OPERATOR where the role changes what is allowed. */
  callers: readonly Caller[];
  valid(h: Harness): Promise<Vars> | Vars;
  hostile: Record<string, fc.Arbitrary<unknown>>;
  /**
   * `changed`: the call wrote something (a duplicate report is a success that stores nothing).
   * Each property types `sent` as the variables a call that succeeded sent, and `data` as what its document selects.
   */
  stored?(h: Harness, sent: Vars, data: unknown, changed: boolean): Promise<Stored | null>;
  /**
   * Asked before the call, for a mutation whose repeat is a documented duplicate: whether a success
   * must write something. True unless the call only repeats what is stored; a duplicate must write nothing.
   */
  fresh?(h: Harness, sent: Vars): Promise<boolean>;
  /** Puts back a shared setting a success changed. */
  restore?(h: Harness): Promise<void>;
}

const ADMIN: readonly Caller[] = ['ADMIN'];
const REPORTERS: readonly Caller[] = ['ADMIN', 'OPERATOR'];
const iso = (date: Date) => date.toISOString();
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A week no check evaluated, unique to the run, for an exemption nothing else holds. */
const freshWeek = (run: number) => `${2000 + Math.floor(run / 50)}-W${pad2((run % 50) + 1)}`;
/** Two consecutive weeks no other run uses, in years freshWeek does not reach. */
const freshWeeks = (run: number): [string, string] => {
  const year = 1900 + Math.floor(run / 25);
  const week = (run % 25) * 2 + 1;
  return [`${year}-W${pad2(week)}`, `${year}-W${pad2(week + 1)}`];
};

/**
 * Free text as the hub stores it (normalizeText, services/common/src/validation.ts): composed (NFC),
 * without zero-width characters (a joiner inside an emoji sequence aside) or bidi controls, trimmed.
 */
const INVISIBLE =
  /[\u200b\u200c\u2060\ufeff]|(?<!\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const cleaned = (value: string) => trimmed(value.normalize('NFC').replace(INVISIBLE, '').replace(BIDI_CONTROLS, ''));
/** An official page's address as stored: typed without invisible characters, and a platform's page as https. */
const pageAddress = (url: string) => sameUrls([cleaned(url).replace(/^http:/i, 'https:')]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * Which article a media publication is, as decree 3.3 counts them (publications, not reports): its
 * address without www., query, fragment or trailing slash, case aside; for print and broadcast, the
 * outlet with the issue reference, case and spacing aside. Null when it names neither.
 */
function article(p: { outlet?: unknown; url?: unknown; issueReference?: unknown }): string | null {
  if (typeof p.url === 'string' && p.url) {
    try {
      const url = new URL(p.url.trim());
      return `url ${url.hostname.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
    } catch {
      return null;
    }
  }
  if (typeof p.issueReference === 'string' && p.issueReference && typeof p.outlet === 'string') {
    const norm = (text: string) => cleaned(text).toLowerCase().replace(/\s+/g, ' ');
    return `issue ${norm(p.outlet)} | ${norm(p.issueReference)}`;
  }
  return null;
}

const MATERIAL_READ = `query($id: ID!) { material(id: $id) {
  status title body summary topic hashtags mediaLinks placementWindow { from until } withdrawalReason audience { kinds organizationIds } } }`;
const ORGANIZATION_READ = `query($id: ID!) { organization(id: $id) {
  name shortName kind inn contactEmail active deactivationReason parent { id } head { fullName position email } } }`;
const PAGES_READ =
  'query($id: ID!) { organization(id: $id) { pages { id platform url verified platformId feedbackWidgets { form placedAt } crawl { lastCrawledAt } } } }';

type PlacementWindow = { from: string | null; until: string | null };
/** A material as MATERIAL_READ selects it. */
type MaterialRead = {
  status: string;
  title: string;
  body: string;
  summary: string | null;
  topic: string;
  hashtags: string[];
  mediaLinks: string[];
  placementWindow: PlacementWindow | null;
  withdrawalReason: string | null;
  audience: { kinds: string[]; organizationIds: string[] };
};
/** A material's content as a call that succeeded sent it (an edit sends only some fields). */
type MaterialContentInput = {
  title: string;
  body: string;
  summary: string | null;
  topic: string;
  hashtags: string[] | null;
  mediaLinks: string[] | null;
  placementWindow: { from?: string | null; until?: string | null } | null;
};
/** An organization as ORGANIZATION_READ selects it. */
type OrganizationRead = {
  name: string;
  shortName: string | null;
  kind: string;
  inn: string | null;
  contactEmail: string | null;
  active: boolean;
  deactivationReason: string | null;
  parent: { id: string } | null;
  head: HeadInput;
};
/** An organization's fields as a call that succeeded sent them (an edit sends only some). */
type OrganizationInput = {
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  inn: string | null;
  contactEmail: string | null;
  head: HeadInput;
};
/** An official page as PAGES_READ selects it. */
type PageRead = {
  id: string;
  platform: string;
  url: string;
  verified: boolean;
  platformId: string | null;
  feedbackWidgets: { form: string; placedAt: string }[];
  crawl: { lastCrawledAt: string | null } | null;
};
/** A methodological note as NOTE_READ selects it. */
type NoteRow = {
  text: string;
  material_id: string | null;
  topic: string | null;
  week: string | null;
  answered_at: Date | null;
  answer: string | null;
};
/** What a mutation answering only the id of what it touched selects. */
type Touched<Field extends string> = { [F in Field]: { id: string } };

const draftInput = (h: Harness) => ({ title: `Свойства входа: черновик ${h.run}`, body: 'Текст материала.', topic: 'SOCIAL' });
const approved = (h: Harness) => approvedMaterial(h.gatewayUrl, h.adminToken, draftInput(h));
/** A draft of another editor, for ADMIN to approve: an author may not approve its own (four eyes). */
const othersDraft = async (h: Harness) => createMaterial(h.gatewayUrl, await tokenFor('EDITOR', null, '1h', 'test-author'), draftInput(h));

const NOTE_READ = 'select text, material_id, topic, week, answered_at, answer from content.methodological_note where id = $1';
async function note(h: Harness): Promise<string> {
  const data = await h.admin<Touched<'addMethodologicalNote'>>(
    'mutation($input: MethodologicalNoteInput!) { addMethodologicalNote(input: $input) { id } }',
    {
      input: { text: `Свойства входа: замечание для ответа ${h.run}`, topic: 'SOCIAL' },
    },
  );
  return data.addMethodologicalNote.id;
}

async function exemption(h: Harness): Promise<string> {
  const data = await h.admin<Touched<'grantExemption'>>('mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id } }', {
    input: { organizationId: h.f.subordinate, rule: 'WEEKLY_PLACEMENTS', period: freshWeek(h.run), reason: 'Реорганизация учреждения' },
  });
  return data.grantExemption.id;
}

const subordinate = (h: Harness) =>
  registerSubordinate(h.gatewayUrl, h.adminToken, h.f.municipality, `Свойства входа: учреждение ${h.run}`);

async function channel(h: Harness, name: string): Promise<{ id: string; url: string }> {
  const url = `https://t.me/${name}`;
  const data = await h.admin<Touched<'addOfficialPage'>>(
    'mutation($input: AddOfficialPageInput!) { addOfficialPage(input: $input) { id } }',
    {
      input: { organizationId: h.f.subordinate, platform: 'TELEGRAM', url },
    },
  );
  return { id: data.addOfficialPage.id, url };
}

/** A placement of the fixtures' material on a new channel of the subordinate, reported as ADMIN at `now`. */
async function reportedPlacement(h: Harness, name: string): Promise<{ id: string; url: string }> {
  const page = await channel(h, name);
  const data = await h.admin<{ reportPlacements: { placements: { id: string }[] } }>(
    'mutation($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) { placements { id } } }',
    {
      input: [{ materialId: h.f.material, pageId: page.id, url: `${page.url}/1`, publishedAt: iso(h.f.now) }],
    },
  );
  return { id: data.reportPlacements.placements[0]!.id, url: page.url };
}

/** The material's content as stored, against the sent input's fields (only those sent, for an edit). */
async function materialContent(h: Harness, id: string, input: Partial<MaterialContentInput>): Promise<Stored> {
  const { material } = await h.admin<{ material: MaterialRead }>(MATERIAL_READ, { id });
  const window = (w: MaterialContentInput['placementWindow'] | undefined) => ({
    from: w?.from ? w.from : null,
    until: w?.until ? w.until : null,
  });
  const normalize: {
    [K in keyof MaterialContentInput]: [(stored: MaterialRead[K]) => unknown, (sent: MaterialContentInput[K]) => unknown];
  } = {
    title: [(v) => v, cleaned],
    body: [(v) => v, (v) => bodyText(cleaned(v))],
    summary: [(v) => v, (v) => (v == null ? null : cleaned(v))],
    topic: [(v) => v, (v) => v],
    hashtags: [(v) => v, (v) => unique((v ?? []).map((t) => t.trim().replace(/^#+/, '')))],
    mediaLinks: [sameUrls, (v) => sameUrls(v ?? [])],
    placementWindow: [
      (v) => {
        const w = window(v);
        return { from: asInstant(w.from), until: asInstant(w.until) };
      },
      (v) => {
        const w = window(v);
        return { from: instantSent(w.from), until: instantSent(w.until) };
      },
    ],
  };
  const keys = Object.keys(input).filter((k): k is keyof MaterialContentInput => k in normalize);
  // Each key's normalizers take that key's values (a function of its own, for TypeScript to follow the key).
  const actual = <K extends keyof MaterialContentInput>(k: K) => normalize[k][0](material[k]);
  const expected = <K extends keyof MaterialContentInput>(k: K) => normalize[k][1](input[k] as MaterialContentInput[K]);
  return {
    actual: Object.fromEntries(keys.map((k) => [k, actual(k)])),
    expected: Object.fromEntries(keys.map((k) => [k, expected(k)])),
  };
}

const materialInputHostiles = {
  'input.title': hostileString,
  'input.body': hostileString,
  'input.summary': hostileString,
  'input.topic': hostileEnum,
  'input.hashtags': hostileList(fc.oneof(hostileText, fc.constantFrom('#тег', '##', 'два слова', 'a'.repeat(51))), 'культура'),
  'input.mediaLinks': hostileList(hostileUrl, 'https://khv.gov.ru/img/1.jpg'),
  'input.placementWindow.from': hostileDateTime,
  'input.placementWindow.until': hostileDateTime,
  input: hostileObject,
};

const personExpected = (head: HeadInput) => ({
  fullName: cleaned(head.fullName),
  position: cleaned(head.position),
  email: email(head.email),
});

/** The organization as stored, against the sent input's fields (only those sent, for an edit). */
async function organizationContent(h: Harness, id: string, input: Partial<OrganizationInput>): Promise<Stored> {
  const { organization: o } = await h.admin<{ organization: OrganizationRead }>(ORGANIZATION_READ, { id });
  const fields: { [K in keyof OrganizationInput]: [unknown, (sent: OrganizationInput[K]) => unknown] } = {
    name: [o.name, cleaned],
    shortName: [o.shortName, (v) => (v == null ? null : cleaned(v))],
    kind: [o.kind, (v) => v],
    parentId: [o.parent?.id ?? null, (v) => v ?? null],
    inn: [o.inn, (v) => (v == null ? null : trimmed(v))],
    contactEmail: [o.contactEmail, (v) => (v == null ? null : email(v))],
    head: [o.head, personExpected],
  };
  const keys = Object.keys(input).filter((k): k is keyof OrganizationInput => k in fields);
  const expected = <K extends keyof OrganizationInput>(k: K) => fields[k][1](input[k] as OrganizationInput[K]);
  return {
    actual: Object.fromEntries(keys.map((k) => [k, fields[k][0]])),
    expected: Object.fromEntries(keys.map((k) => [k, expected(k)])),
  };
}

async function page(h: Harness, organizationId: string, pageId: string): Promise<PageRead> {
  const { organization } = await h.admin<{ organization: { pages: PageRead[] } }>(PAGES_READ, { id: organizationId });
  return organization.pages.find((p) => p.id === pageId)!;
}

export function inputProperties(f: Fixtures): Record<string, InputProperty> {
  const pageOwner = (pageId: string) => (pageId === f.otherPage ? f.other : f.subordinate);
  return {
    'Mutation.runComplianceCheck': {
      document: 'mutation($rule: RuleCode!, $period: String!) { runComplianceCheck(rule: $rule, period: $period) { status } }',
      callers: ADMIN,
      valid: () => ({ rule: 'CONTENT_CENTER_WEEKLY_SUPPLY', period: f.week }),
      hostile: { rule: hostileEnum, period: hostilePeriod },
      // A run that failed inside is recorded and answered as FAILED: an internal error in disguise.
      stored: async (_h, _sent, data: { runComplianceCheck: { status: string } }) => ({
        actual: data.runComplianceCheck.status,
        expected: 'SUCCEEDED',
      }),
    },
    'Mutation.grantExemption': {
      document: 'mutation($input: GrantExemptionInput!) { grantExemption(input: $input) { id period } }',
      callers: ADMIN,
      valid: (h) => ({
        input: { organizationId: f.subordinate, rule: 'WEEKLY_PLACEMENTS', period: freshWeek(h.run), reason: 'Реорганизация учреждения' },
      }),
      hostile: {
        'input.organizationId': hostileId([f.page, f.material]),
        'input.rule': hostileEnum,
        'input.period': hostilePeriod,
        'input.reason': hostileString,
        'input.expiresAt': hostileDateTime,
        input: hostileObject,
      },
      stored: async (
        h,
        sent: { input: { organizationId: string; reason: string; expiresAt?: string | null } },
        data: { grantExemption: { id: string; period: string } },
      ) => {
        const { id, period } = data.grantExemption;
        const { exemptions } = await h.admin<{
          exemptions: { id: string; reason: string; expiresAt: string | null; organization: { id: string } }[];
        }>('query($p: String) { exemptions(period: $p, includeRevoked: true) { id reason expiresAt organization { id } } }', { p: period });
        const stored = exemptions.find((e) => e.id === id)!;
        return {
          actual: { organizationId: stored.organization.id, reason: stored.reason, expiresAt: asInstant(stored.expiresAt) },
          expected: {
            organizationId: sent.input.organizationId,
            reason: cleaned(sent.input.reason),
            expiresAt: instantSent(sent.input.expiresAt),
          },
        };
      },
    },
    'Mutation.grantExemptions': {
      document: 'mutation($input: GrantExemptionsInput!) { grantExemptions(input: $input) { id period } }',
      callers: ADMIN,
      valid: (h) => {
        const [from, until] = freshWeeks(h.run);
        return { input: { organizationId: f.subordinate, rule: 'WEEKLY_PLACEMENTS', from, until, reason: 'Отпуск специалиста' } };
      },
      hostile: {
        'input.organizationId': hostileId([f.page, f.material]),
        'input.rule': hostileEnum,
        'input.from': hostilePeriod,
        'input.until': hostilePeriod,
        'input.reason': hostileString,
        'input.expiresAt': hostileDateTime,
        input: hostileObject,
      },
      stored: async (
        h,
        sent: { input: { organizationId: string; from: string; until: string; reason: string } },
        data: { grantExemptions: { id: string; period: string }[] },
      ) => {
        const stored = [];
        for (const { id, period } of data.grantExemptions) {
          const { exemptions } = await h.admin<{ exemptions: { id: string; reason: string; organization: { id: string } }[] }>(
            'query($p: String) { exemptions(period: $p, includeRevoked: true) { id reason organization { id } } }',
            { p: period },
          );
          const found = exemptions.find((e) => e.id === id)!;
          stored.push({ period, organizationId: found.organization.id, reason: found.reason });
        }
        return {
          actual: stored,
          expected: [sent.input.from, sent.input.until].map((period) => ({
            period,
            organizationId: sent.input.organizationId,
            reason: cleaned(sent.input.reason),
          })),
        };
      },
    },
    'Mutation.revokeExemption': {
      document: 'mutation($id: ID!) { revokeExemption(id: $id) { active } }',
      callers: ADMIN,
      valid: async (h) => ({ id: await exemption(h) }),
      hostile: { id: hostileId([f.subordinate, f.material]) },
      stored: async (_h, _sent, data: { revokeExemption: { active: boolean } }) => ({
        actual: data.revokeExemption.active,
        expected: false,
      }),
    },
    'Mutation.updateEscalationPolicy': {
      document: 'mutation($input: UpdateEscalationPolicyInput!) { updateEscalationPolicy(input: $input) { updatedBy } }',
      callers: ADMIN,
      valid: () => ({ input: structuredClone(f.policy) }),
      hostile: {
        'input.levels': hostileList(
          fc.constantFrom<unknown>({}, { level: 1 }, { level: 1, minConsecutive: 1, recipients: [] }, 'HEAD'),
          null,
        ),
        'input.levels.0.level': hostileInt,
        'input.levels.0.minConsecutive': hostileInt,
        'input.levels.0.mandatoryBodyMinConsecutive': hostileInt,
        'input.levels.0.recipients': hostileList(hostileEnum, 'HEAD'),
        'input.contentCenterRecipients': hostileList(hostileEnum, 'CUR'),
        'input.suppressWhenParentTold': hostileBool,
        input: hostileObject,
      },
      stored: async (
        h,
        sent: {
          input: {
            levels?: (Omit<EscalationLevel, 'mandatoryBodyMinConsecutive'> & { mandatoryBodyMinConsecutive?: number | null })[] | null;
            contentCenterRecipients?: string[] | null;
            suppressWhenParentTold?: boolean | null;
          };
        },
      ) => {
        const { escalationPolicy } = await h.admin<{ escalationPolicy: Fixtures['policy'] }>(`{ escalationPolicy {
          levels { level minConsecutive mandatoryBodyMinConsecutive recipients } contentCenterRecipients suppressWhenParentTold } }`);
        // Only the fields given change (restore() put the demo's policy back after the last run).
        const { levels, contentCenterRecipients, suppressWhenParentTold } = sent.input;
        return {
          actual: escalationPolicy,
          expected: {
            levels: levels?.map((l) => ({ ...l, mandatoryBodyMinConsecutive: l.mandatoryBodyMinConsecutive ?? null })) ?? f.policy.levels,
            contentCenterRecipients: contentCenterRecipients ?? f.policy.contentCenterRecipients,
            suppressWhenParentTold: suppressWhenParentTold ?? f.policy.suppressWhenParentTold,
          },
        };
      },
      restore: async (h) => {
        await h.admin('mutation($input: UpdateEscalationPolicyInput!) { updateEscalationPolicy(input: $input) { updatedBy } }', {
          input: f.policy,
        });
      },
    },
    'Mutation.resendNotification': {
      document: 'mutation($id: ID!) { resendNotification(id: $id) { status } }',
      callers: ADMIN,
      valid: async (h) => {
        await markLettersSent(h.sql, [f.notification], f.now);
        return { id: f.notification };
      },
      hostile: { id: hostileId([f.subordinate, f.material]) },
      stored: async (_h, _sent, data: { resendNotification: { status: string } }) => ({
        actual: data.resendNotification.status,
        expected: 'PENDING',
      }),
    },
    'Mutation.updateComplianceRule': {
      document:
        'mutation($code: RuleCode!, $input: UpdateComplianceRuleInput!) { updateComplianceRule(code: $code, input: $input) { code } }',
      callers: ADMIN,
      valid: () => ({ code: 'MONTHLY_MEDIA_MENTION', input: { threshold: f.rule.threshold + 1 } }),
      hostile: {
        code: hostileEnum,
        'input.threshold': hostileInt,
        'input.enabled': hostileBool,
        'input.deadline': fc.oneof(hostilePeriod, hostileDateTime),
        // A change never reaches back before the current period; a malformed or past one is refused.
        'input.effectiveFrom': fc.oneof(hostilePeriod, fc.constantFrom<unknown>('2020-01', '2026-10', '2023-06')),
        'input.timezone': fc.oneof(
          fc.constantFrom<unknown>(
            'Mars/Olympus',
            'utc',
            'Etc/GMT+14',
            '+10:00',
            'Asia/Vladivostok\u0000',
            'Europe/Moscow ',
            'America/Argentina/ComodRivadavia',
          ),
          hostileString,
        ),
        input: hostileObject,
      },
      stored: async (h, sent: { input: { threshold?: number | null; deadline?: string | null; timezone?: string | null } }) => {
        const { complianceRules } = await h.admin<{
          complianceRules: { code: string; threshold: number; deadline: string | null; timezone: string | null }[];
        }>('{ complianceRules { code threshold deadline timezone } }');
        const { threshold, deadline, timezone } = complianceRules.find((r) => r.code === 'MONTHLY_MEDIA_MENTION')!;
        const input = sent.input;
        return {
          actual: { threshold, deadline, timezone },
          expected: {
            threshold: input.threshold ?? f.rule.threshold,
            deadline: 'deadline' in input ? (input.deadline ?? null) : f.rule.deadline,
            timezone: ('timezone' in input ? input.timezone : f.rule.timezone) ?? f.timezone,
          },
        };
      },
      restore: async (h) => {
        await h.admin(
          'mutation($input: UpdateComplianceRuleInput!) { updateComplianceRule(code: MONTHLY_MEDIA_MENTION, input: $input) { code } }',
          {
            input: { ...f.rule, enabled: true },
          },
        );
      },
    },

    'Mutation.createMaterial': {
      document: 'mutation($input: CreateMaterialInput!) { createMaterial(input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({ input: { title: `Свойства входа: материал ${h.run}`, body: 'Текст материала.', topic: 'CULTURE' } }),
      hostile: materialInputHostiles,
      stored: (h, sent: { input: Partial<MaterialContentInput> }, data: Touched<'createMaterial'>) =>
        materialContent(h, data.createMaterial.id, sent.input),
    },
    'Mutation.updateMaterial': {
      document: 'mutation($id: ID!, $input: UpdateMaterialInput!) { updateMaterial(id: $id, input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({ id: f.draft, input: { title: `Свойства входа: исправлено ${h.run}` } }),
      hostile: { id: hostileId([f.material, f.subordinate]), ...materialInputHostiles },
      stored: (h, sent: { input: Partial<MaterialContentInput> }, data: Touched<'updateMaterial'>) =>
        materialContent(h, data.updateMaterial.id, sent.input),
    },
    'Mutation.approveMaterial': {
      document: 'mutation($id: ID!) { approveMaterial(id: $id) { status } }',
      callers: ADMIN,
      valid: async (h) => ({ id: await othersDraft(h) }),
      hostile: { id: hostileId([f.material, f.subordinate]) },
      stored: async (_h, _sent, data: { approveMaterial: { status: string } }) => ({
        actual: data.approveMaterial.status,
        expected: 'APPROVED',
      }),
    },
    'Mutation.distributeMaterial': {
      document: 'mutation($id: ID!, $audience: AudienceInput!) { distributeMaterial(id: $id, audience: $audience) { id } }',
      callers: ADMIN,
      valid: async (h) => ({ id: await approved(h), audience: { organizationIds: [f.municipality] } }),
      hostile: {
        id: hostileId([f.material, f.draft, f.subordinate]),
        'audience.kinds': hostileList(hostileEnum, 'SUBORDINATE'),
        'audience.organizationIds': fc.oneof(hostileList(hostileId([f.page, f.material]), f.municipality), hugeUuidList),
        audience: hostileObject,
      },
      stored: async (
        h,
        sent: { audience: { kinds?: string[] | null; organizationIds?: string[] | null } },
        data: Touched<'distributeMaterial'>,
      ) => {
        const { material } = await h.admin<{ material: MaterialRead }>(MATERIAL_READ, { id: data.distributeMaterial.id });
        return {
          actual: { status: material.status, ...material.audience },
          expected: {
            status: 'DISTRIBUTED',
            kinds: unique(sent.audience.kinds ?? []),
            organizationIds: unique(sent.audience.organizationIds ?? []),
          },
        };
      },
    },
    'Mutation.withdrawMaterial': {
      document: 'mutation($id: ID!, $reason: String!) { withdrawMaterial(id: $id, reason: $reason) { id } }',
      callers: ADMIN,
      // A draft is edited, not withdrawn (CONFLICT): an approved material is.
      valid: async (h) => ({ id: await approved(h), reason: 'Ошибка в тексте' }),
      hostile: { id: hostileId([f.subordinate]), reason: hostileString },
      stored: async (h, sent: { reason: string }, data: Touched<'withdrawMaterial'>) => {
        const { material } = await h.admin<{ material: MaterialRead }>(MATERIAL_READ, { id: data.withdrawMaterial.id });
        return {
          actual: { status: material.status, reason: material.withdrawalReason },
          expected: { status: 'WITHDRAWN', reason: cleaned(sent.reason) },
        };
      },
    },
    'Mutation.addMethodologicalNote': {
      document: 'mutation($input: MethodologicalNoteInput!) { addMethodologicalNote(input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({ input: { text: `Свойства входа: замечание ${h.run}`, materialId: f.material, topic: 'SPORT', week: f.week } }),
      hostile: {
        'input.text': hostileString,
        'input.materialId': hostileId([f.subordinate, f.page]),
        'input.topic': hostileEnum,
        'input.week': hostilePeriod,
        input: hostileObject,
      },
      stored: async (
        h,
        sent: { input: { text: string; materialId?: string | null; topic?: string | null; week?: string | null } },
        data: Touched<'addMethodologicalNote'>,
      ) => {
        const row = (await h.sql<NoteRow>(NOTE_READ, [data.addMethodologicalNote.id]))[0]!;
        const it = sent.input;
        return {
          actual: { text: row.text, materialId: row.material_id, topic: row.topic, week: row.week, answeredAt: row.answered_at },
          expected: {
            text: cleaned(it.text),
            materialId: it.materialId ?? null,
            topic: it.topic ?? null,
            week: it.week == null ? null : tryParsePeriod(it.week, f.timezone)!.label,
            answeredAt: null,
          },
        };
      },
    },
    'Mutation.markNoteAnswered': {
      document: 'mutation($id: ID!, $answer: String) { markNoteAnswered(id: $id, answer: $answer) { id } }',
      callers: ADMIN,
      valid: async (h) => ({ id: await note(h), answer: 'Учтём в материалах следующей недели' }),
      hostile: { id: hostileId([f.material, f.subordinate]), answer: hostileString },
      stored: async (h, sent: { answer?: string | null }, data: Touched<'markNoteAnswered'>) => {
        const row = (await h.sql<NoteRow>(NOTE_READ, [data.markNoteAnswered.id]))[0]!;
        return {
          actual: { answered: row.answered_at !== null, answer: row.answer },
          expected: { answered: true, answer: sent.answer == null ? null : cleaned(sent.answer) },
        };
      },
    },

    'Mutation.reportPlacements': {
      document: `mutation($input: [ReportPlacementInput!]!) { reportPlacements(input: $input) {
        accepted duplicates placements { url publishedAt viaGospabliki } } }`,
      callers: REPORTERS,
      valid: async (h) => {
        const { id, url } = await channel(h, `prop_placements_${h.run}`);
        return { input: [{ materialId: f.material, pageId: id, url: `${url}/${100 + h.run}`, publishedAt: iso(f.now) }] };
      },
      hostile: {
        input: hostileList(hostileObject, null),
        'input.0.materialId': hostileId([f.draft, f.subordinate, f.page]),
        'input.0.pageId': hostileId([f.otherPage, f.subordinate, f.material]),
        'input.0.url': hostileUrl,
        'input.0.publishedAt': hostileDateTime,
        'input.0.viaGospabliki': hostileBool,
      },
      // A material on a page it was already reported on is a duplicate: a success that stores nothing.
      fresh: async (h, sent) => {
        const items: unknown[] = Array.isArray(sent.input) ? sent.input : [];
        const pairs = items.filter((it): it is Vars => isUuid((it as Vars)?.materialId) && isUuid((it as Vars)?.pageId));
        // Items without such ids are refused; were they let in, something must have been written.
        if (!pairs.length || pairs.length < items.length) return true;
        const { repeated } = (
          await h.sql<{ repeated: number }>(
            `select count(*)::int as repeated from unnest($1::uuid[], $2::uuid[]) as s(material_id, page_id)
           where exists (select 1 from organizations.placement p
                         where p.material_id = s.material_id and p.page_id = s.page_id and p.withdrawn_at is null)`,
            [pairs.map((it) => it.materialId), pairs.map((it) => it.pageId)],
          )
        )[0]!;
        return repeated < pairs.length;
      },
      stored: async (
        _h,
        sent: { input: { url: string; publishedAt: string; viaGospabliki?: boolean | null }[] },
        data: {
          reportPlacements: {
            accepted: number;
            duplicates: number;
            placements: { url: string; publishedAt: string; viaGospabliki: boolean }[];
          };
        },
        changed,
      ) => {
        const { accepted, duplicates } = data.reportPlacements;
        if (!changed) return { actual: { accepted, duplicates }, expected: { accepted: 0, duplicates: sent.input.length } };
        const item = sent.input[0]!;
        const placement = data.reportPlacements.placements[0]!;
        return {
          actual: {
            url: sameUrls([placement.url]),
            publishedAt: asInstant(placement.publishedAt),
            viaGospabliki: placement.viaGospabliki,
            accepted: accepted > 0,
            counted: accepted + duplicates,
          },
          expected: {
            url: sameUrls([item.url]),
            publishedAt: instantSent(item.publishedAt),
            viaGospabliki: item.viaGospabliki ?? false,
            accepted: true,
            counted: sent.input.length,
          },
        };
      },
    },
    'Mutation.correctPlacement': {
      document:
        'mutation($id: ID!, $url: String!, $publishedAt: DateTime!) { correctPlacement(id: $id, url: $url, publishedAt: $publishedAt) { id } }',
      callers: REPORTERS,
      valid: async (h) => {
        const { id, url } = await reportedPlacement(h, `prop_correct_${h.run}`);
        return { id, url: `${url}/${200 + h.run}`, publishedAt: iso(f.now) };
      },
      hostile: { id: hostileId([f.material, f.page, f.subordinate]), url: hostileUrl, publishedAt: hostileDateTime },
      stored: async (h, sent: { url: string; publishedAt: string }, data: Touched<'correctPlacement'>) => {
        const row = (
          await h.sql<{ url: string; published_at: Date }>('select url, published_at from organizations.placement where id = $1', [
            data.correctPlacement.id,
          ])
        )[0]!;
        return {
          actual: { url: sameUrls([row.url]), publishedAt: asInstant(row.published_at.toISOString()) },
          expected: { url: sameUrls([sent.url]), publishedAt: instantSent(sent.publishedAt) },
        };
      },
    },
    'Mutation.withdrawPlacement': {
      document: 'mutation($id: ID!, $reason: String!) { withdrawPlacement(id: $id, reason: $reason) { id } }',
      callers: REPORTERS,
      valid: async (h) => ({ id: (await reportedPlacement(h, `prop_withdraw_${h.run}`)).id, reason: 'Ошибка в отчёте' }),
      hostile: { id: hostileId([f.material, f.page, f.subordinate]), reason: hostileString },
      stored: async (h, sent: { reason: string }, data: Touched<'withdrawPlacement'>) => {
        const row = (
          await h.sql<{ withdrawn: boolean; withdrawal_reason: string | null }>(
            'select withdrawn_at is not null as withdrawn, withdrawal_reason from organizations.placement where id = $1',
            [data.withdrawPlacement.id],
          )
        )[0]!;
        return {
          actual: { withdrawn: row.withdrawn, reason: row.withdrawal_reason },
          expected: { withdrawn: true, reason: cleaned(sent.reason) },
        };
      },
    },
    'Mutation.reportMediaPublication': {
      document: `mutation($input: ReportMediaPublicationInput!) { reportMediaPublication(input: $input) {
        id outlet url issueReference publishedAt about } }`,
      callers: REPORTERS,
      valid: (h) => ({
        input: {
          organizationId: f.subordinate,
          outlet: 'Тихоокеанская звезда',
          url: `https://toz.su/news/prop-${h.run}`,
          publishedAt: iso(new Date(f.now.getTime() - 86_400_000)),
        },
      }),
      hostile: {
        'input.organizationId': hostileId([f.other, f.page, f.material]),
        'input.outlet': hostileString,
        'input.url': hostileUrl,
        'input.issueReference': hostileString,
        'input.publishedAt': hostileDateTime,
        'input.about': hostileString,
        input: hostileObject,
      },
      // The same article of the same organization again is a duplicate: a success that stores nothing.
      fresh: async (h, sent) => {
        const it = sent.input as Vars | null;
        const key = it && typeof it === 'object' ? article(it) : null;
        // Such an input is refused; were it let in, something must have been written.
        if (!isUuid(it?.organizationId) || key === null) return true;
        const rows = await h.sql<{ outlet: string; url: string | null; issue_reference: string | null }>(
          'select outlet, url, issue_reference from organizations.media_publication where organization_id = $1',
          [it!.organizationId],
        );
        return !rows.some((r) => article({ outlet: r.outlet, url: r.url, issueReference: r.issue_reference }) === key);
      },
      stored: async (
        h,
        sent: {
          input: {
            organizationId: string;
            outlet: string;
            url?: string | null;
            issueReference?: string | null;
            publishedAt: string;
            about?: string | null;
          };
        },
        data: {
          reportMediaPublication: {
            id: string;
            outlet: string;
            url: string | null;
            issueReference: string | null;
            publishedAt: string;
            about: string | null;
          };
        },
        changed,
      ) => {
        const { id, ...p } = data.reportMediaPublication;
        const it = sent.input;
        if (!changed) {
          // The publication answered is the one stored before, of the same organization and the same article.
          const [row] = await h.sql<{ organization_id: string }>(
            'select organization_id from organizations.media_publication where id = $1',
            [id],
          );
          return {
            actual: { organizationId: row?.organization_id ?? null, article: article(p) },
            expected: { organizationId: it.organizationId, article: article(it) },
          };
        }
        const optional = (v: unknown) => (v == null ? null : cleaned(v as string));
        return {
          actual: { ...p, url: p.url && sameUrls([p.url]), publishedAt: asInstant(p.publishedAt) },
          expected: {
            outlet: cleaned(it.outlet),
            url: it.url ? sameUrls([it.url]) : null,
            issueReference: optional(it.issueReference),
            publishedAt: instantSent(it.publishedAt),
            about: optional(it.about),
          },
        };
      },
    },
    'Mutation.registerOrganization': {
      document: 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({
        input: {
          name: `Свойства входа: регистрация ${h.run}`,
          kind: 'SUBORDINATE',
          parentId: f.municipality,
          head: { ...DIRECTOR },
        },
      }),
      hostile: {
        'input.name': hostileString,
        'input.shortName': hostileString,
        'input.kind': hostileEnum,
        'input.parentId': hostileId([f.subordinate, f.page, f.material]),
        'input.inn': hostileInn,
        'input.head.fullName': hostileString,
        'input.head.position': hostileString,
        'input.head.email': hostileEmail,
        'input.contactEmail': hostileEmail,
        'input.head': hostileObject,
      },
      stored: (h, sent: { input: Partial<OrganizationInput> }, data: Touched<'registerOrganization'>) =>
        organizationContent(h, data.registerOrganization.id, sent.input),
    },
    'Mutation.updateOrganization': {
      document: 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({
        id: f.organization,
        input: {
          name: `Свойства входа: переименовано ${h.run}`,
          head: { fullName: 'Сидоров Сидор Сидорович', position: 'Директор', email: 'sidorov@khv-region.test' },
        },
      }),
      hostile: {
        id: hostileId([f.page, f.material]),
        'input.name': hostileString,
        'input.shortName': hostileString,
        'input.parentId': hostileId([f.organization, f.other, f.page]),
        'input.inn': hostileInn,
        'input.head.fullName': hostileString,
        'input.head.position': hostileString,
        'input.head.email': hostileEmail,
        'input.contactEmail': hostileEmail,
        input: hostileObject,
      },
      stored: (h, sent: { input: Partial<OrganizationInput> }, data: Touched<'updateOrganization'>) =>
        organizationContent(h, data.updateOrganization.id, sent.input),
    },
    'Mutation.requestSignIn': {
      document: 'mutation($email: String!, $next: String) { requestSignIn(email: $email, next: $next) }',
      callers: ADMIN,
      // An address nobody has: the answer is true and only the request is counted (docs/DESIGN.md, "Signing in").
      valid: (h) => ({ email: `prop-sign-in-${h.run}@nowhere.test`, next: '/dashboard/#/organizations/' + f.subordinate }),
      hostile: { email: hostileEmail, next: hostileString },
      stored: async (h, sent: { email: string }, data: { requestSignIn: boolean }) => {
        const [row] = await h.sql<{ n: number }>('select count(*)::int as n from compliance.sign_in_request where email = $1', [
          sent.email.trim().toLowerCase(),
        ]);
        return { actual: { answer: data.requestSignIn, counted: row!.n > 0 }, expected: { answer: true, counted: true } };
      },
    },
    'Mutation.inviteUser': {
      document: 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
      callers: ADMIN,
      valid: (h) => ({
        input: {
          email: `prop-invite-${h.run}@khv-region.test`,
          fullName: 'Иванова Мария Петровна',
          role: 'OPERATOR',
          organizationId: f.subordinate,
        },
      }),
      hostile: {
        'input.email': hostileEmail,
        'input.fullName': hostileString,
        'input.role': hostileEnum,
        'input.organizationId': hostileId([f.page, f.material]),
        input: hostileObject,
      },
      stored: async (
        h,
        sent: { input: { email: string; fullName: string; role: string; organizationId?: string | null } },
        data: Touched<'inviteUser'>,
      ) => {
        const [person] = await h.sql<{ email: string; full_name: string; role: string; organization_id: string | null; active: boolean }>(
          'select email, full_name, role, organization_id, active from organizations.person where id = $1',
          [data.inviteUser.id],
        );
        return {
          actual: person,
          expected: {
            email: sent.input.email.trim().toLowerCase(),
            full_name: cleaned(sent.input.fullName),
            role: sent.input.role,
            organization_id: sent.input.organizationId ?? null,
            active: true,
          },
        };
      },
    },
    'Mutation.deactivateUser': {
      document: 'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      callers: ADMIN,
      valid: async (h) => {
        const { inviteUser } = await h.admin<Touched<'inviteUser'>>(
          'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
          {
            input: { email: `prop-leaving-${h.run}@khv-region.test`, fullName: 'Петров Олег Иванович', role: 'EDITOR' },
          },
        );
        return { id: inviteUser.id };
      },
      hostile: { id: hostileId([f.page, f.material, f.subordinate]) },
      stored: async (h, sent: { id: string }, data: Touched<'deactivateUser'>) => {
        const [person] = await h.sql<{ active: boolean; deactivated: boolean }>(
          'select active, deactivated_at is not null as deactivated from organizations.person where id = $1',
          [data.deactivateUser.id],
        );
        return { actual: { id: data.deactivateUser.id, ...person }, expected: { id: sent.id, active: false, deactivated: true } };
      },
    },
    'Mutation.deactivateOrganization': {
      document: 'mutation($id: ID!, $reason: String!) { deactivateOrganization(id: $id, reason: $reason) { id } }',
      callers: ADMIN,
      valid: async (h) => ({ id: await subordinate(h), reason: 'Ликвидировано' }),
      hostile: { id: hostileId([f.page, f.material]), reason: hostileString },
      stored: async (h, sent: { reason: string }, data: Touched<'deactivateOrganization'>) => {
        const { organization } = await h.admin<{ organization: OrganizationRead }>(ORGANIZATION_READ, {
          id: data.deactivateOrganization.id,
        });
        return {
          actual: { active: organization.active, reason: organization.deactivationReason },
          expected: { active: false, reason: cleaned(sent.reason) },
        };
      },
    },
    'Mutation.addOfficialPage': {
      document: 'mutation($input: AddOfficialPageInput!) { addOfficialPage(input: $input) { id } }',
      callers: REPORTERS,
      valid: (h) => ({ input: { organizationId: f.subordinate, platform: 'TELEGRAM', url: `https://t.me/prop_page_${h.run}` } }),
      hostile: {
        'input.organizationId': hostileId([f.other, f.page, f.material]),
        'input.platform': hostileEnum,
        'input.url': hostileUrl,
        'input.verified': hostileBool,
        input: hostileObject,
      },
      stored: async (
        h,
        sent: { input: { organizationId: string; platform: string; url: string; verified?: boolean | null } },
        data: Touched<'addOfficialPage'>,
      ) => {
        const stored = await page(h, sent.input.organizationId, data.addOfficialPage.id);
        return {
          actual: { platform: stored.platform, url: sameUrls([stored.url]), verified: stored.verified },
          expected: { platform: sent.input.platform, url: pageAddress(sent.input.url), verified: sent.input.verified ?? false },
        };
      },
    },
    'Mutation.markFeedbackWidget': {
      document: `mutation($pageId: ID!, $placedAt: DateTime!, $forms: [FeedbackWidgetForm!]) {
        markFeedbackWidget(pageId: $pageId, placedAt: $placedAt, forms: $forms) { id } }`,
      callers: REPORTERS,
      valid: () => ({ pageId: f.page, placedAt: iso(new Date(f.now.getTime() - 86_400_000)) }),
      hostile: {
        pageId: hostileId([f.otherPage, f.subordinate, f.material]),
        placedAt: hostileDateTime,
        forms: hostileList(hostileEnum, 'SHARE_OPINION'),
      },
      stored: async (h, sent: { placedAt: string; forms?: string[] | null }, data: Touched<'markFeedbackWidget'>) => {
        const stored = await page(h, pageOwner(data.markFeedbackWidget.id), data.markFeedbackWidget.id);
        const forms: string[] = unique(sent.forms ?? ['REPORT_PROBLEM', 'SHARE_OPINION']);
        const at = (form: string) => stored.feedbackWidgets.find((w) => w.form === form)?.placedAt;
        return {
          actual: forms.map((form) => [form, asInstant(at(form))]),
          expected: forms.map((form) => [form, instantSent(sent.placedAt)]),
        };
      },
    },
    'Mutation.crawlPage': {
      document: 'mutation($pageId: ID!) { crawlPage(pageId: $pageId) { pageId } }',
      callers: REPORTERS,
      valid: () => ({ pageId: f.page }),
      hostile: { pageId: hostileId([f.otherPage, f.subordinate, f.material]) },
      stored: async (h, sent: { pageId: string }, data: { crawlPage: { pageId: string } }) => {
        const stored = await page(h, pageOwner(data.crawlPage.pageId), data.crawlPage.pageId);
        return { actual: [data.crawlPage.pageId, asInstant(stored.crawl?.lastCrawledAt)], expected: [sent.pageId, iso(h.f.now)] };
      },
    },
    'Mutation.decidePostMatch': {
      document: `mutation($postId: ID!, $materialId: ID!, $confirmed: Boolean!) {
        decidePostMatch(postId: $postId, materialId: $materialId, confirmed: $confirmed) { material { id } decision } }`,
      callers: REPORTERS,
      // A post on the subordinate's page with the hub's suggestion, as a crawl stores them (the stand-in serves no pages).
      valid: async (h) => {
        const [post] = await h.sql<{ id: string }>(
          `insert into monitoring.page_post (page_id, platform_post_id, url, published_at, text)
           values ($1, $2, $3, $4, 'Пост для свойств входа') returning id`,
          [f.page, `prop_inputs_own/${1000 + h.run}`, `https://t.me/prop_inputs_own/${1000 + h.run}`, h.f.now],
        );
        await h.sql(`insert into monitoring.post_match (post_id, material_id, score, evidence) values ($1, $2, 0.5, 'TEXT')`, [
          post!.id,
          f.material,
        ]);
        return { postId: post!.id, materialId: f.material, confirmed: h.run % 2 === 0 };
      },
      hostile: {
        postId: hostileId([f.page, f.otherPage, f.material]),
        materialId: hostileId([f.page, f.subordinate, f.draft]),
        confirmed: hostileBool,
      },
      stored: async (
        h,
        sent: { postId: string; materialId: string; confirmed: boolean },
        data: { decidePostMatch: { material: { id: string }; decision: string } },
      ) => {
        const [row] = await h.sql<{ decision: string; decided_at: Date }>(
          'select decision, decided_at from monitoring.post_match where post_id = $1 and material_id = $2',
          [sent.postId, sent.materialId],
        );
        const decision = sent.confirmed ? 'CONFIRMED' : 'REJECTED';
        return {
          actual: [data.decidePostMatch.material.id, data.decidePostMatch.decision, row?.decision, row?.decided_at.toISOString()],
          expected: [sent.materialId, decision, decision, iso(h.f.now)],
        };
      },
    },
    'Mutation.recordPageIdentity': {
      document: 'mutation($pageId: ID!, $platformId: String!) { recordPageIdentity(pageId: $pageId, platformId: $platformId) { id } }',
      callers: ['SYSTEM'],
      valid: (h) => ({ pageId: f.page, platformId: `matrix_channel_${h.run}` }),
      hostile: { pageId: hostileId([f.otherPage, f.subordinate, f.material]), platformId: hostileString },
      stored: async (h, sent: { platformId: string }, data: Touched<'recordPageIdentity'>) => {
        const stored = await page(h, pageOwner(data.recordPageIdentity.id), data.recordPageIdentity.id);
        return { actual: stored.platformId, expected: sent.platformId.trim() };
      },
    },
    'Mutation.setPageVerified': {
      document: 'mutation($pageId: ID!, $verified: Boolean!) { setPageVerified(pageId: $pageId, verified: $verified) { id } }',
      callers: REPORTERS,
      valid: (h) => ({ pageId: f.page, verified: h.run % 2 === 0 }),
      hostile: { pageId: hostileId([f.otherPage, f.subordinate, f.material]), verified: hostileBool },
      stored: async (h, sent: { verified: boolean }, data: Touched<'setPageVerified'>) => {
        const stored = await page(h, pageOwner(data.setPageVerified.id), data.setPageVerified.id);
        return { actual: stored.verified, expected: sent.verified };
      },
    },
  };
}
