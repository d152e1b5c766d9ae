// What the demo region's organizations did with the content: eight weeks of placements with a
// realistic spread (most meet 3 a week, some miss now and then, a few miss three weeks running
// or never place anything) and the executive bodies' mass-media publications (decree 3.3).
import { periodContaining, shiftPeriod, type Period } from '@hub/common';
import type { DemoMaterialRow } from '@hub/content';
import type { DemoActivity, DemoMediaRow, DemoPlacementRow } from '@hub/organizations';
import type { DemoOrganization, DemoPage } from './region.js';
import { pick, shuffled, stream, uuidFactory, weighted, type Rng } from './random.js';
import { demoVkCommunityId, slugOf } from './platform-ids.js';

const HOUR = 3_600_000;
const WEEKS_BACK = 8;
type Profile = 'steady' | 'uneven' | 'lapsed' | 'silent';
const SUBJECT = new Set(['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE']);
const OUTLETS = [
  ['Тихоокеанская звезда', 'toz'],
  ['Приамурские ведомости', 'pv'],
  ['Губерния', 'gubernia'],
  ['Хабаровский край сегодня', 'khv-today'],
  ['Дальневосточный Комсомольск', 'dvkom'],
  ['Вести-Хабаровск', 'vesti27'],
  ['Амурская заря', 'amzarya'],
  ['Ванинская районная газета', 'vanino-news'],
] as const;

function postUrl(page: DemoPage, n: number): string {
  switch (page.platform) {
    case 'VK':
      // A post on the page's own wall: the community's number is the one the stand-in serves.
      return `https://vk.com/wall-${demoVkCommunityId(slugOf(page.url))}_${n}`;
    case 'TELEGRAM':
      return `${page.url}/${n}`;
    case 'OK':
      return `${page.url}/topic/${150000000 + n}`;
    case 'MAX':
      return `${page.url}/p${n.toString(36)}`;
    case 'GOSPABLIKI':
      return `${page.url}/posts/${n}`;
    case 'WEBSITE':
      return `${page.url.replace(/\/$/, '')}/news/${n}`;
  }
}

/** A moment in [earliest, latest) within 2.5 days, preferably between 09:00 and 20:00 local time. */
function officeHoursMoment(earliest: number, latest: number, timeZone: string, rng: Rng): Date {
  for (let attempt = 0; attempt < 5; attempt++) {
    const day = periodContaining('DAY', new Date(earliest + Math.floor(rng() * 3) * 24 * HOUR), timeZone).start.getTime();
    const moment = day + 9 * HOUR + Math.floor(rng() * 11 * 60) * 60_000;
    if (moment >= earliest && moment < latest) return new Date(moment);
  }
  return new Date(earliest + Math.floor((rng() * Math.min(latest - earliest, 2 * HOUR)) / 60_000) * 60_000);
}

/** How many distinct materials the organization places in week `back` (1 = last week). */
function weeklyTarget(profile: Profile, back: number, lapseWeeks: number, rng: Rng): number {
  const meets = () => 3 + Math.floor(rng() * 3);
  const misses = () => Math.floor(rng() * 3);
  switch (profile) {
    case 'steady':
      return meets();
    case 'uneven':
      return rng() < 0.3 ? misses() : meets();
    case 'lapsed':
      return back <= lapseWeeks ? misses() : meets();
    case 'silent':
      return 0;
  }
}

function recipientsOf(material: DemoMaterialRow, organizations: DemoOrganization[]): DemoOrganization[] {
  const kinds = material.audience?.kinds ?? [];
  return kinds.length ? organizations.filter((o) => kinds.includes(o.kind)) : organizations.filter((o) => o.pages.length > 0);
}

