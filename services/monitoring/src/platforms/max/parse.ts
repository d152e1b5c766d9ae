/**
 * MAX Bot API answers read into the hub's shapes. Field names and nesting follow the API's
 * OpenAPI schema as dev.max.ru/docs-api publishes it (archived in
 * github.com/max-messenger-bot/max-bot-api-schemas): Chat, MessageList, Message, MessageBody,
 * LinkedMessage, Attachment (image, video, file, share, inline_keyboard), MarkupElement, Error.
 * Anything else is PARSE_FAILED.
 */
import { PlatformError, type CrawlFailure, type PlatformPost } from '../adapter.js';
import { shapeChanged, isRecord, isInteger, linksInText, unique } from '../answer.js';

export interface MaxChat {
  chatId: string;
  /** "channel", "chat" (a group) or "dialog". */
  type: string;
  /** The bot's standing in the chat: "active", "removed", "left" or "closed". */
  status: string;
  title: string | null;
}

export interface MaxMessage {
  /** Creation time, milliseconds (the API's unit for every date). */
  timestamp: number;
  chatId: string | null;
  /** Null for a message without a body of its own (the schema allows it for a bare forward). */
  post: PlatformPost | null;
}

function isOptionalString(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === 'string';
}

const changed = (what: string): PlatformError => shapeChanged('MAX', what);

/**
 * An error answer: the HTTP status with `{"code": "<key>", "message": "…"}` (the API's Error
 * object). 401 means the token was refused; 403 the bot may not read the chat ("chat.denied");
 * 404 no such chat or message (or none the bot may see); 429 and 5xx never get here (PlatformHttp).
 */
export function maxFailure(status: number, text: string, what: string): PlatformError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML page: the status says enough.
  }
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : undefined;
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : '';
  const failure: CrawlFailure =
    status === 401 ? 'NOT_CONFIGURED' : status === 403 ? 'PRIVATE' : status === 404 ? 'NOT_FOUND' : 'UNREACHABLE';
  const detail = failure === 'NOT_CONFIGURED' ? 'the bot token was refused' : `HTTP ${status}`;
  return new PlatformError(failure, `MAX: ${what}: ${detail} (${code ?? 'no code'}: ${message})`, code ?? status);
}

export function parseChat(body: unknown): MaxChat {
  if (
    !isRecord(body) ||
    !isInteger(body.chat_id) ||
    typeof body.type !== 'string' ||
    typeof body.status !== 'string' ||
    !isOptionalString(body.title)
  ) {
    throw changed('a chat without chat_id, type, status or title');
  }
  return { chatId: String(body.chat_id), type: body.type, status: body.status, title: body.title ?? null };
}

export function parseMessageList(body: unknown): MaxMessage[] {
  if (!isRecord(body) || !Array.isArray(body.messages)) throw changed('a message list without messages');
  return body.messages.map(parseMessage);
}

export function parseMessage(message: unknown): MaxMessage {
  if (!isRecord(message) || !isInteger(message.timestamp) || !isRecord(message.recipient)) {
    throw changed('a message without timestamp or recipient');
  }
  const chatId = message.recipient.chat_id;
  if (chatId !== null && chatId !== undefined && !isInteger(chatId)) throw changed('a recipient whose chat_id is not a number');
  const stat = message.stat;
  if (stat !== undefined && stat !== null && !(isRecord(stat) && isInteger(stat.views))) throw changed('a stat without views');
  if (!isOptionalString(message.url)) throw changed('a message url that is not a string');
  const base = { timestamp: message.timestamp, chatId: isInteger(chatId) ? String(chatId) : null };
  if (message.body === null || message.body === undefined) return { ...base, post: null };
  const own = readBody(message.body);
  const forwarded = forwardedBody(message.link);
  const parts = forwarded === null ? [own] : [own, forwarded];
  const texts = parts.map((part) => part.text).filter((text) => text !== '');
  return {
    ...base,
    post: {
      platformPostId: own.mid,
      // Message.url is "the public link of a channel post"; were it missing, the channel by id.
      url: message.url ?? `https://max.ru/c/${base.chatId ?? ''}/${own.mid}`,
      publishedAt: new Date(message.timestamp),
      text: texts.join('\n\n'),
      links: unique(parts.flatMap((part) => [...linksInText(part.text), ...part.links])),
      attachments: unique(parts.flatMap((part) => part.files)),
      views: isRecord(stat) && isInteger(stat.views) ? stat.views : null,
      // The Bot API gives a channel post's views only (MessageStat).
      likes: null,
      reposts: null,
      comments: null,
    },
  };
}

interface Body {
  mid: string;
  text: string;
  links: string[];
  files: string[];
}

/** A forward carries the original message (LinkedMessage.message); a reply's original is not the post's. */
function forwardedBody(link: unknown): Body | null {
  if (link === undefined || link === null) return null;
  if (!isRecord(link) || typeof link.type !== 'string') throw changed('a linked message without type');
  return link.type === 'forward' ? readBody(link.message) : null;
}

function readBody(body: unknown): Body {
  if (!isRecord(body) || typeof body.mid !== 'string' || body.mid === '' || !isOptionalString(body.text)) {
    throw changed('a message body without mid or text');
  }
  const found: Body = { mid: body.mid, text: (body.text ?? '').trim(), links: [], files: [] };
  for (const attachment of listOf(body.attachments, 'attachments')) readAttachment(attachment, found);
  for (const element of listOf(body.markup, 'markup')) {
    if (!isRecord(element) || typeof element.type !== 'string') throw changed('a markup element without type');
    if (element.type === 'link') found.links.push(absoluteHttp(element.url, 'a link markup'));
  }
  return found;
}

/**
 * Images, videos and files by their URL (the payload's `url`); links from a link preview
 * (`share`) and from link buttons of an inline keyboard.
 */
function readAttachment(attachment: unknown, found: Body): void {
  if (!isRecord(attachment) || typeof attachment.type !== 'string') throw changed('an attachment without type');
  const payload = attachment.payload;
  switch (attachment.type) {
    case 'image':
      if (!isRecord(payload) || typeof payload.url !== 'string') throw changed('an image without payload.url');
      found.files.push(payload.url);
      break;
    case 'video':
    case 'file':
      if (isRecord(payload) && typeof payload.url === 'string') found.files.push(payload.url);
      break;
    case 'share':
      if (!isRecord(payload) || !isOptionalString(payload.url)) throw changed('a share without payload');
      if (typeof payload.url === 'string') found.links.push(absoluteHttp(payload.url, 'a share'));
      break;
    case 'inline_keyboard':
      if (!isRecord(payload) || !Array.isArray(payload.buttons)) throw changed('a keyboard without buttons');
      for (const button of payload.buttons.flat()) {
        if (isRecord(button) && button.type === 'link') found.links.push(absoluteHttp(button.url, 'a link button'));
      }
      break;
  }
}

function listOf(value: unknown, what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw changed(`${what} is not a list`);
  return value;
}

function absoluteHttp(value: unknown, what: string): string {
  if (typeof value !== 'string' || !URL.canParse(value)) throw changed(`${what} without a URL`);
  return value;
}
