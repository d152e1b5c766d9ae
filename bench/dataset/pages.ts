// Official pages: which platforms each organization has, and their addresses as the
// organizations subgraph stores them (normalizePageUrl, the same call registerPage makes).
import type { Platform } from '@hub/common';
import { normalizePageUrl } from '@hub/organizations';
import { ENTITY, entityId, entityRng } from './ids.js';
import { KIND, type Roster } from './roster.js';
import type { DatasetSpec } from './spec.js';

export const MAX_PAGES = 6;
export const PLATFORM_CODES: readonly Platform[] = ['VK', 'OK', 'TELEGRAM', 'MAX', 'GOSPABLIKI', 'WEBSITE'];
export const SITE_DOMAIN = 'bench-region.test';
const PURPOSE_PLATFORMS = 21;
const PURPOSE_WIDGETS = 22;
const DAY = 86_400_000;

const COORDINATOR_SLUGS = ['openregion', 'infopolicy', 'cur'];
const KIND_SLUGS = ['', '', '', 'min', 'adm', 'org'];

/** VK first for most, Telegram next; the rest by how common they are among state bodies. */
const PREFERENCE: readonly (readonly [number, number])[] = [
  [0, 40],
  [2, 25],
  [1, 14],
  [3, 12],
  [4, 5],
  [5, 4],
];

/** Platform codes of every organization's pages, MAX_PAGES slots each (255 = none). */
export function planPlatforms(spec: DatasetSpec, roster: Roster): Uint8Array {
  const plan = new Uint8Array(roster.size * MAX_PAGES).fill(255);
  for (let i = 0; i < roster.size; i++) {
    const rng = entityRng(spec.seed, PURPOSE_PLATFORMS, i);
    const chosen: number[] = [];
    while (chosen.length < roster.pageCount[i]!) {
      const options = PREFERENCE.filter(([code]) => !chosen.includes(code));
      const total = options.reduce((s, [, w]) => s + w, 0);
      let r = rng() * total;
      let code = options[options.length - 1]![0];
      for (const [c, w] of options) {
        r -= w;
        if (r < 0) {
          code = c;
          break;
        }
      }
      chosen.push(code);
    }
    chosen.forEach((code, k) => (plan[i * MAX_PAGES + k] = code));
  }
  return plan;
}

export const pageIndex = (organization: number, k: number) => organization * MAX_PAGES + k;
export const pageId = (spec: DatasetSpec, organization: number, k: number) => entityId(spec.seed, ENTITY.page, pageIndex(organization, k));

export function slugOf(roster: Roster, i: number): string {
  const kind = roster.kind[i]!;
  return kind <= KIND.cur ? COORDINATOR_SLUGS[kind]! : `${KIND_SLUGS[kind]}${roster.ordinal[i]}_r${roster.block[i]! + 1}`;
}

/** The address as the organization would type it in (normalizePageUrl then stores its own form). */
export function rawPageUrl(platform: Platform, slug: string, index: number): string {
  switch (platform) {
    case 'VK':
      return `https://vk.com/${slug}`;
    case 'OK':
      return `https://ok.ru/group/${70_000_000_000_000 + index}`;
    case 'TELEGRAM':
      return `https://t.me/${slug}`;
    case 'MAX':
      return `https://max.ru/${slug}`;
    case 'GOSPABLIKI':
      return `https://gosuslugi.ru/gospabliki/${slug}`;
    case 'WEBSITE':
      return `https://${slug.replaceAll('_', '-')}.${SITE_DOMAIN}`;
  }
}

/** What normalizePageUrl makes of rawPageUrl, without parsing: the placement generator needs it per row. */
export function storedPageUrl(platform: Platform, slug: string, index: number): string {
  const raw = rawPageUrl(platform, slug, index);
  return platform === 'WEBSITE' ? `${raw}/` : raw;
}

/** A post's address on the page, in the platform's own form (what checkPostUrl accepts). */
export function postUrl(platform: Platform, pageUrl: string, page: number, post: number): string {
  switch (platform) {
    case 'VK':
      return `https://vk.com/wall-${100_000_000 + page}_${post}`;
    case 'OK':
      return `${pageUrl}/topic/${150_000_000_000 + post}`;
    case 'TELEGRAM':
      return `${pageUrl}/${post}`;
    case 'MAX':
      return `${pageUrl}/p${post.toString(36)}`;
    case 'GOSPABLIKI':
      return `${pageUrl}/posts/${post}`;
    case 'WEBSITE':
      return `${pageUrl.replace(/\/$/, '')}/news/${post}`;
  }
}

export interface PageRow {
  id: string;
  organizationIndex: number;
  index: number;
  platform: Platform;
  url: string;
  normalizedUrl: string;
  verified: boolean;
  widgetReportProblemAt: Date | null;
  widgetShareOpinionAt: Date | null;
  createdAt: Date;
}

/** Pages of one organization; the same every time it is asked. */
export function pagesOf(spec: DatasetSpec, roster: Roster, plan: Uint8Array, i: number): PageRow[] {
  const rows: PageRow[] = [];
  const kind = roster.kind[i]!;
  const rng = entityRng(spec.seed, PURPOSE_WIDGETS, i);
  const createdAt = roster.registeredAt[i]!;
  const span = Math.max(DAY, Date.parse(spec.now) - createdAt - DAY);
  const widgetDate = () => new Date(createdAt + Math.floor((rng() * Math.min(300 * DAY, span)) / 60_000) * 60_000);
  for (let k = 0; k < MAX_PAGES; k++) {
    const code = plan[i * MAX_PAGES + k]!;
    if (code === 255) break;
    const platform = PLATFORM_CODES[code]!;
    const index = pageIndex(i, k);
    const normalized = normalizePageUrl(platform, rawPageUrl(platform, slugOf(roster, i), index));
    if (!normalized.ok) throw new Error(`generated page address refused: ${normalized.message}`);
    if (normalized.url !== storedPageUrl(platform, slugOf(roster, i), index))
      throw new Error(`storedPageUrl disagrees for ${normalized.url}`);
    const r = kind <= KIND.cur ? 0 : rng();
    let report: Date | null = null;
    let share: Date | null = null;
    if (r < 0.85) {
      report = widgetDate();
      share = widgetDate();
    } else if (r < 0.93) {
      if (rng() < 0.5) report = widgetDate();
      else share = widgetDate();
    }
    const verifiedShare = kind <= KIND.cur ? 1 : kind === KIND.subordinate ? 0.4 : 0.7;
    rows.push({
      id: pageId(spec, i, k),
      organizationIndex: i,
      index,
      platform,
      url: normalized.url,
      normalizedUrl: normalized.normalized,
      verified: platform !== 'WEBSITE' && rng() < verifiedShare,
      widgetReportProblemAt: report,
      widgetShareOpinionAt: share,
      createdAt: new Date(createdAt),
    });
  }
  return rows;
}
