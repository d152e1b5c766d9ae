import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformError, type PlatformAdapter, type PlatformPost } from '../../src/platforms/adapter.js';
import { createMaxAdapter } from '../../src/platforms/max/adapter.js';
import { maxPostUrl, maxStandIn } from '../../src/platforms/max/standin.js';
import type { StandInPage, StandInPost } from '../../src/standin/pages.js';
import { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '../support/fixture-server.js';

const HTTP = { ratePerSecond: 1000, backoffMs: 5, retries: 2, timeoutMs: 2000 };
const TOKEN = 'f9LHodD0cOKYVrU7jZ6k4AI6RVg401IjuK36zTixRVAyxAZV';
/** 2026-12-01 00:00 in Vladivostok: the week's start. */
const SINCE = new Date('2026-11-30T14:00:00Z');
const CHAT_ID = '-72056118933478';
const page = { platformPageId: CHAT_ID, title: 'Правительство Хабаровского края' };

const fixture = (name: string) => readFileSync(new URL(`../fixtures/max/${name}`, import.meta.url), 'utf8');
const answer = (name: string, status = 200): FixtureAnswer => ({ status, body: fixture(name) });
const latest = () => (JSON.parse(fixture('messages-latest.json')) as { messages: { timestamp: number; body: { mid: string } }[] }).messages;
const mid = (index: number) => latest()[index]?.body.mid ?? '';

/** The Bot API as recorded for the channel max.ru/khabkrai (bot added) and max.ru/minkult27 (bot removed). */
function botApi(request: FixtureRequest): FixtureAnswer {
  if (request.headers.authorization !== TOKEN) return answer('error-invalid-token.json', 401);
  const path = request.url.pathname.replace(/^\/max/u, '');
  const query = request.url.searchParams;
  if (path === '/chats/khabkrai') return answer('chat.json');
  if (path === '/chats/minkult27') return answer('chat-bot-removed.json');
  if (path.startsWith('/chats/')) return answer('error-chat-not-found.json', 404);
  if (path === '/messages' && query.get('chat_id') === CHAT_ID) {
    return answer(query.has('from') ? 'messages-older.json' : 'messages-latest.json');
  }
  if (path === '/messages' && query.get('chat_id') === '-72056119045512') return answer('error-chat-denied.json', 403);
  if (path === `/messages/${mid(5)}`) return answer('message.json');
  if (path.startsWith('/messages/')) return answer('error-message-not-found.json', 404);
  return { status: 500, body: '{"code":"internal.error","message":"unexpected request"}' };
}

let server: FixtureServer | undefined;

async function adapterFor(handler: (request: FixtureRequest) => FixtureAnswer, botToken: string | null = TOKEN): Promise<PlatformAdapter> {
  server = await startFixtureServer(handler);
  return createMaxAdapter({ apiUrl: `${server.url}/max`, botToken, http: HTTP });
}

const requested = () => (server?.requests ?? []).map((r) => `${r.url.pathname}${r.url.search}`);

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

describe('MAX adapter: resolving a page', () => {
  it.each(['https://max.ru/khabkrai', 'max.ru/khabkrai/', 'https://www.max.ru/@khabkrai', '@khabkrai'])(
    'reads %s by GET /chats/{chatLink}, the token in the Authorization header',
    async (address) => {
      const adapter = await adapterFor(botApi);
      await expect(adapter.resolvePage(address)).resolves.toEqual({ platformPageId: CHAT_ID, title: 'Правительство Хабаровского края' });
      expect(requested()).toEqual(['/max/chats/khabkrai']);
      expect(server?.requests[0]?.headers.authorization).toBe(TOKEN);
    },
  );

  it('refuses an invitation as PRIVATE and another address as NOT_FOUND, without asking the API', async () => {
    const adapter = await adapterFor(botApi);
    expect((await failureOf(adapter.resolvePage('https://max.ru/join/Xk3PqL0aZ1cyNDE6bWF4'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://t.me/khabkrai'))).failure).toBe('NOT_FOUND');
    expect((await failureOf(adapter.resolvePage('https://max.ru/khabkrai/lhDPyEB_dTE'))).failure).toBe('NOT_FOUND');
    expect(requested()).toEqual([]);
  });

  it('a channel the bot was removed from is PRIVATE, and so is its listing (403 chat.denied)', async () => {
    const adapter = await adapterFor(botApi);
    expect((await failureOf(adapter.resolvePage('https://max.ru/minkult27'))).failure).toBe('PRIVATE');
    const denied = await failureOf(adapter.listPosts({ platformPageId: '-72056119045512', title: null }, SINCE));
    expect(denied).toMatchObject({ failure: 'PRIVATE', platformCode: 'chat.denied' });
  });

  it('an unknown link is NOT_FOUND (404 chat.not.found)', async () => {
    const adapter = await adapterFor(botApi);
    expect(await failureOf(adapter.resolvePage('https://max.ru/minzdrav27_old'))).toMatchObject({
      failure: 'NOT_FOUND',
      platformCode: 'chat.not.found',
    });
  });

  it('a refused token (401 verify.token) is NOT_CONFIGURED and not tried again', async () => {
    const adapter = await adapterFor(botApi, 'revoked-token');
    expect(await failureOf(adapter.resolvePage('https://max.ru/khabkrai'))).toMatchObject({
      failure: 'NOT_CONFIGURED',
      platformCode: 'verify.token',
    });
    expect(requested()).toHaveLength(1);
  });

  it('without a token the adapter is not configured and sends nothing', async () => {
    for (const botToken of [null, '  ']) {
      const adapter = await adapterFor(botApi, botToken);
      expect(adapter.configured).toBe(false);
      expect((await failureOf(adapter.resolvePage('https://max.ru/khabkrai'))).failure).toBe('NOT_CONFIGURED');
      expect((await failureOf(adapter.listPosts(page, SINCE))).failure).toBe('NOT_CONFIGURED');
      expect((await failureOf(adapter.readPost(page, mid(5)))).failure).toBe('NOT_CONFIGURED');
      expect(requested()).toEqual([]);
      await server?.close();
    }
  });
});

describe('MAX adapter: listing posts', () => {
  it('pages back with `from` (inclusive) until a short page, bounded below by `to` = since, newest first', async () => {
    const adapter = await adapterFor(botApi);
    const posts = await adapter.listPosts(page, SINCE);
    const recorded = latest();
    expect(posts).toHaveLength(134);
    expect(new Set(posts.map((p) => p.platformPostId)).size).toBe(134);
    expect(posts[0]?.platformPostId).toBe(mid(0));
    expect(posts.every((p, i) => i === 0 || (posts[i - 1]?.publishedAt ?? p.publishedAt) >= p.publishedAt)).toBe(true);
    expect(posts.at(-1)?.publishedAt).toEqual(new Date('2026-11-30T16:11:00Z'));
    const to = String(SINCE.getTime());
    expect(requested()).toEqual([
      `/max/messages?chat_id=${CHAT_ID}&count=100&to=${to}`,
      `/max/messages?chat_id=${CHAT_ID}&count=100&to=${to}&from=${recorded[99]?.timestamp}`,
    ]);
  });

  it('reads a post: text, links in the text and in its markup, views, its public url', async () => {
    const posts = await (await adapterFor(botApi)).listPosts(page, SINCE);
    expect(posts[0]).toEqual({
      platformPostId: mid(0),
      url: 'https://max.ru/khabkrai/XRJdc2fyrQX',
      publishedAt: new Date('2026-12-07T10:00:00Z'),
      text: 'Опубликован план мероприятий к Дню Конституции. Полная программа — на сайте правительства края: https://www.khabkrai.ru/events/news/213802, а запись на экскурсии — подробнее.',
      links: ['https://www.khabkrai.ru/events/news/213802', 'https://kultura.khabkrai.ru/excursions'],
      attachments: [],
      views: 900,
      likes: null,
      reposts: null,
      comments: null,
    });
  });

  it('photos, a video and a file are attachments; a link preview and link buttons are links', async () => {
    const posts = await (await adapterFor(botApi)).listPosts(page, SINCE);
    const byId = (id: string) => posts.find((p) => p.platformPostId === id);
    expect(byId(mid(3))?.attachments).toEqual([
      'https://i.oneme.ru/i?r=BTGBPUwtwgYUeoFhOK_4j9ou_aG-yV7eD6WfvupVKwJKYs',
      'https://i.oneme.ru/i?r=BTGBPUwtwgYUeoFhOK_4j9ouiYklpyE_6CGu4aLwmftMrT',
    ]);
    expect(byId(mid(8))?.links).toEqual(['https://grants.khabkrai.ru/konkurs-2027', 'https://www.gosuslugi.ru/600299/1']);
    expect(byId(mid(12))?.attachments).toEqual([
      'https://vd.oneme.ru/video/94e68d4dd7bfb20b77472976',
      'https://fd.oneme.ru/file/ce7bdd9b27c5daf751e64a56',
    ]);
  });

  it('a repost (a forward) reads as the forwarded text and links; a reply does not take the replied text', async () => {
    const posts = await (await adapterFor(botApi)).listPosts(page, SINCE);
    expect(posts.find((p) => p.platformPostId === mid(5))).toMatchObject({
      text: 'Минздрав края: с 8 декабря открыта запись на вакцинацию против гриппа в мобильных пунктах.',
      links: ['https://zdrav.khabkrai.ru/events/4412'],
      url: 'https://max.ru/khabkrai/lhDPyEB_dTE',
      views: 1_585,
    });
    expect(posts.find((p) => p.text.startsWith('Уточнение'))?.text).toBe('Уточнение: приём документов продлён до 20 декабря.');
  });

  it('the pinned post (October) stays out of the week even though the chat shows it', async () => {
    const adapter = await adapterFor(botApi);
    await adapter.resolvePage('https://max.ru/khabkrai');
    const posts = await adapter.listPosts(page, SINCE);
    expect(posts.some((p) => p.text.startsWith('Телефоны горячей линии'))).toBe(false);
    expect(posts.every((p) => p.publishedAt >= SINCE)).toBe(true);
  });

  it('waits and asks again after 429: nothing is lost', async () => {
    let limited = false;
    const adapter = await adapterFor((request) => {
      if (!limited && request.url.pathname === '/max/messages') {
        limited = true;
        return answer('error-too-many-requests.json', 429);
      }
      return botApi(request);
    });
    expect(await adapter.listPosts(page, SINCE)).toHaveLength(134);
    expect(requested()).toHaveLength(3);
    expect(requested()[0]).toBe(requested()[1]);
  });

  it('an answer of another shape is PARSE_FAILED, not an empty listing', async () => {
    const adapter = await adapterFor(() => answer('changed-shape.json'));
    expect((await failureOf(adapter.listPosts(page, SINCE))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.resolvePage('https://max.ru/khabkrai'))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.readPost(page, mid(5)))).failure).toBe('PARSE_FAILED');
    const notJson = await adapterFor(() => ({ status: 200, body: '<html>502 Bad Gateway</html>', contentType: 'text/html' }));
    expect((await failureOf(notJson.listPosts(page, SINCE))).failure).toBe('PARSE_FAILED');
  });

  it('an unreachable API is UNREACHABLE once the retries are spent', async () => {
    const closed = await startFixtureServer(() => ({ body: '' }));
    await closed.close();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const adapter = createMaxAdapter({ apiUrl: `${closed.url}/max`, botToken: TOKEN, http: HTTP });
    expect((await failureOf(adapter.listPosts(page, SINCE))).failure).toBe('UNREACHABLE');
    expect(fetchSpy).toHaveBeenCalledTimes(3);
  });
});

describe('MAX adapter: reading one post', () => {
  it('reads GET /messages/{messageId}', async () => {
    const adapter = await adapterFor(botApi);
    const post = await adapter.readPost(page, mid(5));
    expect(post).toMatchObject({
      platformPostId: mid(5),
      url: 'https://max.ru/khabkrai/lhDPyEB_dTE',
      publishedAt: new Date('2026-12-07T03:55:00Z'),
    });
    expect(requested()).toEqual([`/max/messages/${mid(5)}`]);
  });

  it('a deleted message (404) is null; so is a message of another chat', async () => {
    const adapter = await adapterFor(botApi);
    await expect(adapter.readPost(page, 'mid.ffff0000000000000000000000000000')).resolves.toBeNull();
    await expect(adapter.readPost({ platformPageId: '-72056119045512', title: null }, mid(5))).resolves.toBeNull();
  });
});

describe('MAX adapter against the stand-in', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 0, minutes));
  const post = (n: number, extra: Partial<StandInPost> = {}): StandInPost => ({
    id: `mid.ffff${n.toString(16).padStart(28, '0')}`,
    publishedAt: at(n * 45),
    text: `Новость № ${n} правительства края`,
    links: [],
    images: [],
    views: 1000 + n,
    likes: 7,
    reposts: 2,
    comments: 1,
    ...extra,
  });
  const channel: StandInPage = {
    platform: 'MAX',
    handle: 'khabkrai',
    platformPageId: CHAT_ID,
    title: 'Правительство Хабаровского края',
    status: 'OK',
    posts: [
      ...Array.from({ length: 140 }, (_, n) => post(n)),
      post(140, {
        text: 'Программа праздника: https://www.khabkrai.ru/events/news/213802',
        links: ['https://kultura.khabkrai.ru/excursions', 'https://www.gosuslugi.ru/600299/1', 'https://grants.khabkrai.ru/konkurs-2027'],
        images: ['https://i.oneme.ru/i?r=one', 'https://i.oneme.ru/i?r=two'],
      }),
      post(141, {
        text: '',
        repostOf: { text: 'Минздрав: открыта запись на вакцинацию', links: ['https://zdrav.khabkrai.ru/events/4412'] },
      }),
      post(142, { pinned: true, publishedAt: new Date('2026-10-01T06:00:00Z'), text: 'Телефоны горячей линии' }),
    ],
  };
  const pages: StandInPage[] = [
    channel,
    {
      platform: 'MAX',
      handle: 'minkult27',
      platformPageId: '-72056119045512',
      title: 'Минкультуры края',
      status: 'PRIVATE',
      posts: [post(1)],
    },
    { platform: 'MAX', handle: 'minzdrav27_old', platformPageId: '-72056119000001', title: 'Старый канал', status: 'NOT_FOUND', posts: [] },
  ];

  async function standInAdapter(botToken: string | null = 'stand-in'): Promise<PlatformAdapter> {
    return adapterFor((request) => {
      const url = new URL(`${request.url.pathname.replace(/^\/max/u, '')}${request.url.search}`, 'http://stand-in');
      const reply = maxStandIn({ method: request.method, url, body: request.body, headers: request.headers }, pages);
      return reply
        ? { status: reply.status, body: reply.body, contentType: reply.contentType }
        : { status: 404, body: 'not a stand-in route' };
    }, botToken);
  }

  function expected(given: StandInPost): PlatformPost {
    return {
      platformPostId: given.id,
      url: maxPostUrl('khabkrai', given.id),
      publishedAt: given.publishedAt,
      text: [given.text, given.repostOf?.text ?? ''].filter((part) => part !== '').join('\n\n'),
      links: [...(given.text.match(/https?:\/\/\S+/gu) ?? []), ...given.links, ...(given.repostOf?.links ?? [])],
      attachments: given.images,
      views: given.views,
      likes: null,
      reposts: null,
      comments: null,
    };
  }

  it('reads back exactly the posts it was given, over two pages of 100', async () => {
    const adapter = await standInAdapter();
    const resolved = await adapter.resolvePage('https://max.ru/khabkrai');
    expect(resolved).toEqual({ platformPageId: CHAT_ID, title: 'Правительство Хабаровского края' });
    const since = at(10 * 45);
    const posts = await adapter.listPosts(resolved, since);
    const wanted = channel.posts.filter((p) => p.publishedAt >= since).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    expect(wanted).toHaveLength(132);
    expect(posts).toEqual(wanted.map(expected));
    expect(requested().filter((path) => path.startsWith('/max/messages'))).toHaveLength(2);
    const last = channel.posts[140];
    expect(await adapter.readPost(resolved, last?.id ?? '')).toEqual(last && expected(last));
    expect(await adapter.readPost(resolved, 'mid.ffff00000000000000000000deadbeef')).toBeNull();
  });

  it('answers a channel without the bot (PRIVATE), no channel (NOT_FOUND) and no token as MAX does', async () => {
    const adapter = await standInAdapter();
    expect((await failureOf(adapter.resolvePage('https://max.ru/minkult27'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.listPosts({ platformPageId: '-72056119045512', title: null }, SINCE))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://max.ru/minzdrav27_old'))).failure).toBe('NOT_FOUND');
    expect((await failureOf(adapter.resolvePage('https://max.ru/nobody_here'))).failure).toBe('NOT_FOUND');
    const refused = maxStandIn({ method: 'GET', url: new URL('http://stand-in/chats/khabkrai'), body: '', headers: {} }, pages);
    expect(refused).toMatchObject({ status: 401 });
  });
});
