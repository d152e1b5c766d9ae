import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformSettings } from '@hub/common';
import type { StandInPage, StandInPlatform } from './pages.js';

export type { StandInPage, StandInPost } from './pages.js';
import { vkStandIn } from '../platforms/vk/standin.js';
import { telegramStandIn } from '../platforms/telegram/standin.js';
import { okStandIn } from '../platforms/ok/standin.js';
import { maxStandIn } from '../platforms/max/standin.js';

/** Each platform under its own path prefix, as its adapter's base URL points there. */
const PREFIXES: Record<string, StandInPlatform> = { vk: vkStandIn, telegram: telegramStandIn, ok: okStandIn, max: maxStandIn };

export interface StandIn {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The pages served from now on (a test deletes a post or closes a page between crawls). */
  pages: StandInPage[];
  /** Each request received, as `<platform prefix> <path and query>`, e.g. `vk /wall.get?…`. */
  requests: string[];
  /** Platform prefixes (`vk`, `telegram`, `ok`, `max`) whose every request answers HTTP 503: an outage. */
  outage: Set<string>;
  /** Settings that point every adapter here, with stand-in credentials. */
  settings(ratePerSecond?: number): PlatformSettings;
  /** The same as the environment a process reads them from (README.md, "Settings"). */
  env(ratePerSecond?: number): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The local stand-in for the four platforms (docs/DESIGN.md, "Evidence from the platforms"):
 * one HTTP server answering each adapter's requests in its platform's real format from the pages
 * it is given. `npm start` without platform credentials and the end-to-end tests read it.
 */
export async function startStandIn(pages: StandInPage[], port = 0): Promise<StandIn> {
  const state = { pages };
  const requests: string[] = [];
  const outage = new Set<string>();
  const server: Server = createServer((req, res) => {
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
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    outage,
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
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