export function generateDemoActivity(options: {
  seed: number;
  now: Date;
  timeZone: string;
  organizations: DemoOrganization[];
  materials: DemoMaterialRow[];
}): DemoActivity {
  const rng = stream(options.seed, 201);
  const nextId = uuidFactory(stream(options.seed, 202));
  const { now, timeZone } = options;
  const current = periodContaining('WEEK', now, timeZone);
  const received = new Map<string, DemoMaterialRow[]>();
  for (const material of options.materials.filter((m) => m.distributedAt)) {
    for (const org of recipientsOf(material, options.organizations)) received.set(org.id, [...(received.get(org.id) ?? []), material]);
  }

  const placements: DemoPlacementRow[] = [];
  let postNumber = 1000;
  for (const org of options.organizations.filter((o) => SUBJECT.has(o.kind) && o.pages.length)) {
    const profile = weighted<Profile>(rng, [
      ['steady', 72],
      ['uneven', 18],
      ['lapsed', 7],
      ['silent', 3],
    ]);
    const lapseWeeks = 1 + Math.floor(rng() * 4); // 1–4 weeks running: every escalation level appears
    const weeks: [Period, number][] = [];
    for (let back = WEEKS_BACK; back >= 1; back--) weeks.push([shiftPeriod(current, -back, timeZone), back]);
    weeks.push([current, 0]);
    const placed = new Set<string>();
    for (const [week, back] of weeks) {
      const target = back === 0 ? Math.floor(rng() * 3) : weeklyTarget(profile, back, lapseWeeks, rng);
      const candidates = (received.get(org.id) ?? []).filter(
        (m) =>
          !placed.has(m.id) &&
          m.distributedAt! < week.end &&
          m.distributedAt!.getTime() > week.start.getTime() - 3 * 24 * HOUR &&
          m.distributedAt! < now,
      );
      for (const material of shuffled(candidates, rng).slice(0, target)) {
        const earliest = Math.max(material.distributedAt!.getTime(), week.start.getTime());
        const latest = Math.min(week.end.getTime(), now.getTime(), material.withdrawnAt?.getTime() ?? Infinity) - HOUR;
        if (latest <= earliest) continue;
        placed.add(material.id);
        const publishedAt = officeHoursMoment(earliest, latest, timeZone, rng);
        const pages = rng() < 0.2 && org.pages.length > 1 ? org.pages.slice(0, 2) : [pick(rng, org.pages)];
        for (const page of pages) {
          const via = page.platform === 'GOSPABLIKI' || (page.platform === 'VK' && rng() < 0.08);
          placements.push({
            id: nextId(),
            organizationId: org.id,
            pageId: page.id,
            materialId: material.id,
            url: postUrl(page, postNumber++),
            publishedAt,
            viaGospabliki: via,
            reportedAt: new Date(Math.min(publishedAt.getTime() + (1 + Math.floor(rng() * 30)) * HOUR, now.getTime())),
          });
        }
      }
    }
  }

  const media: DemoMediaRow[] = [];
  const thisMonth = periodContaining('MONTH', now, timeZone);
  for (const body of options.organizations.filter((o) => o.kind === 'EXECUTIVE_BODY')) {
    for (const back of [2, 1, 0]) {
      const month = shiftPeriod(thisMonth, -back, timeZone);
      const count =
        back === 0
          ? rng() < 0.4
            ? 1
            : 0
          : weighted(rng, [
              [0, 15],
              [1, 60],
              [2, 25],
            ] as const);
      for (let i = 0; i < count; i++) {
        const [outlet, slug] = pick(rng, OUTLETS);
        const span = Math.min(month.end.getTime(), now.getTime()) - month.start.getTime();
        const publishedAt = new Date(month.start.getTime() + Math.floor((rng() * span) / HOUR) * HOUR);
        const n = 10000 + media.length;
        media.push({
          id: nextId(),
          organizationId: body.id,
          outlet,
          url: `https://${slug}.khv-region.test/news/${n}`,
          publishedAt,
          about: `Материал о работе официальных страниц: «${body.shortName ?? body.name}» в социальных сетях`,
        });
      }
    }
  }
  return { placements, media };
}
