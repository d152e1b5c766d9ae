/**
 * MAX channels through the MAX Bot API (dev.max.ru/docs-api) with the token of a bot the channel
 * has added: GET /chats/{chatLink} resolves a channel's public link, GET /messages?chat_id= lists
 * its posts newest first (`from`/`to` bound the time, in milliseconds, both inclusive), GET
 * /messages/{messageId} reads one. The token goes in the `Authorization` header: the API no
 * longer takes it as the `access_token` query parameter.
 */
import { PlatformError, type PlatformAdapter, type PlatformPost, type ResolvedPage } from '../adapter.js';
import { PlatformHttp, parseJson, type PlatformHttpOptions } from '../http.js';
import { maxPageRef } from './page-url.js';
import { maxFailure, parseChat, parseMessage, parseMessageList } from './parse.js';

/** GET /messages' largest `count`. */
const PAGE_SIZE = 100;

export interface MaxSettings {
  /** MAX_API_URL (its default: services/common/src/config.ts). */
  apiUrl: string;
  botToken: string | null;
  http: PlatformHttpOptions;
}

export function createMaxAdapter(settings: MaxSettings): PlatformAdapter {
  const http = new PlatformHttp('MAX', settings.http);
  const token = settings.botToken?.trim() || null;
  const base = settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`;

  function requireToken(): string {
    if (token === null) throw new PlatformError('NOT_CONFIGURED', 'MAX: no bot token is configured');
    return token;
  }

  function get(path: string[], query: Record<string, string> = {}): Promise<unknown> {
    const authorization = requireToken();
    const url = new URL(path.map(encodeURIComponent).join('/'), base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const what = `GET /${path.join('/')}`;
    return http.call(async (send) => {
      const answer = await send(url.toString(), { headers: { authorization, accept: 'application/json' } });
      if (answer.status !== 200) throw maxFailure(answer.status, answer.text, what);
      return parseJson('MAX', answer.text);
    });
  }

  return {
    platform: 'MAX',
    configured: token !== null,

    async resolvePage(pageUrl: string): Promise<ResolvedPage> {
      requireToken();
      const ref = maxPageRef(pageUrl);
      if (ref === null) throw new PlatformError('NOT_FOUND', `MAX: ${pageUrl} is not a MAX channel's public address`);
      if (ref.kind === 'invite') throw new PlatformError('PRIVATE', `MAX: ${pageUrl} invites to a private chat`);
      const chat = parseChat(await get(['chats', ref.link]));
      if (chat.type !== 'channel') throw new PlatformError('NOT_FOUND', `MAX: ${ref.link} is a ${chat.type}, not a channel`);
      if (chat.status === 'closed') throw new PlatformError('NOT_FOUND', `MAX: channel ${chat.chatId} is closed`);
      // "removed" or "left": the bot is no longer in the channel and may not read it.
      if (chat.status !== 'active') throw new PlatformError('PRIVATE', `MAX: the bot is ${chat.status} from channel ${chat.chatId}`);
      return { platformPageId: chat.chatId, title: chat.title };
    },

    async listPosts(page: ResolvedPage, since: Date): Promise<PlatformPost[]> {
      requireToken();
      const chatId = channelId(page);
      const found = new Map<string, PlatformPost>();
      const seen = new Set<number | string>();
      let from: number | null = null;
      for (;;) {
        const query: Record<string, string> = { chat_id: chatId, count: String(PAGE_SIZE), to: String(since.getTime()) };
        if (from !== null) query.from = String(from);
        const messages = parseMessageList(await get(['messages'], query));
        let fresh = 0;
        for (const message of messages) {
          const key = message.post?.platformPostId ?? message.timestamp;
          if (seen.has(key)) continue;
          seen.add(key);
          fresh++;
          if (message.post !== null && message.post.publishedAt >= since) found.set(message.post.platformPostId, message.post);
        }
        // Newest first: the next page ends at this one's oldest message (`from` is inclusive, so
        // that message comes again and is skipped). A short page is the last one in [to, from].
        const oldest = Math.min(...messages.map((message) => message.timestamp));
        if (messages.length < PAGE_SIZE || fresh === 0 || oldest < since.getTime()) break;
        from = oldest;
      }
      return [...found.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    },

    async readPost(page: ResolvedPage, platformPostId: string): Promise<PlatformPost | null> {
      requireToken();
      if (!/^[\w.-]+$/u.test(platformPostId)) return null;
      let body: unknown;
      try {
        body = await get(['messages', platformPostId]);
      } catch (err) {
        // "404: the message is not found or the bot has no access to it" (GET /messages/{messageId}).
        if (err instanceof PlatformError && err.failure === 'NOT_FOUND') return null;
        throw err;
      }
      const message = parseMessage(body);
      return message.chatId === null || message.chatId === page.platformPageId ? message.post : null;
    },
  };
}

/** Channel ids are negative 64-bit numbers (-72056118933478). */
function channelId(page: ResolvedPage): string {
  if (!/^-?\d+$/u.test(page.platformPageId)) throw new PlatformError('NOT_FOUND', `MAX: ${page.platformPageId} is not a chat id`);
  return page.platformPageId;
}
