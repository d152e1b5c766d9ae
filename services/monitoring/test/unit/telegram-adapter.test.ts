import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformError, type PlatformAdapter, type PlatformPost } from '../../src/platforms/adapter.js';
import { createTelegramAdapter } from '../../src/platforms/telegram/adapter.js';
import { parseCount } from '../../src/platforms/telegram/parse.js';
import { countText, telegramStandIn } from '../../src/platforms/telegram/standin.js';
import type { StandInPage, StandInPost } from '../../src/standin/pages.js';
import { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '../support/fixture-server.js';

const HTTP = { ratePerSecond: 1000, backoffMs: 5, retries: 2, timeoutMs: 2000 };
/** 2026-12-01 00:00 in Vladivostok: the week's start. */
const SINCE = new Date('2026-11-30T14:00:00Z');

const fixture = (name: string) => readFileSync(new URL(`../fixtures/telegram/${name}`, import.meta.url), 'utf8');
const html = (body: string, status = 200): FixtureAnswer => ({ status, body, contentType: 'text/html; charset=utf-8' });
const redirect = (): FixtureAnswer => html('<html><body>Moved</body></html>', 302);

/** t.me as recorded: the preview of @MinZdrav27 (two pages and more), a group, a free name, embeds. */
function tme(request: FixtureRequest): FixtureAnswer {
  const path = request.url.pathname.replace(/^\/telegram/u, '');
  const before = request.url.searchParams.get('before');
  if (path === '/s/minzdrav27') {
    if (before === null) return html(fixture('channel-latest.html'));
    if (before === '4502') return html(fixture('channel-older.html'));
  }
  if (path === '/s/khv_vrachi_chat' || path === '/s/minzdrav27_old') return redirect();
  if (path === '/khv_vrachi_chat') return html(fixture('name-group.html'));
  if (path === '/minzdrav27_old') return html(fixture('name-free.html'));
  if (path === '/minzdrav27/4507' && request.url.searchParams.get('embed') === '1') return html(fixture('embed-post.html'));
  if (/^\/minzdrav27\/\d+$/u.test(path)) return html(fixture('embed-not-found.html'));
  return html('unexpected request', 500);
}

let server: FixtureServer | undefined;

async function adapterFor(handler: (request: FixtureRequest) => FixtureAnswer): Promise<PlatformAdapter> {
  server = await startFixtureServer(handler);
  return createTelegramAdapter({ webUrl: `${server.url}/telegram`, http: HTTP });
}

const requested = () => (server?.requests ?? []).map((r) => `${r.url.pathname}${r.url.search}`);
const page = { platformPageId: 'minzdrav27', title: 'Минздрав Хабаровского края' };

async function failureOf(promise: Promise<unknown>): Promise<PlatformError> {
  const err = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(err).toBeInstanceOf(PlatformError);
  return err as PlatformError;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('Telegram adapter: resolving a page', () => {
  it.each([
    'https://t.me/minzdrav27',
    'https://t.me/MinZdrav27/',
    't.me/s/minzdrav27',
    'https://t.me/s/MinZdrav27/',
    'https://telegram.me/minzdrav27',
    'http://www.telegram.me/MinZdrav27',
    'https://t.me/@minzdrav27',
    '@MinZdrav27',
  ])('reads %s as the channel minzdrav27 from its preview', async (address) => {
    const adapter = await adapterFor(tme);
    await expect(adapter.resolvePage(address)).resolves.toEqual({ platformPageId: 'minzdrav27', title: 'Минздрав Хабаровского края' });
    expect(requested()).toEqual(['/telegram/s/minzdrav27']);
  });

  it('needs no credentials: it reads what anyone sees without an account', async () => {
    expect((await adapterFor(tme)).configured).toBe(true);
  });

  it('refuses another site or a post address as NOT_FOUND, and an invitation as PRIVATE, without asking t.me', async () => {
    const adapter = await adapterFor(tme);
    expect((await failureOf(adapter.resolvePage('https://vk.com/minzdrav27'))).failure).toBe('NOT_FOUND');
    expect((await failureOf(adapter.resolvePage('https://t.me/minzdrav27/4507'))).failure).toBe('NOT_FOUND');
    expect((await failureOf(adapter.resolvePage('https://t.me/+Xk3PqL0aZ1cyNDE6'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://t.me/joinchat/AAAAAE3rT0f1h2'))).failure).toBe('PRIVATE');
    expect(requested()).toEqual([]);
  });

  it('a name without a preview that someone holds (a group) is PRIVATE: t.me/s/ redirects and t.me/<name> shows its title', async () => {
    const adapter = await adapterFor(tme);
    const err = await failureOf(adapter.resolvePage('https://t.me/khv_vrachi_chat'));
    expect(err.failure).toBe('PRIVATE');
    expect(requested()).toEqual(['/telegram/s/khv_vrachi_chat', '/telegram/khv_vrachi_chat']);
    expect((await failureOf(adapter.listPosts({ platformPageId: 'khv_vrachi_chat', title: null }, SINCE))).failure).toBe('PRIVATE');
  });

  it('a name nobody holds is NOT_FOUND: t.me/<name> offers to "contact" it', async () => {
    const adapter = await adapterFor(tme);
    expect((await failureOf(adapter.resolvePage('https://t.me/minzdrav27_old'))).failure).toBe('NOT_FOUND');
    expect(requested()).toEqual(['/telegram/s/minzdrav27_old', '/telegram/minzdrav27_old']);
  });

  it('a preview whose markup changed is PARSE_FAILED, not a channel without posts', async () => {
    const adapter = await adapterFor(() => html(fixture('changed-layout.html')));
    expect((await failureOf(adapter.resolvePage('https://t.me/minzdrav27'))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.listPosts(page, SINCE))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.readPost(page, 'minzdrav27/4509'))).failure).toBe('PARSE_FAILED');
  });
});

describe('Telegram adapter: listing posts', () => {
  it('follows "load more" (before=<id>) until a page reaches before `since`, newest first', async () => {
    const adapter = await adapterFor(tme);
    const posts = await adapter.listPosts(page, SINCE);
    expect(posts.map((p) => p.platformPostId)).toEqual([
      'minzdrav27/4509',
      'minzdrav27/4507',
      'minzdrav27/4506',
      'minzdrav27/4503',
      'minzdrav27/4502',
      'minzdrav27/4500',
      'minzdrav27/4498',
    ]);
    // The second page starts before `since` (4497 on 30 November): the third is never asked for.
    expect(requested()).toEqual(['/telegram/s/minzdrav27', '/telegram/s/minzdrav27?before=4502']);
  });

  it('reads a post: text with its line breaks, links, photos, views and reactions', async () => {
    const posts = await (await adapterFor(tme)).listPosts(page, SINCE);
    expect(posts.find((p) => p.platformPostId === 'minzdrav27/4502')).toEqual({
      platformPostId: 'minzdrav27/4502',
      url: 'https://t.me/MinZdrav27/4502',
      publishedAt: new Date('2026-12-03T01:20:11Z'),
      text:
        'Вакцинация против гриппа продолжается\n\nВ Хабаровском крае привито более 520 тысяч человек — 38% населения. ' +
        'Сделать прививку можно в поликлинике по месту прикрепления и в мобильных пунктах.\n\nАдреса пунктов: zdrav.khabkrai.ru/events/4412',
      links: ['https://zdrav.khabkrai.ru/events/4412'],
      attachments: ['https://cdn4.telesco.pe/file/Qw3Ld8vK2pZx7NcR1tYb5uHs0eJf4aMg9oPi6kUl2Wn.jpg'],
      views: 2310,
      likes: 53,
      reposts: null,
      comments: null,
    });
  });

  it('an album is one post with every photo; abbreviated counters read as shown ("15.3K", "1.2K")', async () => {
    const posts = await (await adapterFor(tme)).listPosts(page, SINCE);
    const album = posts.find((p) => p.platformPostId === 'minzdrav27/4503');
    expect(album?.attachments).toEqual([
      'https://cdn4.telesco.pe/file/Ar7nB2cD4eF6gH8iJ0kL1mN3oP5qR7sT9uV1wX3yZ5a.jpg',
      'https://cdn4.telesco.pe/file/Bs8oC3dE5fG7hI9jK1lM2nO4pQ6rS8tU0vW2xY4zA6b.jpg',
      'https://cdn4.telesco.pe/file/Ct9pD4eF6gH8iJ0kL2mN3oP5qR7sT9uV1wX3yZ5aB7c.jpg',
    ]);
    expect(album?.text).toBe(
      'В Советской Гавани открылся новый фельдшерско-акушерский пункт\n\nЗдание построено по программе модернизации первичного звена здравоохранения. ' +
        'Пункт будет обслуживать более 1,5 тысячи жителей посёлка Заветы Ильича.',
    );
    expect(album).toMatchObject({ views: 15_300, likes: 1_286 });
  });

  it('a forwarded post (repost) keeps its text, its link preview and the source post as links', async () => {
    const posts = await (await adapterFor(tme)).listPosts(page, SINCE);
    expect(posts.find((p) => p.platformPostId === 'minzdrav27/4506')).toMatchObject({
      text: 'Губернатор подписал постановление о доплатах медицинским работникам, переехавшим в сельскую местность. Размер единовременной выплаты составит до 2 млн рублей.',
      links: ['https://www.khabkrai.ru/events/news/213700', 'https://t.me/khabkrai_gov/18230'],
      attachments: [],
      views: 4_850,
      likes: null,
    });
  });

  it('keeps absolute links only (not hashtag searches) and emoji as characters', async () => {
    const posts = await (await adapterFor(tme)).listPosts(page, SINCE);
    const post = posts.find((p) => p.platformPostId === 'minzdrav27/4507');
    expect(post?.links).toEqual(['https://www.gosuslugi.ru/10180', 'https://t.me/MinZdrav27']);
    expect(post?.text).toContain('с 9:00 до 14:00 ✅\n\nЗаписаться — на Госуслугах или по телефону 122.\n\n#ДиспансеризацияХК @MinZdrav27');
    expect(post).toMatchObject({ views: 987, likes: null });
  });

  it('a pin is a service message, not a post; the old pinned post stays out of the window and the listing goes on', async () => {
    const posts = await (await adapterFor(tme)).listPosts(page, SINCE);
    expect(posts.map((p) => p.platformPostId)).not.toContain('minzdrav27/4508');
    expect(posts.some((p) => p.text.includes('Телефоны горячей линии'))).toBe(false);
    expect(posts.at(-1)?.publishedAt).toEqual(new Date('2026-11-30T15:45:00Z'));
  });

  it('waits and asks again when t.me says 429: nothing is lost', async () => {
    let limited = false;
    const adapter = await adapterFor((request) => {
      if (!limited) {
        limited = true;
        return html('<html><body>Too Many Requests</body></html>', 429);
      }
      return tme(request);
    });
    const posts = await adapter.listPosts(page, SINCE);
    expect(posts).toHaveLength(7);
    expect(requested()).toEqual(['/telegram/s/minzdrav27', '/telegram/s/minzdrav27', '/telegram/s/minzdrav27?before=4502']);
  });

  it('an unreachable t.me is UNREACHABLE once the retries are spent', async () => {
    const closed = await startFixtureServer(() => html(''));
    await closed.close();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const adapter = createTelegramAdapter({ webUrl: `${closed.url}/telegram`, http: HTTP });
    expect((await failureOf(adapter.listPosts(page, SINCE))).failure).toBe('UNREACHABLE');
    expect(fetchSpy).toHaveBeenCalledTimes(3);
  });
});

describe('Telegram adapter: reading one post', () => {
  it('reads the embed t.me/<channel>/<id>?embed=1', async () => {
    const adapter = await adapterFor(tme);
    const post = await adapter.readPost(page, 'minzdrav27/4507');
    expect(post).toMatchObject({
      platformPostId: 'minzdrav27/4507',
      url: 'https://t.me/MinZdrav27/4507',
      publishedAt: new Date('2026-12-05T00:30:00Z'),
      links: ['https://www.gosuslugi.ru/10180', 'https://t.me/MinZdrav27'],
      views: 1_010,
      likes: 27,
    });
    expect(requested()).toEqual(['/telegram/minzdrav27/4507?embed=1']);
  });

  it('a deleted post ("Post not found") is null, and so is another channel\'s post, unasked', async () => {
    const adapter = await adapterFor(tme);
    await expect(adapter.readPost(page, 'minzdrav27/4501')).resolves.toBeNull();
    await expect(adapter.readPost(page, 'khabkrai_gov/18230')).resolves.toBeNull();
    expect(requested()).toEqual(['/telegram/minzdrav27/4501?embed=1']);
  });
});

describe('Telegram counters', () => {
  it.each([
    ['987', 987],
    ['1.2K', 1_200],
    ['4.85K', 4_850],
    ['15,3K', 15_300],
    ['105K', 105_000],
    ['1.1M', 1_100_000],
    ['', null],
    ['1.2.3K', null],
  ])('"%s" reads as %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it('the stand-in abbreviates as the preview does and the adapter reads it back', () => {
    for (const count of [0, 987, 1_000, 1_150, 15_300, 105_000, 1_230_000]) expect(parseCount(countText(count))).toBe(count);
    expect(countText(1_234)).toBe('1.23K');
  });
});

describe('Telegram adapter against the stand-in', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour, 0, 0));
  const post = (id: number, hour: number, extra: Partial<StandInPost> = {}): StandInPost => ({
    id: String(id),
    publishedAt: at(hour),
    text: `Новость № ${id} министерства здравоохранения`,
    links: [],
    images: [],
    views: 640 + id,
    likes: 0,
    reposts: 3,
    comments: 5,
    ...extra,
  });
  const channel: StandInPage = {
    platform: 'TELEGRAM',
    handle: 'MinZdrav27',
    platformPageId: 'minzdrav27',
    title: 'Минздрав Хабаровского края',
    status: 'OK',
    posts: [
      ...Array.from({ length: 23 }, (_, i) => post(100 + i, i)),
      post(123, 23, {
        text: 'Запись на вакцинацию: https://zdrav.khabkrai.ru/vaccine\nВопросы — по телефону 122',
        images: ['https://cdn.example.ru/photos/vaccine-1.jpg', 'https://cdn.example.ru/photos/vaccine-2.jpg'],
        links: ['https://www.gosuslugi.ru/600178/1'],
        views: 15_300,
        likes: 41,
        pinned: true,
      }),
      post(124, 24, {
        text: '',
        repostOf: {
          text: 'Губернатор провёл совещание по готовности больниц к зиме',
          links: ['https://www.khabkrai.ru/events/news/213701'],
        },
      }),
      post(125, 25, {
        text: 'Коротко:',
        repostOf: { text: 'Открыт новый ФАП в Ванино', links: [] },
        images: ['https://cdn.example.ru/photos/fap.jpg'],
      }),
    ],
  };
  const pages: StandInPage[] = [
    channel,
    {
      platform: 'TELEGRAM',
      handle: 'khv_vrachi_chat',
      platformPageId: 'khv_vrachi_chat',
      title: 'Врачи края — чат',
      status: 'PRIVATE',
      posts: [],
    },
    {
      platform: 'TELEGRAM',
      handle: 'minzdrav27_old',
      platformPageId: 'minzdrav27_old',
      title: 'Старый канал',
      status: 'NOT_FOUND',
      posts: [],
    },
  ];

  async function standInAdapter(): Promise<PlatformAdapter> {
    return adapterFor((request) => {
      const url = new URL(`${request.url.pathname.replace(/^\/telegram/u, '')}${request.url.search}`, 'http://stand-in');
      const answer = telegramStandIn({ method: request.method, url, body: request.body, headers: request.headers }, pages);
      return answer ? { status: answer.status, body: answer.body, contentType: answer.contentType } : html('not a stand-in route', 404);
    });
  }

  /** What the preview can show of a stand-in post: no forwards or comments, likes as a reaction. */
  function expected(given: StandInPost): PlatformPost {
    const linksInText = given.text.match(/https?:\/\/\S+/gu) ?? [];
    return {
      platformPostId: `minzdrav27/${given.id}`,
      url: `https://t.me/MinZdrav27/${given.id}`,
      publishedAt: given.publishedAt,
      text: [given.text, given.repostOf?.text ?? ''].filter((part) => part !== '').join('\n\n'),
      links: [...linksInText, ...given.links, ...(given.repostOf?.links ?? [])].sort(),
      attachments: given.images,
      views: given.views,
      likes: given.likes > 0 ? given.likes : null,
      reposts: null,
      comments: null,
    };
  }

  it('reads back exactly the posts it was given, over two pages of 20', async () => {
    const adapter = await standInAdapter();
    const resolved = await adapter.resolvePage('https://t.me/minzdrav27');
    expect(resolved).toEqual({ platformPageId: 'minzdrav27', title: 'Минздрав Хабаровского края' });
    const since = at(3);
    const posts = await adapter.listPosts(resolved, since);
    const wanted = channel.posts.filter((p) => p.publishedAt >= since).sort((a, b) => Number(b.id) - Number(a.id));
    expect(posts.map((p) => ({ ...p, links: [...p.links].sort() }))).toEqual(wanted.map(expected));
    // The resolving request, then the listing's two pages.
    expect(requested()).toEqual(['/telegram/s/minzdrav27', '/telegram/s/minzdrav27', '/telegram/s/minzdrav27?before=106']);
    const read = await adapter.readPost(resolved, 'minzdrav27/123');
    expect(read && { ...read, links: [...read.links].sort() }).toEqual(
      wanted.map(expected).find((p) => p.platformPostId === 'minzdrav27/123'),
    );
    expect(await adapter.readPost(resolved, 'minzdrav27/999')).toBeNull();
  });

  it('answers a group (PRIVATE) and a free name (NOT_FOUND) as t.me does', async () => {
    const adapter = await standInAdapter();
    expect((await failureOf(adapter.resolvePage('https://t.me/khv_vrachi_chat'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://t.me/minzdrav27_old'))).failure).toBe('NOT_FOUND');
    expect((await failureOf(adapter.resolvePage('https://t.me/nobody_here_27'))).failure).toBe('NOT_FOUND');
  });
});
