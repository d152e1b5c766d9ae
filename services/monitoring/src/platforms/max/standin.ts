/**
 * The stand-in's MAX Bot API: GET /chats/{chatLink} (or /chats/{chatId}), GET /messages?chat_id=
 * (newest first, `count` at most 100, `from` and `to` in milliseconds, both inclusive, or
 * `message_ids`) and GET /messages/{messageId}, in the shapes of dev.max.ru/docs-api, errors as
 * `{"code", "message"}`. A request without an `Authorization` header is refused (401).
 *
 * A PRIVATE page is a public channel the bot is not in: its chat answers with the bot "removed"
 * and its messages with 403. A NOT_FOUND page is no channel at all (404). The stand-in's model
 * is mapped onto MAX's: images as `image` attachments, the first attached link as a link preview
 * (`share`), further ones as link buttons, a repost as a forward (`link.type: "forward"`) with
 * the reposted text and links, a pinned post as the chat's `pinned_message`, only views counted.
 */
import { createHash } from 'node:crypto';
import type { StandInAnswer, StandInPage, StandInPlatform, StandInPost } from '../../standin/pages.js';

type Json = Record<string, unknown>;

/** The channel reposts come from (the stand-in's model does not say). */
const SOURCE_CHANNEL_ID = -71830264509127;

export const maxStandIn: StandInPlatform = (request, pages) => {
  if (request.method !== 'GET') return null;
  const [resource, id, ...rest] = request.url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  if (rest.length > 0 || (resource !== 'chats' && resource !== 'messages') || (resource === 'chats' && id === undefined)) return null;
  const authorization = request.headers.authorization;
  if (typeof authorization !== 'string' || authorization.trim() === '') return error(401, 'verify.token', 'Invalid access_token');
  const channels = pages.filter((page) => page.platform === 'MAX');
  if (resource === 'chats') return chat(channels, id ?? '');
  if (id !== undefined) return message(channels, id);
  return messages(channels, request.url.searchParams);
};

function chat(channels: StandInPage[], ref: string): StandInAnswer {
  const link = ref.replace(/^@/u, '').toLowerCase();
  const page = channels.find((p) => p.handle.toLowerCase() === link || p.platformPageId === ref);
  if (!page || page.status === 'NOT_FOUND') return error(404, 'chat.not.found', 'Chat not found');
  const pinned = page.status === 'OK' ? page.posts.find((post) => post.pinned) : undefined;
  const newest = Math.max(0, ...page.posts.map((post) => post.publishedAt.getTime()));
  return json(200, {
    chat_id: Number(page.platformPageId),
    type: 'channel',
    status: page.status === 'PRIVATE' ? 'removed' : 'active',
    title: page.title,
    icon: { url: `https://i.oneme.ru/i?r=${token(`icon:${page.handle}`)}` },
    last_event_time: newest,
    participants_count: 1200 + page.posts.length * 17,
    is_public: true,
    link: `https://max.ru/${page.handle}`,
    description: `Официальный канал: ${page.title}`,
    messages_count: page.posts.length,
    pinned_message: pinned ? render(page, pinned) : null,
  });
}

function messages(channels: StandInPage[], params: URLSearchParams): StandInAnswer {
  const ids = params.get('message_ids');
  if (ids !== null && params.get('chat_id') === null) {
    const wanted = new Set(ids.split(','));
    const found = channels
      .filter((page) => page.status === 'OK')
      .flatMap((page) => page.posts.filter((post) => wanted.has(post.id)).map((post) => render(page, post)));
    return json(200, { messages: found });
  }
  const page = channels.find((p) => p.platformPageId === params.get('chat_id'));
  if (!page || page.status === 'NOT_FOUND') return error(404, 'chat.not.found', 'Chat not found');
  if (page.status === 'PRIVATE') return error(403, 'chat.denied', `Access to chat ${page.platformPageId} is denied`);
  const from = numberParam(params, 'from');
  const to = numberParam(params, 'to');
  const count = Math.min(Math.max(numberParam(params, 'count') ?? 50, 1), 100);
  const inRange = page.posts
    .filter((post) => (from === null || post.publishedAt.getTime() <= from) && (to === null || post.publishedAt.getTime() >= to))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return json(200, { messages: inRange.slice(0, count).map((post) => render(page, post)) });
}

function message(channels: StandInPage[], mid: string): StandInAnswer {
  for (const page of channels) {
    const post = page.status === 'OK' ? page.posts.find((p) => p.id === mid) : undefined;
    if (post) return json(200, render(page, post));
  }
  return error(404, 'not.found', 'Message not found');
}

function render(page: StandInPage, post: StandInPost): Json {
  const forward = post.repostOf
    ? {
        link: {
          type: 'forward',
          chat_id: SOURCE_CHANNEL_ID,
          message: body(`${post.id}.fwd`, post.publishedAt, post.repostOf.text, [], post.repostOf.links),
        },
      }
    : {};
  return {
    recipient: { chat_id: Number(page.platformPageId), chat_type: 'channel', user_id: null },
    timestamp: post.publishedAt.getTime(),
    body: body(post.id, post.publishedAt, post.text, post.images, post.links),
    ...forward,
    stat: { views: post.views },
    url: post.url ?? maxPostUrl(page.handle, post.id),
  };
}

function body(mid: string, at: Date, text: string, images: string[], links: string[]): Json {
  const [preview, ...buttons] = links;
  const attachments: Json[] = [
    ...images.map((url) => ({ type: 'image', payload: { photo_id: photoId(url), token: token(`photo:${url}`), url } })),
    ...(preview === undefined
      ? []
      : [
          {
            type: 'share',
            payload: { url: preview, token: token(`share:${preview}`) },
            title: URL.canParse(preview) ? new URL(preview).hostname : preview,
            description: null,
            image_url: null,
          },
        ]),
    ...(buttons.length === 0
      ? []
      : [{ type: 'inline_keyboard', payload: { buttons: buttons.map((url) => [{ type: 'link', text: 'Подробнее', url }]) } }]),
  ];
  return {
    mid,
    seq: at.getTime() * 1000 + (photoId(mid) % 1000),
    text,
    attachments: attachments.length > 0 ? attachments : null,
    markup: null,
  };
}

/** A post's public address: max.ru/<channel link>/<short post id> (the stand-in derives the short id from the message id). */
export function maxPostUrl(handle: string, mid: string): string {
  return `https://max.ru/${handle}/${token(`post:${mid}`)}`;
}

function token(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, 11);
}

function photoId(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

function numberParam(params: URLSearchParams, name: string): number | null {
  const value = params.get(name);
  return value !== null && /^-?\d+$/u.test(value) ? Number(value) : null;
}

function json(status: number, value: unknown): StandInAnswer {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

function error(status: number, code: string, message: string): StandInAnswer {
  return json(status, { code, message });
}
