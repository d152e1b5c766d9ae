/**
 * Telegram channels through their public web preview, as anyone without an account sees them:
 * t.me/s/<channel> (a page of about 20 messages, `?before=<id>` for older ones) and
 * t.me/<channel>/<id>?embed=1 (one message). No bot, no account, no credentials: always configured.
 * A name without a preview is redirected by t.me/s/<name> to t.me/<name>, whose page tells a
 * name someone holds (a group, a person, a channel without a preview: PRIVATE) from a free one
 * (NOT_FOUND).
 */
import { PlatformError, type PlatformAdapter, type PlatformPost, type ResolvedPage } from '../adapter.js';
import { PlatformHttp, type PlatformHttpOptions, type PlatformResponse } from '../http.js';
import { telegramPageRef } from './page-url.js';
import { parseChannelPage, parseEmbed, readNamePage, type TelegramChannelPage } from './parse.js';

export interface TelegramSettings {
  /** TELEGRAM_WEB_URL (its default: services/common/src/config.ts). */
  webUrl: string;
  http: PlatformHttpOptions;
}

export function createTelegramAdapter(settings: TelegramSettings): PlatformAdapter {
  const http = new PlatformHttp('TELEGRAM', settings.http);
  const base = settings.webUrl.endsWith('/') ? settings.webUrl : `${settings.webUrl}/`;

  function urlOf(path: string[], query: Record<string, string> = {}): string {
    const url = new URL(path.map(encodeURIComponent).join('/'), base);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }

  /**
   * One page: 200, a redirect and a 404 are answers to read; anything else is UNREACHABLE (and
   * tried again).
   */
  function fetchPage(url: string): Promise<PlatformResponse> {
    return http.call(async (send) => {
      const answer = await send(url, { headers: { accept: 'text/html' } });
      const readable = answer.status === 200 || answer.status === 404 || (answer.status >= 300 && answer.status < 400);
      if (!readable) throw new PlatformError('UNREACHABLE', `TELEGRAM: ${url} answered HTTP ${answer.status}`, answer.status);
      return answer;
    });
  }

  async function channelPage(channel: string, before: number | null): Promise<TelegramChannelPage> {
    const answer = await fetchPage(urlOf(['s', channel], before === null ? {} : { before: String(before) }));
    if (answer.status === 200) return parseChannelPage(answer.text, channel);
    if (answer.status === 404) throw new PlatformError('NOT_FOUND', `TELEGRAM: t.me/s/${channel} answered 404`, 404);
    // No public preview: t.me/<name> says whether anyone holds the name.
    const namePage = await fetchPage(urlOf([channel]));
    if (namePage.status === 200 && readNamePage(namePage.text) === 'TAKEN') {
      throw new PlatformError('PRIVATE', `TELEGRAM: ${channel} has no public preview (a group, a person or a closed channel)`);
    }
    if (namePage.status === 200 || namePage.status === 404)
      throw new PlatformError('NOT_FOUND', `TELEGRAM: no channel is named ${channel}`);
    throw new PlatformError('PARSE_FAILED', `TELEGRAM: t.me/${channel} redirects too`);
  }

  return {
    platform: 'TELEGRAM',
    configured: true,

    async resolvePage(pageUrl: string): Promise<ResolvedPage> {
      const ref = telegramPageRef(pageUrl);
      if (ref === null) throw new PlatformError('NOT_FOUND', `TELEGRAM: ${pageUrl} is not a Telegram channel's address`);
      if (ref.kind === 'invite') throw new PlatformError('PRIVATE', `TELEGRAM: ${pageUrl} is a private chat's invitation`);
      const page = await channelPage(ref.name, null);
      if (page.title === null) throw new PlatformError('PARSE_FAILED', `TELEGRAM: t.me/s/${ref.name} shows no channel info`);
      return { platformPageId: ref.name, title: page.title };
    },

    async listPosts(page: ResolvedPage, since: Date): Promise<PlatformPost[]> {
      const found = new Map<string, PlatformPost>();
      let before: number | null = null;
      for (;;) {
        const current = await channelPage(page.platformPageId, before);
        for (const post of current.posts) if (post.publishedAt >= since) found.set(post.platformPostId, post);
        // Pages go back by message id, which is publication order: a page reaching before
        // `since` is the last one needed.
        if (current.olderBefore === null || current.oldestAt === null || current.oldestAt < since) break;
        if (before !== null && current.olderBefore >= before) {
          throw new PlatformError(
            'PARSE_FAILED',
            `TELEGRAM: t.me/s/${page.platformPageId}?before=${before} points to before=${current.olderBefore}`,
          );
        }
        before = current.olderBefore;
      }
      return [...found.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || messageId(b) - messageId(a));
    },

    async readPost(page: ResolvedPage, platformPostId: string): Promise<PlatformPost | null> {
      const [channel, id] = platformPostId.split('/');
      if (channel !== page.platformPageId || id === undefined || !/^\d+$/u.test(id)) return null;
      const answer = await fetchPage(urlOf([channel, id], { embed: '1' }));
      if (answer.status === 200) return parseEmbed(answer.text, channel);
      if (answer.status === 404) return null;
      throw new PlatformError('PARSE_FAILED', `TELEGRAM: the embed of ${platformPostId} redirects`);
    },
  };
}

function messageId(post: PlatformPost): number {
  return Number(post.platformPostId.split('/')[1]);
}
