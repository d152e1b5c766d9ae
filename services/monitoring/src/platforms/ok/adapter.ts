/**
 * OK groups through the OK REST API (apiok.ru/dev/methods), each call signed in the application's
 * session (signature.ts): url.getInfo resolves a short name, group.getInfo reads the group,
 * mediatopic.getTopics lists its topics page by page (anchor / has_more), mediatopic.getByIds
 * reads one. Calls are form POSTs to the configured fb.do address (OK takes GET or POST; POST keeps
 * the token out of request lines and logs).
 */
import { PlatformError, type PlatformAdapter, type PlatformPost, type ResolvedPage } from '../adapter.js';
import { PlatformHttp, parseJson, type PlatformHttpOptions } from '../http.js';
import { okGroupRef } from './page-url.js';
import { okFailure, parseGroupInfo, parseTopicById, parseTopicsPage, parseUrlInfo, readOkError, type OkTopicPost } from './parse.js';
import { okSignature } from './signature.js';

/** Topics asked for per page of mediatopic.getTopics. */
const TOPICS_PAGE_SIZE = 50;

/** A topic's fields and those of the photos it refers to (OK's field sets). */
const TOPIC_FIELDS = 'media_topic.*,group_photo.*';

export interface OkSettings {
  /** OK_API_URL (its default: services/common/src/config.ts). */
  apiUrl: string;
  appKey: string | null;
  appSecret: string | null;
  accessToken: string | null;
  http: PlatformHttpOptions;
}

interface OkCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
}

export function createOkAdapter(settings: OkSettings): PlatformAdapter {
  const http = new PlatformHttp('OK', settings.http);
  const appKey = settings.appKey?.trim();
  const appSecret = settings.appSecret?.trim();
  const accessToken = settings.accessToken?.trim();
  const credentials: OkCredentials | null = appKey && appSecret && accessToken ? { appKey, appSecret, accessToken } : null;

  function requireCredentials(): OkCredentials {
    if (credentials === null)
      throw new PlatformError('NOT_CONFIGURED', 'OK: the application key, secret and access token are not all configured');
    return credentials;
  }

  async function callMethod(method: string, params: Record<string, string>): Promise<unknown> {
    const { appKey, appSecret, accessToken } = requireCredentials();
    const signed = { ...params, application_key: appKey, format: 'json', method };
    const body = new URLSearchParams({ ...signed, sig: okSignature(signed, accessToken, appSecret), access_token: accessToken });
    return http.call(async (send) => {
      const answer = await send(settings.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      // OK reports its errors as JSON (with an invocation-error header), whatever the status.
      const json = answer.status === 200 ? parseJson('OK', answer.text) : tryJson(answer.text);
      const error = readOkError(json);
      if (error) throw okFailure(error, method);
      if (answer.status !== 200) throw new PlatformError('UNREACHABLE', `OK: ${method} answered HTTP ${answer.status}`, answer.status);
      return json;
    });
  }

  async function groupIdOf(pageUrl: string): Promise<string> {
    const ref = okGroupRef(pageUrl);
    if (ref === null) throw new PlatformError('NOT_FOUND', `OK: ${pageUrl} is not an OK group's address`);
    if ('groupId' in ref) return ref.groupId;
    const object = parseUrlInfo(await callMethod('url.getInfo', { url: ref.shortNameUrl }));
    if (object.type.toUpperCase() !== 'GROUP') throw new PlatformError('NOT_FOUND', `OK: ${pageUrl} is a ${object.type}, not a group`);
    return object.objectId;
  }

  return {
    platform: 'OK',
    configured: credentials !== null,

    async resolvePage(pageUrl: string): Promise<ResolvedPage> {
      requireCredentials();
      const groupId = await groupIdOf(pageUrl);
      const group = parseGroupInfo(await callMethod('group.getInfo', { uids: groupId, fields: 'uid,name,access_type' }));
      if (group === null) throw new PlatformError('NOT_FOUND', `OK: group ${groupId} does not exist`);
      if (group.accessType === 'CLOSED' || group.accessType === 'SECRET')
        throw new PlatformError('PRIVATE', `OK: group ${groupId} is ${group.accessType.toLowerCase()}`);
      return { platformPageId: group.id, title: group.name };
    },

    async listPosts(page: ResolvedPage, since: Date): Promise<PlatformPost[]> {
      requireCredentials();
      const groupId = checkedGroupId(page);
      const found = new Map<string, PlatformPost>();
      let anchor: string | null = null;
      for (;;) {
        const params: Record<string, string> = {
          gid: groupId,
          count: String(TOPICS_PAGE_SIZE),
          direction: 'FORWARD',
          fields: TOPIC_FIELDS,
        };
        if (anchor !== null) params.anchor = anchor;
        const topics = parseTopicsPage(await callMethod('mediatopic.getTopics', params), groupId);
        // Newest first, except a pinned (sticky) topic, which may be older: only an unpinned
        // topic older than `since` ends the listing.
        let pastSince = false;
        for (const post of topics.posts) {
          if (post.publishedAt >= since) found.set(post.platformPostId, withoutPinned(post));
          else if (!post.pinned) pastSince = true;
        }
        if (pastSince || topics.posts.length === 0 || topics.nextAnchor === null || topics.nextAnchor === anchor) break;
        anchor = topics.nextAnchor;
      }
      return [...found.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    },

    async readPost(page: ResolvedPage, platformPostId: string): Promise<PlatformPost | null> {
      requireCredentials();
      const groupId = checkedGroupId(page);
      if (!/^\d+$/u.test(platformPostId)) return null;
      try {
        const post = parseTopicById(
          await callMethod('mediatopic.getByIds', { topic_ids: platformPostId, fields: TOPIC_FIELDS }),
          groupId,
          platformPostId,
        );
        return post === null ? null : withoutPinned(post);
      } catch (err) {
        if (err instanceof PlatformError && err.failure === 'NOT_FOUND') return null;
        throw err;
      }
    },
  };
}

function checkedGroupId(page: ResolvedPage): string {
  if (!/^\d+$/u.test(page.platformPageId)) throw new PlatformError('NOT_FOUND', `OK: ${page.platformPageId} is not a group id`);
  return page.platformPageId;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function withoutPinned({ pinned: _pinned, ...post }: OkTopicPost): PlatformPost {
  return post;
}
