import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dctHash, hashDistance, perceptualHash } from '../../src/domain/image-hash.js';
import { createPhotoHasher } from '../../src/platforms/photos.js';
import { isPublicAddress, refusedHost, type Resolve } from '../../src/platforms/public-address.js';
import { standInPhoto } from '../../src/standin/images.js';

const hashOf = async (name: string): Promise<string> => (await perceptualHash((await standInPhoto(name))!.bytes))!;

describe('perceptual hashes of photos', () => {
  it('keeps a photo re-encoded smaller, more compressed or in another format within a few bits, and another photo far', async () => {
    const original = await hashOf('flood.jpg');
    expect(original).toMatch(/^[0-9a-f]{16}$/u);
    for (const copy of ['flood@320~q40.jpg', 'flood.png', 'flood@1024~q60.webp']) {
      expect(hashDistance(original, await hashOf(copy)), copy).toBeLessThanOrEqual(6);
    }
    for (const other of ['river.jpg', 'parade.jpg', 'school.jpg']) {
      expect(hashDistance(original, await hashOf(other)), other).toBeGreaterThan(16);
    }
  });

  it('gives no hash for a flat picture and refuses bytes that are not an image', async () => {
    const grey = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    expect(await perceptualHash(grey)).toBeNull();
    expect(dctHash(new Uint8Array(1024).fill(200))).toBeNull();
    await expect(perceptualHash(Buffer.from('<html>not a photo</html>'))).rejects.toThrow();
  });

  it('counts the differing bits', () => {
    expect(hashDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hashDistance('8000000000000001', '0000000000000000')).toBe(2);
  });
});

describe('which addresses a photo may be fetched from', () => {
  it('knows public unicast addresses from the loopback, private, link-local and reserved ones', () => {
    for (const address of ['8.8.8.8', '95.163.1.1', '2a00:1450:4010::1']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'localhost',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it('refuses other schemes and private hosts by name or number, unless the origin is a configured platform', () => {
    const trusted = new Set(['http://127.0.0.1:8123']);
    expect(refusedHost(new URL('file:///etc/passwd'), trusted)).toMatch(/not http/u);
    for (const local of ['http://localhost:5432/', 'https://db.internal/', 'https://media.khv-region.test/a.jpg', 'https://printer.local/'])
      expect(refusedHost(new URL(local), trusted), local).toMatch(/not a public address/u);
    expect(refusedHost(new URL('http://169.254.169.254/latest/meta-data'), trusted)).toMatch(/not a public address/u);
    expect(refusedHost(new URL('http://[::1]:4001/'), trusted)).toMatch(/not a public address/u);
    expect(refusedHost(new URL('http://127.0.0.1:8123/images/flood.jpg'), trusted)).toBeNull();
    expect(refusedHost(new URL('https://sun9-1.userapi.com/photo.jpg'), trusted)).toBeNull();
  });
});

describe('fetching a photo to hash it', () => {
  let server: Server;
  let origin: string;
  let served = 0;
  const routes: Record<string, (res: ServerResponse) => unknown> = {
    '/flood.jpg': async (res) => {
      const photo = (await standInPhoto('flood@320~q40.jpg'))!;
      res.writeHead(200, { 'content-type': photo.contentType }).end(photo.bytes);
    },
    '/moved': (res) => res.writeHead(302, { location: '/flood.jpg' }).end(),
    '/to-private': (res) => res.writeHead(302, { location: 'http://127.0.0.2:9/secret' }).end(),
    '/page.html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
    '/busy': (res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('busy'),
    '/big.jpg': (res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(4096, 1)),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      served++;
      const route = routes[req.url ?? ''];
      if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
      void route(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hashes a photo from a trusted origin, following a redirect', async () => {
    const photos = createPhotoHasher({ trustedOrigins: [origin] });
    const direct = await photos.hash(`${origin}/flood.jpg`);
    expect(direct).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{16}$/u) });
    expect(await photos.hash(`${origin}/moved`)).toEqual(direct);
    expect(hashDistance((direct as { hash: string }).hash, await hashOf('flood.jpg'))).toBeLessThanOrEqual(6);
  });

  it('says whether a failure may pass: 5xx may, 404, not an image, too large or a private address will not', async () => {
    const photos = createPhotoHasher({ trustedOrigins: [origin], maxBytes: 1024 });
    expect(await photos.hash(`${origin}/busy`)).toMatchObject({ failure: 'TRANSIENT', reason: 'HTTP 503' });
    expect(await photos.hash(`${origin}/missing.jpg`)).toMatchObject({ failure: 'PERMANENT', reason: 'HTTP 404' });
    expect(await photos.hash(`${origin}/page.html`)).toMatchObject({ failure: 'PERMANENT', reason: 'not an image: text/html' });
    expect(await photos.hash(`${origin}/big.jpg`)).toMatchObject({ failure: 'PERMANENT' });
    expect(await photos.hash('ftp://example.org/photo.jpg')).toMatchObject({ failure: 'PERMANENT' });
    // A trusted origin's redirect to a private address is checked as any other address.
    expect(await photos.hash(`${origin}/to-private`)).toMatchObject({
      failure: 'PERMANENT',
      reason: expect.stringMatching(/not a public address/u),
    });
  });

  it('refuses the local network when not configured as a platform, by address or by a name that resolves to it', async () => {
    // A name that resolves to the loopback (as a rebinding DNS answer would) is refused when connecting.
    const rebinding: Resolve = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const photos = createPhotoHasher({ resolve: rebinding });
    const port = new URL(origin).port;
    const servedBefore = served;
    expect(await photos.hash(`${origin}/flood.jpg`)).toMatchObject({
      failure: 'PERMANENT',
      reason: expect.stringMatching(/not a public address/u),
    });
    expect(await photos.hash(`http://photos.khv-region.ru:${port}/flood.jpg`)).toMatchObject({
      failure: 'PERMANENT',
      reason: expect.stringMatching(/resolves to 127\.0\.0\.1, not a public address/u),
    });
    expect(served, 'nothing reached the local server').toBe(servedBefore);
  });
});
