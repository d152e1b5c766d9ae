import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformError, type PlatformAdapter, type PlatformPost } from '../../src/platforms/adapter.js';
import { createVkAdapter } from '../../src/platforms/vk/adapter.js';
import { vkStandIn } from '../../src/platforms/vk/standin.js';
import type { StandInPage } from '../../src/standin/pages.js';
import { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '../support/fixture-server.js';

const HTTP = { ratePerSecond: 1000, backoffMs: 5, retries: 2, timeoutMs: 2000 };
const TOKEN = 'vk1.a.service-token-for-tests';
const PAGE = { platformPageId: '187654321', title: 'Министерство культуры Хабаровского края' };
const SINCE = new Date('2025-06-01T00:00:00Z');

function fixture(name: string): FixtureAnswer {
  return { body: readFileSync(new URL(`../fixtures/vk/${name}`, import.meta.url), 'utf8') };
}

/** The parameters of a VK call: the adapter sends them as a form. */
function params(request: FixtureRequest): URLSearchParams {
  return new URLSearchParams(request.body);
}

function method(request: FixtureRequest): string {
  return request.url.pathname.replace(/^\/vk\//u, '');
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function adapterAnswering(
  handler: (request: FixtureRequest) => FixtureAnswer,
  token: string | null = TOKEN,
): Promise<PlatformAdapter> {
  server = await startFixtureServer(handler);
  return createVkAdapter({ apiUrl: `${server.url}/vk`, serviceToken: token, http: HTTP });
}

/** The community's wall as two recorded pages of wall.get (offset 0 and 100). */
function wall(request: FixtureRequest): FixtureAnswer {
  const offset = params(request).get('offset');
  if (method(request) === 'wall.get' && offset === '0') return fixture('wall-get-page1.json');
  if (method(request) === 'wall.get' && offset === '100') return fixture('wall-get-page2.json');
  throw new Error(`unexpected request ${method(request)} offset=${offset}`);
}

function byId(posts: PlatformPost[], id: string): PlatformPost {
  const post = posts.find((p) => p.platformPostId === id);
  if (!post) throw new Error(`no post ${id}`);
  return post;
}

async function failureOf(promise: Promise<unknown>): Promise<PlatformError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  return err as PlatformError;
}

describe('VK adapter', () => {
  it.each([
    ['https://vk.com/minkult27', 'minkult27'],
    ['https://m.vk.com/minkult27/', 'minkult27'],
    ['https://vk.ru/minkult27?from=groups', 'minkult27'],
    ['http://www.vk.com/minkult27#wall', 'minkult27'],
    ['https://vk.com/club187654321', '187654321'],
    ['https://vk.com/public187654321', '187654321'],
    ['https://m.vk.ru/event187654321/', '187654321'],
  ])('resolves %s to the community by its number', async (pageUrl, groupId) => {
    const adapter = await adapterAnswering(() => fixture('groups-getById.json'));
    await expect(adapter.resolvePage(pageUrl)).resolves.toEqual(PAGE);
    const [request] = server!.requests;
    expect(method(request!)).toBe('groups.getById');
    expect(Object.fromEntries(params(request!))).toEqual({ group_id: groupId, access_token: TOKEN, v: '5.199' });
  });

  it('refuses an address that is not a VK community without asking VK', async () => {
    const adapter = await adapterAnswering(() => fixture('groups-getById.json'));
    for (const pageUrl of ['https://t.me/minkult27', 'https://vk.com/wall-187654321_1391', 'https://vk.com/', 'vk.com/minkult27']) {
      expect((await failureOf(adapter.resolvePage(pageUrl))).failure).toBe('NOT_FOUND');
    }
    expect(server!.requests).toHaveLength(0);
  });

  it('lists the posts since a time over several pages of wall.get, stopping at the first older post', async () => {
    const adapter = await adapterAnswering(wall);
    const posts = await adapter.listPosts(PAGE, SINCE);
    expect(posts.map((p) => p.platformPostId)).toEqual([
      '-187654321_1391',
      '-187654321_1390',
      '-187654321_1388',
      '-187654321_1385',
      '-187654321_1383',
    ]);
    expect(server!.requests.map((r) => Object.fromEntries(params(r)))).toEqual([
      { owner_id: '-187654321', count: '100', offset: '0', access_token: TOKEN, v: '5.199' },
      { owner_id: '-187654321', count: '100', offset: '100', access_token: TOKEN, v: '5.199' },
    ]);
  });

  it('passes over an old pinned post on top of the wall without stopping there', async () => {
    const adapter = await adapterAnswering(wall);
    const posts = await adapter.listPosts(PAGE, SINCE);
    // -187654321_1204 is pinned (is_pinned: 1) and from December 2024: outside the window.
    expect(posts.some((p) => p.platformPostId === '-187654321_1204')).toBe(false);
    expect(posts).toHaveLength(5);
  });

  it('reads counters, links from the text and link attachments, and the largest size of each photo', async () => {
    const adapter = await adapterAnswering(wall);
    const posts = await adapter.listPosts(PAGE, SINCE);
    const exhibition = byId(posts, '-187654321_1391');
    expect(exhibition).toMatchObject({
      url: 'https://vk.com/wall-187654321_1391',
      publishedAt: new Date('2025-06-18T02:30:00Z'),
      views: 1520,
      likes: 37,
      reposts: 5,
      comments: 3,
      links: ['https://khabmuseum.ru/exhibitions/amur-river-of-life', 'https://culture.khabkrai.ru/events/Novosti/5823'],
    });
    expect(exhibition.text).toMatch(/^В Хабаровске открылась выставка «Амур — река жизни»/u);
    expect(exhibition.attachments).toHaveLength(2);
    expect(exhibition.attachments.every((a) => a.startsWith('https://sun9-') && a.endsWith('&cs=1280x853'))).toBe(true);

    const congratulation = byId(posts, '-187654321_1388');
    expect(congratulation.views).toBeNull();
    expect(congratulation.text).toBe(
      'Поздравляем коллектив Хабаровского краевого театра драмы с присвоением звания «Заслуженный коллектив»!',
    );
    expect(byId(posts, '-187654321_1385').attachments).toEqual([
      'https://vk.com/doc-187654321_675432198?hash=Ue7nQ2wXk9pR4tLb&dl=Hx3yJ8mV1cZ6sNf0',
    ]);
  });

  it("includes a repost's text and links", async () => {
    const adapter = await adapterAnswering(wall);
    const repost = byId(await adapter.listPosts(PAGE, SINCE), '-187654321_1390');
    expect(repost.text).toContain('делимся новостью Правительства края');
    expect(repost.text).toContain('С 20 по 24 июня во всех муниципальных районах края');
    expect(repost.links).toEqual(['https://khabkrai.ru/events/slav-days-2025', 'https://khabkrai.ru/khabarovsk-krai/news/78412']);
  });

  it('waits and asks again when VK says too many requests (error 6), losing nothing', async () => {
    let limited = false;
    const adapter = await adapterAnswering((request) => {
      if (!limited) {
        limited = true;
        return fixture('error-too-many-requests.json');
      }
      return wall(request);
    });
    const posts = await adapter.listPosts(PAGE, SINCE);
    expect(posts).toHaveLength(5);
    expect(server!.requests.map((r) => params(r).get('offset'))).toEqual(['0', '0', '100']);
  });

  it('reports a closed community, or a wall refused with error 15, as PRIVATE', async () => {
    const adapter = await adapterAnswering((request) =>
      method(request) === 'groups.getById' ? fixture('groups-getById-closed.json') : fixture('error-wall-closed.json'),
    );
    expect((await failureOf(adapter.resolvePage('https://vk.com/club201234567'))).failure).toBe('PRIVATE');
    const refused = await failureOf(adapter.listPosts({ platformPageId: '201234567', title: null }, SINCE));
    expect(refused).toMatchObject({ failure: 'PRIVATE', platformCode: 15 });
  });

  it('reports a deleted community, or an unknown short name (error 100), as NOT_FOUND', async () => {
    const adapter = await adapterAnswering((request) =>
      params(request).get('group_id') === '176543210' ? fixture('groups-getById-deleted.json') : fixture('error-group-undefined.json'),
    );
    expect((await failureOf(adapter.resolvePage('https://vk.com/club176543210'))).failure).toBe('NOT_FOUND');
    expect(await failureOf(adapter.resolvePage('https://vk.com/minles_kgku14'))).toMatchObject({ failure: 'NOT_FOUND', platformCode: 100 });
  });

  it('reads one post with wall.getById, and null once it is deleted', async () => {
    let deleted = false;
    const adapter = await adapterAnswering(() => (deleted ? fixture('wall-getById-empty.json') : fixture('wall-getById.json')));
    const post = await adapter.readPost(PAGE, '-187654321_1391');
    expect(post).toMatchObject({ platformPostId: '-187654321_1391', views: 1520, likes: 37 });
    expect(params(server!.requests[0]!).get('posts')).toBe('-187654321_1391');
    deleted = true;
    await expect(adapter.readPost(PAGE, '-187654321_1391')).resolves.toBeNull();
  });

  it('fails with PARSE_FAILED when the answer is not shaped as VK 5.199 answers', async () => {
    const answers: Record<string, FixtureAnswer> = {
      'groups.getById': fixture('groups-getById-array.json'),
      'wall.get': fixture('wall-get-changed.json'),
      'wall.getById': { body: '<html><body>Ведутся технические работы</body></html>', contentType: 'text/html' },
    };
    const adapter = await adapterAnswering((request) => answers[method(request)]!);
    expect((await failureOf(adapter.resolvePage('https://vk.com/minkult27'))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.readPost(PAGE, '-187654321_1391'))).failure).toBe('PARSE_FAILED');
  });

  it('fails with UNREACHABLE after its retries when VK answers 502 or cannot be reached', async () => {
    const adapter = await adapterAnswering(() => ({ status: 502, body: 'Bad Gateway', contentType: 'text/plain' }));
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('UNREACHABLE');
    expect(server!.requests).toHaveLength(3);

    const closed = await startFixtureServer(() => fixture('groups-getById.json'));
    await closed.close();
    const unreachable = createVkAdapter({ apiUrl: `${closed.url}/vk`, serviceToken: TOKEN, http: HTTP });
    expect((await failureOf(unreachable.resolvePage('https://vk.com/minkult27'))).failure).toBe('UNREACHABLE');
  });

  it('is NOT_CONFIGURED without a service token and sends nothing', async () => {
    const adapter = await adapterAnswering(() => fixture('groups-getById.json'), null);
    expect(adapter.configured).toBe(false);
    expect((await failureOf(adapter.resolvePage('https://vk.com/minkult27'))).failure).toBe('NOT_CONFIGURED');
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('NOT_CONFIGURED');
    expect((await failureOf(adapter.readPost(PAGE, '-187654321_1391'))).failure).toBe('NOT_CONFIGURED');
    expect(server!.requests).toHaveLength(0);
  });

  it('takes the tokens of a pool in turn (each has its own rate limiter), blanks and repeats aside', async () => {
    server = await startFixtureServer(wall);
    const pooled = createVkAdapter({ apiUrl: `${server.url}/vk`, serviceToken: ` ${TOKEN}, second-token ,${TOKEN},`, http: HTTP });
    expect(pooled.configured).toBe(true);
    await pooled.listPosts(PAGE, SINCE);
    await pooled.listPosts(PAGE, SINCE);
    expect(server.requests.map((r) => params(r).get('access_token'))).toEqual([TOKEN, 'second-token', TOKEN, 'second-token']);
  });

  it('is NOT_CONFIGURED when VK refuses the token (error 5)', async () => {
    const adapter = await adapterAnswering(() => fixture('error-token-invalid.json'));
    const refused = await failureOf(adapter.resolvePage('https://vk.com/minkult27'));
    expect(refused).toMatchObject({ failure: 'NOT_CONFIGURED', platformCode: 5 });
    expect(refused.message).toContain('token was refused');
  });
});

describe('VK adapter against the stand-in', () => {
  const pages: StandInPage[] = [
    {
      platform: 'VK',
      handle: 'minles_kgku14',
      platformPageId: '214500300',
      title: 'КГКУ «Хабаровское лесничество»',
      status: 'OK',
      posts: [
        {
          id: '957',
          publishedAt: new Date('2025-06-10T01:00:00Z'),
          text: 'Особый противопожарный режим продлён до 30 июня. Подробнее: https://www.khabkrai.ru/fire-2025',
          links: ['https://les.khabkrai.ru/news/957'],
          images: ['https://sun9-12.userapi.com/impg/fire-regime.jpg?quality=95'],
          views: 940,
          likes: 18,
          reposts: 6,
          comments: 2,
          pinned: true,
        },
        {
          id: '958',
          publishedAt: new Date('2025-06-14T03:30:00Z'),
          text: 'Напоминаем о правилах пожарной безопасности в лесах.',
          links: [],
          images: [],
          views: 512,
          likes: 9,
          reposts: 1,
          comments: 0,
          repostOf: { text: 'Лесопожарная обстановка в крае на 14 июня.', links: ['https://mpr.khabkrai.ru/events/fires-0614'] },
        },
        ...Array.from({ length: 160 }, (_, i) => ({
          id: String(900 - i),
          publishedAt: new Date(Date.UTC(2025, 4, 30, 0, 0, 0) - i * 86_400_000),
          text: `Архивная запись ${i + 1}.`,
          links: [],
          images: [],
          views: 10,
          likes: 0,
          reposts: 0,
          comments: 0,
        })),
      ],
    },
    { platform: 'VK', handle: 'club214500301', platformPageId: '214500301', title: 'Закрытое сообщество', status: 'PRIVATE', posts: [] },
  ];

  async function standInAdapter(): Promise<PlatformAdapter> {
    server = await startFixtureServer((request) => {
      const url = new URL(request.url.pathname.replace(/^\/vk/u, '') + request.url.search, 'http://127.0.0.1');
      const answer = vkStandIn({ method: request.method, url, body: request.body, headers: request.headers }, pages);
      if (!answer) return { status: 404, body: 'not found', contentType: 'text/plain' };
      return { status: answer.status, body: answer.body, contentType: answer.contentType };
    });
    return createVkAdapter({ apiUrl: `${server.url}/vk`, serviceToken: TOKEN, http: HTTP });
  }

  it('reads back exactly the posts the stand-in was given', async () => {
    const adapter = await standInAdapter();
    const page = await adapter.resolvePage('https://vk.com/minles_kgku14');
    expect(page).toEqual({ platformPageId: '214500300', title: 'КГКУ «Хабаровское лесничество»' });
    const posts = await adapter.listPosts(page, new Date('2025-01-01T00:00:00Z'));
    expect(posts.slice(0, 2)).toEqual([
      {
        platformPostId: '-214500300_958',
        url: 'https://vk.com/wall-214500300_958',
        publishedAt: new Date('2025-06-14T03:30:00Z'),
        text: 'Напоминаем о правилах пожарной безопасности в лесах.\n\nЛесопожарная обстановка в крае на 14 июня.',
        links: ['https://mpr.khabkrai.ru/events/fires-0614'],
        attachments: [],
        views: 512,
        likes: 9,
        reposts: 1,
        comments: 0,
      },
      {
        platformPostId: '-214500300_957',
        url: 'https://vk.com/wall-214500300_957',
        publishedAt: new Date('2025-06-10T01:00:00Z'),
        text: 'Особый противопожарный режим продлён до 30 июня. Подробнее: https://www.khabkrai.ru/fire-2025',
        links: ['https://www.khabkrai.ru/fire-2025', 'https://les.khabkrai.ru/news/957'],
        attachments: ['https://sun9-12.userapi.com/impg/fire-regime.jpg?quality=95'],
        views: 940,
        likes: 18,
        reposts: 6,
        comments: 2,
      },
    ]);
    // 2025-05-30 back to 2025-01-01: 150 archive posts besides those two, across two pages of 100.
    expect(posts).toHaveLength(152);
    expect(posts.at(-1)?.publishedAt).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(server!.requests.filter((r) => method(r) === 'wall.get').map((r) => params(r).get('offset'))).toEqual(['0', '100']);
    await expect(adapter.readPost(page, '-214500300_958')).resolves.toEqual(posts[0]);
    await expect(adapter.readPost(page, '-214500300_99')).resolves.toBeNull();
    expect((await failureOf(adapter.resolvePage('https://vk.com/club214500301'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://vk.com/unknown_page'))).failure).toBe('NOT_FOUND');
  });
});
