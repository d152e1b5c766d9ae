import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformError, type PlatformAdapter, type PlatformPost } from '../../src/platforms/adapter.js';
import { createOkAdapter } from '../../src/platforms/ok/adapter.js';
import { okSignature } from '../../src/platforms/ok/signature.js';
import { okStandIn } from '../../src/platforms/ok/standin.js';
import type { StandInPage } from '../../src/standin/pages.js';
import { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '../support/fixture-server.js';

const HTTP = { ratePerSecond: 1000, backoffMs: 5, retries: 2, timeoutMs: 2000 };
const CREDENTIALS = {
  appKey: 'CBAFJIICABABABABA',
  appSecret: '0A1B2C3D4E5F60718293A4B5',
  accessToken: 'tkn1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
};
const GROUP_ID = '70000004512873';
const PAGE = { platformPageId: GROUP_ID, title: 'Министерство культуры Хабаровского края' };
const SINCE = new Date('2025-06-01T00:00:00Z');

function fixture(name: string): FixtureAnswer {
  return { body: readFileSync(new URL(`../fixtures/ok/${name}`, import.meta.url), 'utf8'), contentType: 'application/json;charset=utf-8' };
}

/** The parameters of an OK call: the adapter sends them as a form to fb.do. */
function params(request: FixtureRequest): URLSearchParams {
  return new URLSearchParams(request.body);
}

function method(request: FixtureRequest): string {
  return params(request).get('method') ?? '';
}

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function adapterAnswering(
  handler: (request: FixtureRequest) => FixtureAnswer,
  credentials: { appKey: string | null; appSecret: string | null; accessToken: string | null } = CREDENTIALS,
): Promise<PlatformAdapter> {
  server = await startFixtureServer(handler);
  return createOkAdapter({ apiUrl: `${server.url}/ok/fb.do`, ...credentials, http: HTTP });
}

/** The group's feed as two recorded pages of mediatopic.getTopics. */
function feed(request: FixtureRequest): FixtureAnswer {
  const anchor = params(request).get('anchor');
  if (method(request) === 'mediatopic.getTopics' && anchor === null) return fixture('mediatopic-getTopics-page1.json');
  if (method(request) === 'mediatopic.getTopics' && anchor === 'Njk2MDAwMDA0NTEyODczOjE1NjIxOTkzMDQ3ODExMjoxNzQ5NzAzNTAwMDAw') {
    return fixture('mediatopic-getTopics-page2.json');
  }
  throw new Error(`unexpected request ${method(request)} anchor=${anchor}`);
}

/** url.getInfo and group.getInfo for the ministry's group. */
function group(request: FixtureRequest): FixtureAnswer {
  if (method(request) === 'url.getInfo') return fixture('url-getInfo.json');
  if (method(request) === 'group.getInfo') return fixture('group-getInfo.json');
  throw new Error(`unexpected request ${method(request)}`);
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

describe('OK request signature', () => {
  // The worked example of the server-to-server scheme in aiookru's documentation
  // (konstantintogoi.github.io/aiookru/api), following apiok.ru/en/dev/methods.
  it('signs as the platform documents: md5(sorted key=value pairs + md5(access_token + secret))', () => {
    const params = { application_key: 'ABCDEFGHIGKLMNOPK', format: 'json', method: 'events.get' };
    expect(okSignature(params, '-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7', 'ABC123DEF456GHI789JKL123')).toBe(
      '232c8eb921951c4dba9b72606f9ddb4c',
    );
  });

  it('leaves access_token out of what it signs', () => {
    const params = { application_key: 'ABCDEFGHIGKLMNOPK', format: 'json', method: 'events.get' };
    const token = '-s-84W-s3egarWUsbkq-IWTucuedzTKT8VUXIA.s4Xx8IW7';
    expect(okSignature({ ...params, access_token: token }, token, 'ABC123DEF456GHI789JKL123')).toBe(
      okSignature(params, token, 'ABC123DEF456GHI789JKL123'),
    );
  });
});

describe('OK adapter', () => {
  it.each([
    'https://ok.ru/group/70000004512873',
    'https://m.ok.ru/group/70000004512873/',
    'http://www.ok.ru/group/70000004512873?st.cmd=altGroupMain',
  ])('resolves %s by its group id with group.getInfo', async (pageUrl) => {
    const adapter = await adapterAnswering(group);
    await expect(adapter.resolvePage(pageUrl)).resolves.toEqual(PAGE);
    expect(server!.requests.map(method)).toEqual(['group.getInfo']);
    expect(params(server!.requests[0]!).get('uids')).toBe(GROUP_ID);
  });

  it.each(['https://ok.ru/minkult27', 'https://m.ok.ru/minkult27?utm_source=vk', 'https://www.ok.ru/minkult27/'])(
    'resolves the short name %s with url.getInfo, then reads the group',
    async (pageUrl) => {
      const adapter = await adapterAnswering(group);
      await expect(adapter.resolvePage(pageUrl)).resolves.toEqual(PAGE);
      expect(server!.requests.map(method)).toEqual(['url.getInfo', 'group.getInfo']);
      expect(params(server!.requests[0]!).get('url')).toBe('https://ok.ru/minkult27');
    },
  );

  it('signs every call in the session and sends the access token beside the signature', async () => {
    const adapter = await adapterAnswering(group);
    await adapter.resolvePage('https://ok.ru/minkult27');
    for (const request of server!.requests) {
      const sent = Object.fromEntries(params(request));
      const { sig, access_token: token, ...signed } = sent;
      expect(token).toBe(CREDENTIALS.accessToken);
      expect(signed).toMatchObject({ application_key: CREDENTIALS.appKey, format: 'json' });
      expect(sig).toBe(okSignature(signed, CREDENTIALS.accessToken, CREDENTIALS.appSecret));
      expect(request.url.pathname).toBe('/ok/fb.do');
    }
  });

  it('refuses an address that is not an OK group without asking OK', async () => {
    const adapter = await adapterAnswering(group);
    for (const pageUrl of ['https://vk.com/minkult27', 'https://ok.ru/profile/561104947330', 'https://ok.ru/', 'ok.ru/minkult27']) {
      expect((await failureOf(adapter.resolvePage(pageUrl))).failure).toBe('NOT_FOUND');
    }
    expect(server!.requests).toHaveLength(0);
  });

  it("lists the group's topics since a time, following the anchor while has_more, stopping at the first older topic", async () => {
    const adapter = await adapterAnswering(feed);
    const posts = await adapter.listPosts(PAGE, SINCE);
    expect(posts.map((p) => p.platformPostId)).toEqual([
      '156274519283716',
      '156251083746529',
      '156219930478112',
      '156180024517390',
      '156163377201845',
    ]);
    const sent = server!.requests.map((r) => params(r));
    expect(sent.map((p) => p.get('anchor'))).toEqual([null, 'Njk2MDAwMDA0NTEyODczOjE1NjIxOTkzMDQ3ODExMjoxNzQ5NzAzNTAwMDAw']);
    expect(sent.every((p) => p.get('gid') === GROUP_ID && p.get('direction') === 'FORWARD')).toBe(true);
  });

  it('passes over an old pinned (sticky) topic at the top of the feed without stopping there', async () => {
    const adapter = await adapterAnswering(feed);
    const posts = await adapter.listPosts(PAGE, SINCE);
    expect(posts.some((p) => p.platformPostId === '155873201946512')).toBe(false);
    expect(posts).toHaveLength(5);
  });

  it("reads counters, links from text and link blocks, and each photo's largest image", async () => {
    const adapter = await adapterAnswering(feed);
    const posts = await adapter.listPosts(PAGE, SINCE);
    const exhibition = byId(posts, '156274519283716');
    expect(exhibition).toMatchObject({
      url: 'https://ok.ru/group/70000004512873/topic/156274519283716',
      publishedAt: new Date('2025-06-18T02:30:00Z'),
      views: 2310,
      likes: 54,
      reposts: 8,
      comments: 6,
      links: ['https://khabmuseum.ru/exhibitions/amur-river-of-life', 'https://culture.khabkrai.ru/events/Novosti/5823'],
      attachments: [
        'https://i.mycdn.me/i?r=AyH4iRPQ2q0otWIFepML2LxR7vYx2QmKpT9bNw4hLs1cFg&fn=w_1280',
        'https://i.mycdn.me/i?r=AyH4iRPQ2q0otWIFepML2LxRk3JdW8sQnV1zXb6tMp2yRe&fn=w_1280',
      ],
    });
    expect(exhibition.text).toMatch(/^В Хабаровске открылась выставка «Амур — река жизни»/u);
    expect(byId(posts, '156219930478112').views).toBeNull();
  });

  it("includes a reshared topic's text and links", async () => {
    const adapter = await adapterAnswering(feed);
    const reshare = byId(await adapter.listPosts(PAGE, SINCE), '156251083746529');
    expect(reshare.text).toContain('делимся новостью Правительства края');
    expect(reshare.text).toContain('С 20 по 24 июня во всех муниципальных районах края');
    expect(reshare.links).toEqual(['https://khabkrai.ru/events/slav-days-2025', 'https://khabkrai.ru/khabarovsk-krai/news/78412']);
  });

  it('waits and asks again when OK reports flood (error 8), losing nothing', async () => {
    let flooded = false;
    const adapter = await adapterAnswering((request) => {
      if (!flooded) {
        flooded = true;
        return fixture('error-flood.json');
      }
      return feed(request);
    });
    expect(await adapter.listPosts(PAGE, SINCE)).toHaveLength(5);
    expect(server!.requests.map((r) => params(r).get('anchor'))).toEqual([
      null,
      null,
      'Njk2MDAwMDA0NTEyODczOjE1NjIxOTkzMDQ3ODExMjoxNzQ5NzAzNTAwMDAw',
    ]);
  });

  it('reports a closed group, or content refused with PERMISSION_DENIED (10), as PRIVATE', async () => {
    const adapter = await adapterAnswering((request) =>
      method(request) === 'group.getInfo' ? fixture('group-getInfo-closed.json') : fixture('error-permission.json'),
    );
    expect((await failureOf(adapter.resolvePage('https://ok.ru/group/53871604093011'))).failure).toBe('PRIVATE');
    const refused = await failureOf(adapter.listPosts({ platformPageId: '53871604093011', title: null }, SINCE));
    expect(refused).toMatchObject({ failure: 'PRIVATE', platformCode: 10 });
  });

  it('reports a group that is gone, or a short name OK does not know (300), as NOT_FOUND', async () => {
    const adapter = await adapterAnswering((request) =>
      method(request) === 'group.getInfo' ? fixture('group-getInfo-empty.json') : fixture('error-not-found.json'),
    );
    expect((await failureOf(adapter.resolvePage('https://ok.ru/group/53000000000001'))).failure).toBe('NOT_FOUND');
    expect(await failureOf(adapter.resolvePage('https://ok.ru/minles_kgku14'))).toMatchObject({ failure: 'NOT_FOUND', platformCode: 300 });
  });

  it('reads one topic with mediatopic.getByIds, and null once it is deleted', async () => {
    let deleted = false;
    const adapter = await adapterAnswering(() => fixture(deleted ? 'mediatopic-getByIds-empty.json' : 'mediatopic-getByIds.json'));
    await expect(adapter.readPost(PAGE, '156274519283716')).resolves.toMatchObject({
      platformPostId: '156274519283716',
      likes: 54,
      views: 2310,
    });
    expect(params(server!.requests[0]!).get('topic_ids')).toBe('156274519283716');
    deleted = true;
    await expect(adapter.readPost(PAGE, '156274519283716')).resolves.toBeNull();
  });

  it('fails with PARSE_FAILED when the answer is not shaped as OK answers', async () => {
    const answers: Record<string, FixtureAnswer> = {
      'group.getInfo': fixture('group-getInfo-object.json'),
      'mediatopic.getTopics': fixture('mediatopic-getTopics-changed.json'),
      'mediatopic.getByIds': { body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' },
    };
    const adapter = await adapterAnswering((request) => answers[method(request)]!);
    expect((await failureOf(adapter.resolvePage('https://ok.ru/group/70000004512873'))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('PARSE_FAILED');
    expect((await failureOf(adapter.readPost(PAGE, '156274519283716'))).failure).toBe('PARSE_FAILED');
  });

  it('fails with UNREACHABLE after its retries when OK answers 503 or cannot be reached', async () => {
    const adapter = await adapterAnswering(() => ({ status: 503, body: 'Service Unavailable', contentType: 'text/plain' }));
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('UNREACHABLE');
    expect(server!.requests).toHaveLength(3);

    const closed = await startFixtureServer(() => fixture('group-getInfo.json'));
    await closed.close();
    const unreachable = createOkAdapter({ apiUrl: `${closed.url}/ok/fb.do`, ...CREDENTIALS, http: HTTP });
    expect((await failureOf(unreachable.resolvePage('https://ok.ru/group/70000004512873'))).failure).toBe('UNREACHABLE');
  });

  it.each([
    { appKey: null, appSecret: CREDENTIALS.appSecret, accessToken: CREDENTIALS.accessToken },
    { appKey: CREDENTIALS.appKey, appSecret: '', accessToken: CREDENTIALS.accessToken },
    { appKey: CREDENTIALS.appKey, appSecret: CREDENTIALS.appSecret, accessToken: null },
  ])('is NOT_CONFIGURED without all three credentials and sends nothing (%o)', async (credentials) => {
    const adapter = await adapterAnswering(group, credentials);
    expect(adapter.configured).toBe(false);
    expect((await failureOf(adapter.resolvePage('https://ok.ru/minkult27'))).failure).toBe('NOT_CONFIGURED');
    expect((await failureOf(adapter.listPosts(PAGE, SINCE))).failure).toBe('NOT_CONFIGURED');
    expect((await failureOf(adapter.readPost(PAGE, '156274519283716'))).failure).toBe('NOT_CONFIGURED');
    expect(server!.requests).toHaveLength(0);
  });

  it('is NOT_CONFIGURED when OK refuses the signature (104)', async () => {
    const adapter = await adapterAnswering(() => fixture('error-signature.json'));
    expect(await failureOf(adapter.resolvePage('https://ok.ru/group/70000004512873'))).toMatchObject({
      failure: 'NOT_CONFIGURED',
      platformCode: 104,
    });
  });
});

describe('OK adapter against the stand-in', () => {
  const pages: StandInPage[] = [
    {
      platform: 'OK',
      handle: 'les.khabkrai',
      platformPageId: '70000009911223',
      title: 'КГКУ «Хабаровское лесничество»',
      status: 'OK',
      posts: [
        {
          id: '156300000000057',
          publishedAt: new Date('2025-06-10T01:00:00Z'),
          text: 'Особый противопожарный режим продлён до 30 июня. Подробнее: https://www.khabkrai.ru/fire-2025',
          links: ['https://les.khabkrai.ru/news/57'],
          images: ['https://i.mycdn.me/i?r=FireRegime2025'],
          views: 940,
          likes: 18,
          reposts: 6,
          comments: 2,
          pinned: true,
        },
        {
          id: '156300000000058',
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
        ...Array.from({ length: 70 }, (_, i) => ({
          id: String(156200000000100 + i),
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
    {
      platform: 'OK',
      handle: 'group/70000009911224',
      platformPageId: '70000009911224',
      title: 'Закрытая группа',
      status: 'PRIVATE',
      posts: [],
    },
  ];

  async function standInAdapter(): Promise<PlatformAdapter> {
    server = await startFixtureServer((request) => {
      const url = new URL(request.url.pathname.replace(/^\/ok/u, '') + request.url.search, 'http://127.0.0.1');
      const answer = okStandIn({ method: request.method, url, body: request.body, headers: request.headers }, pages);
      if (!answer) return { status: 404, body: 'not found', contentType: 'text/plain' };
      return { status: answer.status, body: answer.body, contentType: answer.contentType };
    });
    return createOkAdapter({ apiUrl: `${server.url}/ok`, ...CREDENTIALS, http: HTTP });
  }

  it('reads back exactly the posts the stand-in was given', async () => {
    const adapter = await standInAdapter();
    const page = await adapter.resolvePage('https://ok.ru/les.khabkrai');
    expect(page).toEqual({ platformPageId: '70000009911223', title: 'КГКУ «Хабаровское лесничество»' });
    const posts = await adapter.listPosts(page, new Date('2025-04-01T00:00:00Z'));
    expect(posts.slice(0, 2)).toEqual([
      {
        platformPostId: '156300000000058',
        url: 'https://ok.ru/group/70000009911223/topic/156300000000058',
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
        platformPostId: '156300000000057',
        url: 'https://ok.ru/group/70000009911223/topic/156300000000057',
        publishedAt: new Date('2025-06-10T01:00:00Z'),
        text: 'Особый противопожарный режим продлён до 30 июня. Подробнее: https://www.khabkrai.ru/fire-2025',
        links: ['https://www.khabkrai.ru/fire-2025', 'https://les.khabkrai.ru/news/57'],
        attachments: ['https://i.mycdn.me/i?r=FireRegime2025'],
        views: 940,
        likes: 18,
        reposts: 6,
        comments: 2,
      },
    ]);
    // 2025-05-30 back to 2025-04-01: 60 archive topics besides those two, across two pages of 50.
    expect(posts).toHaveLength(62);
    expect(posts.at(-1)?.publishedAt).toEqual(new Date('2025-04-01T00:00:00Z'));
    expect(server!.requests.filter((r) => method(r) === 'mediatopic.getTopics')).toHaveLength(2);
    await expect(adapter.readPost(page, '156300000000058')).resolves.toEqual(posts[0]);
    await expect(adapter.readPost(page, '156399999999999')).resolves.toBeNull();
    expect((await failureOf(adapter.resolvePage('https://ok.ru/group/70000009911224'))).failure).toBe('PRIVATE');
    expect((await failureOf(adapter.resolvePage('https://ok.ru/unknown.page'))).failure).toBe('NOT_FOUND');
  });
});
