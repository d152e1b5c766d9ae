import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { PlatformSettings } from '@hub/common';
import type { StandInPage, StandInPlatform } from './pages.js';
import { standInPhoto } from './images.js';

export { standInPost, type StandInPage, type StandInPost } from './pages.js';
import { vkStandIn } from '../platforms/vk/standin.js';
import { telegramStandIn } from '../platforms/telegram/standin.js';
import { okStandIn } from '../platforms/ok/standin.js';
import { maxStandIn } from '../platforms/max/standin.js';

/** Each platform under its own path prefix, as its adapter's base URL points there. */
const PREFIXES: Record<string, StandInPlatform> = { vk: vkStandIn, telegram: telegramStandIn, ok: okStandIn, max: maxStandIn };

export interface StandIn {
  /** http://127.0.0.1:<port> */
  url: string;
  /** https://127.0.0.1:<another port>: the same answers over TLS, with the certificate of standin-tls/ (README there). */
  secureUrl: string;
  /** The pages served from now on (a test deletes a post or closes a page between crawls). */
  pages: StandInPage[];
  /** Each request received, as `<platform prefix> <path and query>`, e.g. `vk /wall.get?…`. */
  requests: string[];
  /** Platform prefixes (`vk`, `telegram`, `ok`, `max`) whose every request answers HTTP 503: an outage. */
  outage: Set<string>;
  /**
   * The https address of a generated photo (src/standin/images.ts: `flood.jpg`,
   * `flood@320~q40.jpg`), as a platform's CDN or the content center serves it.
   */
  imageUrl(name: string): string;
  /** Settings that point every adapter here, with stand-in credentials. */
  settings(ratePerSecond?: number): PlatformSettings;
  /** The same as the environment a process reads them from (README.md, "Settings"). */
  env(ratePerSecond?: number): Record<string, string>;
  close(): Promise<void>;
}

/** The stand-in's certificate (standin-tls/README.md), outside src/ so that dist/ finds it at the same place. */
export const STAND_IN_CA_FILE = fileURLToPath(new URL('../../standin-tls/stand-in.cert.pem', import.meta.url));
const STAND_IN_KEY_FILE = fileURLToPath(new URL('../../standin-tls/stand-in.key.pem', import.meta.url));

/**
 * The local stand-in for the four platforms (docs/DESIGN.md, "Evidence from the platforms"):
 * one HTTP server answering each adapter's requests in its platform's real format from the pages
 * it is given, and the same over HTTPS for the photos (a material's media links are https only).
 * `npm start` without platform credentials and the end-to-end tests read it.
 */
export async function startStandIn(pages: StandInPage[], port = 0): Promise<StandIn> {
  const state = { pages };
  const requests: string[] = [];
  const outage = new Set<string>();
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const [, prefix = '', ...rest] = url.pathname.split('/');
      const platform = PREFIXES[prefix];
      const inner = new URL(`/${rest.join('/')}${url.search}`, 'http://stand-in');
      requests.push(`${prefix} ${inner.pathname}${inner.search}`);
      if (outage.has(prefix)) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('stand-in outage');
        return;
      }
      if (prefix === 'images') {
        void servePhoto(rest.join('/'), res);
        return;
      }
      const answer = platform?.(
        { method: req.method ?? 'GET', url: inner, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers },
        state.pages,
      );
      if (!answer) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not a stand-in route');
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    });
  };
  const server: Server = createServer(answer);
  const secureServer = createTlsServer({ cert: readFileSync(STAND_IN_CA_FILE), key: readFileSync(STAND_IN_KEY_FILE) }, answer);
  const listen = (on: Server, at: number) =>
    new Promise<string>((resolve) => on.listen(at, '127.0.0.1', () => resolve(`127.0.0.1:${(on.address() as AddressInfo).port}`)));
  const url = `http://${await listen(server, port)}`;
  const secureUrl = `https://${await listen(secureServer, 0)}`;
  const photos = { trustedOrigins: [secureUrl], caFile: STAND_IN_CA_FILE };
  return {
    url,
    secureUrl,
    requests,
    outage,
    imageUrl: (name) => `${secureUrl}/images/${name}`,
    get pages() {
      return state.pages;
    },
    set pages(next) {
      state.pages = next;
    },
    settings: (ratePerSecond = 50) => ({
      vk: { apiUrl: `${url}/vk`, serviceToken: 'stand-in', ratePerSecond },
      telegram: { webUrl: `${url}/telegram`, ratePerSecond },
      ok: { apiUrl: `${url}/ok/fb.do`, appKey: 'stand-in', appSecret: 'stand-in', accessToken: 'stand-in', ratePerSecond },
      max: { apiUrl: `${url}/max`, botToken: 'stand-in', ratePerSecond },
      photos,
    }),
    env: (ratePerSecond = 50) => ({
      VK_API_URL: `${url}/vk`,
      VK_SERVICE_TOKEN: 'stand-in',
      VK_RATE_PER_SECOND: String(ratePerSecond),
      TELEGRAM_WEB_URL: `${url}/telegram`,
      TELEGRAM_RATE_PER_SECOND: String(ratePerSecond),
      OK_API_URL: `${url}/ok/fb.do`,
      OK_APP_KEY: 'stand-in',
      OK_APP_SECRET: 'stand-in',
      OK_ACCESS_TOKEN: 'stand-in',
      OK_RATE_PER_SECOND: String(ratePerSecond),
      MAX_API_URL: `${url}/max`,
      MAX_BOT_TOKEN: 'stand-in',
      MAX_RATE_PER_SECOND: String(ratePerSecond),
      MONITORING_PHOTO_ORIGINS: secureUrl,
      MONITORING_PHOTO_CA: STAND_IN_CA_FILE,
    }),
    close: async () => {
      await Promise.all([server, secureServer].map((on) => new Promise<void>((resolve) => on.close(() => resolve()))));
    },
  };
}

async function servePhoto(name: string, res: ServerResponse): Promise<void> {
  const photo = await standInPhoto(decodeURIComponent(name)).catch(() => null);
  if (!photo) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such stand-in image');
    return;
  }
  res.writeHead(200, { 'content-type': photo.contentType, 'content-length': photo.bytes.length }).end(photo.bytes);
}
