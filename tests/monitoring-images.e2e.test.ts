// Photos as matching evidence, through the gateway (docs/DESIGN.md, "Matching"): a post whose
// only tie to a material is its photo, re-encoded smaller by the platform, is offered to the
// officer as an IMAGE match; the material's images come from its https media links, each fetched
// once; an address in the hub's own network is never fetched; a photo that cannot be read now is
// read on a later crawl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { tokenFor, type GraphQLClient } from '@hub/common/testing';
import { standInPost, startStandIn, type StandIn } from '@hub/monitoring/standin';
import { addOfficialPage, distributedMaterial, registerOrganization } from './support/fixtures.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { PagePostsDocument } from './generated/contract.js';

// Friday 4 December 2026, 18:00 in Khabarovsk.
let now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let standIn: StandIn;
let admin: GraphQLClient;
let orgId: string;
let pageId: string;
let material: string;

const post = (id: string, text: string, images: string[]) => standInPost(id, new Date(now.getTime() - 10 * 60_000), text, { images });

const crawl = async () => {
  const res = await admin.request<{ crawlPage: { status: string } }>('mutation($id: ID!) { crawlPage(pageId: $id) { status } }', {
    id: pageId,
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.crawlPage.status).toBe('OK');
};
/** Each post of the page by its number on the wall ("301"), with its matches. */
const posts = async () => {
  const data = await admin.data(PagePostsDocument, { id: orgId, first: 20 });
  const page = data.organization!.pages.find((p) => p.id === pageId)!;
  return new Map(page.posts!.edges.map((e) => [e.node.url.replace(/^.*_/, ''), e.node]));
};
const db = () => hub.subgraphs.monitoring.orm.em.fork();
const imageRequests = () => standIn.requests.filter((r) => r.startsWith('images '));

beforeAll(async () => {
  standIn = await startStandIn([
    { platform: 'VK', handle: 'photos_flood27', platformPageId: '210000031', title: 'МЧС района', status: 'OK', posts: [] },
  ]);
  hub = await startTestHub({ clock: () => now, env: standIn.env() });
  const adminToken = await tokenFor('ADMIN');
  admin = hub.client(adminToken);
  orgId = await registerOrganization(hub.gatewayUrl, adminToken, {
    name: 'Комитет по делам ГО и ЧС района (фото)',
    kind: 'EXECUTIVE_BODY',
    head: { fullName: 'Сидоров Иван Петрович', position: 'Председатель', email: 'photos-head@khv-region.test' },
  });
  pageId = await addOfficialPage(hub.gatewayUrl, adminToken, {
    organizationId: orgId,
    platform: 'VK',
    url: 'https://vk.com/photos_flood27',
  });
  material = await distributedMaterial(
    hub.gatewayUrl,
    await tokenFor('EDITOR'),
    {
      title: 'Паводок: как подготовить дом к весне',
      body: 'Специалисты напоминают жителям края, как заранее подготовить частный дом и приусадебный участок к весеннему половодью.',
      topic: 'SOCIAL',
      mediaLinks: [
        standIn.imageUrl('flood.jpg'),
        standIn.imageUrl('missing'),
        // The hub's own network: never fetched, whatever an editor typed.
        'https://169.254.169.254/latest/meta-data/photo.jpg',
        'https://localhost:5432/photo.jpg',
      ],
    },
    { organizationIds: [orgId] },
  );
  now = new Date(now.getTime() + 3_600_000);
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await standIn?.close();
});

describe('photos as evidence that a material was placed', () => {
  it('offers a post whose only tie to the material is its photo, re-encoded by the platform, as an IMAGE match for the officer', async () => {
    standIn.pages[0]!.posts = [
      post('301', 'Фото дня 📷', [standIn.imageUrl('flood@320~q40.jpg')]),
      post('302', 'Учения на реке прошли успешно', [standIn.imageUrl('river.jpg'), standIn.imageUrl('parade.png')]),
    ];
    await crawl();
    const found = await posts();
    const photoOnly = found.get('301')!.matches;
    expect(photoOnly).toMatchObject([{ material: { id: material }, evidence: 'IMAGE', decision: null }]);
    expect(photoOnly[0]!.score).toBeGreaterThanOrEqual(0.4);
    expect(photoOnly[0]!.score).toBeLessThan(0.6);
    expect(found.get('302')!.matches).toEqual([]);

    const stored = await queryRows<{ platform_post_id: string; image_hashes: string[] | null }>(
      db(),
      sql`select platform_post_id, image_hashes from monitoring.page_post order by platform_post_id`,
    );
    expect(stored.map((p) => [p.platform_post_id.replace(/^.*_/, ''), p.image_hashes?.length])).toEqual([
      ['301', 1],
      ['302', 2],
    ]);
  });

  it("keeps what each of the material's links gave: a hash, or why not, final for what will never read; the hub's own network is not fetched", async () => {
    const images = await queryRows<{ url: string; hash: string | null; failure: string | null; retry_after: string | null }>(
      db(),
      sql`select url, hash, failure, retry_after::text from monitoring.material_image where material_id = ${material}::uuid order by url`,
    );
    const byUrl = new Map(images.map((row) => [row.url.replace(standIn.secureUrl, ''), row]));
    expect(byUrl.get('/images/flood.jpg')).toMatchObject({
      hash: expect.stringMatching(/^[0-9a-f]{16}$/u),
      failure: null,
      retry_after: null,
    });
    expect(byUrl.get('/images/missing')).toMatchObject({ hash: null, failure: 'HTTP 404', retry_after: null });
    expect(byUrl.get('https://169.254.169.254/latest/meta-data/photo.jpg')).toMatchObject({
      hash: null,
      failure: expect.stringMatching(/not a public address/u),
      retry_after: null,
    });
    expect(byUrl.get('https://localhost:5432/photo.jpg')).toMatchObject({ failure: expect.stringMatching(/not a public address/u) });
    expect(imageRequests().sort()).toEqual(
      ['images /flood.jpg', 'images /missing', 'images /flood@320~q40.jpg', 'images /river.jpg', 'images /parade.png'].sort(),
    );
  });

  it('fetches nothing again on the next crawl, and reads a photo that could not be read on a later one', async () => {
    const before = imageRequests().length;
    now = new Date(now.getTime() + 60_000);
    await crawl();
    expect(imageRequests()).toHaveLength(before);

    // The platform's photo server is down when a new post is first seen: no hashes yet, no match.
    standIn.pages[0]!.posts = [...standIn.pages[0]!.posts, post('303', 'И ещё фото', [standIn.imageUrl('flood@480~q60.webp')])];
    standIn.outage.add('images');
    now = new Date(now.getTime() + 60_000);
    await crawl();
    expect((await posts()).get('303')!.matches).toEqual([]);

    standIn.outage.delete('images');
    now = new Date(now.getTime() + 60_000);
    await crawl();
    expect((await posts()).get('303')!.matches).toMatchObject([{ material: { id: material }, evidence: 'IMAGE', decision: null }]);
    // The 404 and the refused addresses were final: not tried again.
    expect(imageRequests().filter((r) => r === 'images /missing')).toHaveLength(1);
  });
});
