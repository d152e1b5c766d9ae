// What the local stand-in for the platforms serves under `npm start` without platform credentials
// (docs/DESIGN.md, "Evidence from the platforms"): the demo region's VK, Telegram, OK and MAX
// pages, each with a post for every placement reported on it (the material, shortened, as
// officers repost it), on some pages a post of a received material nobody reported (the crawl
// discovers it), and the page's own news, so that a first start shows posts found and read.
// Built from the database, so it agrees with what was seeded whenever the hub starts again.
import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql } from '@hub/common';
import type { StandInPage, StandInPost } from '@hub/monitoring/standin';
import { demoMaxChatId, demoVkCommunityId, slugOf } from './platform-ids.js';
import { stream, pick } from './random.js';

const READ = ['VK', 'TELEGRAM', 'OK', 'MAX'] as const;
type ReadPlatform = (typeof READ)[number];
const DAY = 24 * 3_600_000;

const OWN_NEWS = [
  'Состоялось рабочее совещание с руководителями подведомственных учреждений.',
  'Приглашаем жителей на приём граждан по личным вопросам.',
  'Подведены итоги конкурса среди учреждений отрасли.',
  'Специалисты ведомства провели выездную проверку в районе.',
  'Вниманию жителей: изменился график работы приёмной.',
  'В ведомстве прошла встреча с представителями общественного совета.',
];

interface PageRow {
  id: string;
  platform: ReadPlatform;
  url: string;
  title: string;
}
interface PlacementRow {
  page_id: string;
  url: string;
  published_at: string;
  title: string;
  body: string;
}
interface UnreportedRow {
  page_id: string;
  title: string;
  body: string;
  distributed_at: string;
}

/** One page in this many carries a post of a received material that its organization did not report. */
const UNREPORTED_EVERY = 4;

/** The page's handle and its id on the platform, as the demo's post addresses use them. */
function identity(page: PageRow): Pick<StandInPage, 'handle' | 'platformPageId'> {
  const slug = slugOf(page.url);
  switch (page.platform) {
    case 'VK':
      return { handle: slug, platformPageId: String(demoVkCommunityId(slug)) };
    case 'MAX':
      return { handle: slug, platformPageId: String(demoMaxChatId(slug)) };
    case 'OK':
    case 'TELEGRAM':
      return { handle: slug, platformPageId: slug };
  }
}

/** The post's number on its page, from the address the placement was reported with. */
const postIdOf = (platform: ReadPlatform, url: string): string => {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  if (platform === 'VK') return last.replace(/^wall-?\d+_/, '');
  if (platform === 'MAX') return String(parseInt(last.replace(/^p/, ''), 36));
  return last;
};

/** A material as an officer reposts it: the title and the body's first two sentences. */
const repostText = (title: string, body: string): string =>
  `${title}\n\n${body
    .split(/(?<=[.!?])\s+/)
    .slice(0, 2)
    .join(' ')}`;

export async function demoStandInPages(em: EntityManager, now: Date): Promise<StandInPage[]> {
  const pages = await queryRows<PageRow>(
    em,
    sql`select d.id, d.platform, d.url, o.name as title
        from organizations.page_directory d join organizations.organization o on o.id = d.organization_id
        where d.platform = any(${[...READ]}::text[]) order by d.id`,
  );
  const placements = await queryRows<PlacementRow>(
    em,
    sql`select p.page_id, p.url, p.published_at, m.title, m.body
        from organizations.placement p join content.material m on m.id = p.material_id
        where p.withdrawn_at is null and p.published_at > ${new Date(now.getTime() - 21 * DAY)}`,
  );
  const byPage = new Map<string, PlacementRow[]>();
  for (const row of placements) byPage.set(row.page_id, [...(byPage.get(row.page_id) ?? []), row]);
  // The latest material each page's organization received in the last week and placed nowhere.
  const unreported = await queryRows<UnreportedRow>(
    em,
    sql`select distinct on (d.id) d.id as page_id, m.title, m.body, r.distributed_at
        from organizations.page_directory d
        join content.received_log r on r.organization_id = d.organization_id
        join content.material m on m.id = r.material_id
        where d.platform = any(${[...READ]}::text[]) and r.withdrawn_at is null
          and r.distributed_at > ${new Date(now.getTime() - 7 * DAY)} and r.distributed_at < ${new Date(now.getTime() - 3_600_000)}
          and not exists (select 1 from organizations.placement p
                          where p.organization_id = d.organization_id and p.material_id = r.material_id and p.withdrawn_at is null)
        order by d.id, r.distributed_at desc, r.material_id`,
  );
  const unreportedOf = new Map(unreported.map((row) => [row.page_id, row]));
  return pages.map((page) => {
    const rng = stream(Number.parseInt(page.id.replace(/-/g, '').slice(0, 8), 16), 301);
    const counters = (): Pick<StandInPost, 'views' | 'likes' | 'reposts' | 'comments'> => {
      const views = 150 + Math.floor(rng() * 3000);
      return { views, likes: Math.floor(views * (0.01 + rng() * 0.05)), reposts: Math.floor(rng() * 15), comments: Math.floor(rng() * 8) };
    };
    const placed: StandInPost[] = (byPage.get(page.id) ?? []).map((row) => ({
      id: postIdOf(page.platform, row.url),
      // MAX's post links are short codes, not the message id: the reported one is the post's.
      ...(page.platform === 'MAX' ? { url: row.url } : {}),
      publishedAt: new Date(row.published_at),
      text: repostText(row.title, row.body),
      links: [],
      images: [],
      ...counters(),
    }));
    // The page's own news: one every other day over the last three weeks.
    const own: StandInPost[] = Array.from({ length: 10 }, (_, i) => ({
      id: String(900_000 + i),
      publishedAt: new Date(now.getTime() - (2 * i + 1) * DAY - Math.floor(rng() * 8) * 3_600_000),
      text: pick(rng, OWN_NEWS),
      links: [],
      images: [],
      ...counters(),
    }));
    const missed = unreportedOf.get(page.id);
    const found: StandInPost[] =
      missed && rng() < 1 / UNREPORTED_EVERY
        ? [
            {
              id: String(800_000),
              // Some hours after it arrived, and before now.
              publishedAt: new Date(
                Math.min(new Date(missed.distributed_at).getTime() + (2 + Math.floor(rng() * 20)) * 3_600_000, now.getTime() - 60_000),
              ),
              text: repostText(missed.title, missed.body),
              links: [],
              images: [],
              ...counters(),
            },
          ]
        : [];
    return { platform: page.platform, ...identity(page), title: page.title, status: 'OK' as const, posts: [...placed, ...found, ...own] };
  });
}
