/**
 * VK API answers (version 5.199) read into the hub's shapes. Field names and nesting follow VK's
 * published JSON schema for 5.199 (github.com/VKCOM/vk-api-schema: groups/responses.json,
 * wall/responses.json, wall/objects.json, errors.json). Anything else is PARSE_FAILED.
 */
import { PlatformError, type CrawlFailure, type PlatformPost } from '../adapter.js';
import { shapeChanged, isRecord, isInteger, linksInText, unique } from '../answer.js';

export const VK_API_VERSION = '5.199';

export interface VkApiError {
  code: number;
  message: string;
}

/** VK answers 200 with either `{"response": …}` or `{"error": {"error_code", "error_msg", …}}`. */
export type VkAnswer = { ok: true; response: unknown } | { ok: false; error: VkApiError };

export interface VkCommunity {
  id: number;
  name: string;
  /** 0 open, 1 closed, 2 private (groups_group_is_closed). */
  isClosed: number;
  /** "deleted" or "banned" when the community is gone (groups_group.deactivated). */
  deactivated: string | null;
}

export interface VkWallPost extends PlatformPost {
  pinned: boolean;
}

export interface VkWallPage {
  /** The wall's total number of posts (wall_get_response.count). */
  total: number;
  posts: VkWallPost[];
}

const changed = (what: string): PlatformError => shapeChanged('VK', what);

export function readVkAnswer(body: unknown): VkAnswer {
  if (isRecord(body) && 'response' in body) return { ok: true, response: body.response };
  if (isRecord(body) && isRecord(body.error) && isInteger(body.error.error_code)) {
    const message = typeof body.error.error_msg === 'string' ? body.error.error_msg : '';
    return { ok: false, error: { code: body.error.error_code, message } };
  }
  throw changed('neither response nor error');
}

/** VK's error codes (errors.json) as the hub's failures. */
const FAILURE_BY_CODE: ReadonlyMap<number, CrawlFailure> = new Map([
  [6, 'RATE_LIMITED'], // Too many requests per second
  [9, 'RATE_LIMITED'], // Flood control
  [29, 'RATE_LIMITED'], // Rate limit reached (the method's daily quota)
  [15, 'PRIVATE'], // Access denied (a closed wall)
  [18, 'PRIVATE'], // Deleted or banned
  [19, 'PRIVATE'], // Content blocked
  [30, 'PRIVATE'], // This profile is private
  [203, 'PRIVATE'], // Access to group denied
  [100, 'NOT_FOUND'], // One of the parameters specified was missing or invalid (an unknown short name)
  [113, 'NOT_FOUND'], // Invalid user id
  [5, 'NOT_CONFIGURED'], // User authorization failed
]);

export function vkFailure(error: VkApiError, method: string): PlatformError {
  const failure = FAILURE_BY_CODE.get(error.code) ?? 'UNREACHABLE';
  const detail = failure === 'NOT_CONFIGURED' ? `the service token was refused (${error.message})` : error.message;
  return new PlatformError(failure, `VK: ${method} failed with error ${error.code}: ${detail}`, error.code);
}

/** groups.getById in 5.199 answers `{groups: [...], profiles: [...]}`; earlier versions a bare array. */
export function parseCommunity(response: unknown): VkCommunity {
  if (!isRecord(response) || !Array.isArray(response.groups)) throw changed('groups.getById without groups');
  const group: unknown = response.groups[0];
  if (!isRecord(group) || !isInteger(group.id) || group.id <= 0 || typeof group.name !== 'string') {
    throw changed('groups.getById community without id or name');
  }
  return {
    id: group.id,
    name: group.name,
    isClosed: isInteger(group.is_closed) ? group.is_closed : 0,
    deactivated: typeof group.deactivated === 'string' ? group.deactivated : null,
  };
}

export function parseWallPage(response: unknown): VkWallPage {
  if (!isRecord(response) || !isInteger(response.count) || !Array.isArray(response.items)) throw changed('wall.get without count or items');
  return { total: response.count, posts: response.items.map(parseWallPost) };
}

/** wall.getById in 5.199 answers `{items: [...]}`; a deleted post is absent (or marked is_deleted). */
export function parseWallById(response: unknown): VkWallPost | null {
  if (!isRecord(response) || !Array.isArray(response.items)) throw changed('wall.getById without items');
  const item: unknown = response.items[0];
  if (item === undefined || (isRecord(item) && item.is_deleted === true)) return null;
  return parseWallPost(item);
}

export function parseWallPost(item: unknown): VkWallPost {
  if (!isRecord(item) || !isInteger(item.id) || !isInteger(item.owner_id) || !isInteger(item.date) || typeof item.text !== 'string') {
    throw changed('a post without id, owner_id, date or text');
  }
  const reposted = Array.isArray(item.copy_history) ? item.copy_history.map(parseReposted) : [];
  const texts = [item.text, ...reposted.map((r) => r.text)];
  const attachments = [readAttachments(item.attachments), ...reposted.map((r) => r.attachments)];
  return {
    platformPostId: `${item.owner_id}_${item.id}`,
    url: `https://vk.com/wall${item.owner_id}_${item.id}`,
    publishedAt: new Date(item.date * 1000),
    text: texts
      .map(stripVkMarkup)
      .filter((text) => text !== '')
      .join('\n\n'),
    links: unique([...texts.flatMap(linksInText), ...attachments.flatMap((a) => a.links)]),
    attachments: unique(attachments.flatMap((a) => a.files)),
    views: countOf(item.views),
    likes: countOf(item.likes),
    reposts: countOf(item.reposts),
    comments: countOf(item.comments),
    pinned: item.is_pinned === 1 || item.is_pinned === true,
  };
}

function parseReposted(item: unknown): { text: string; attachments: Attachments } {
  if (!isRecord(item) || typeof item.text !== 'string') throw changed('copy_history without text');
  return { text: item.text, attachments: readAttachments(item.attachments) };
}

interface Attachments {
  links: string[];
  files: string[];
}

/** Links from `link` attachments; photos (their largest size) and documents as stable file identifiers. */
function readAttachments(value: unknown): Attachments {
  const found: Attachments = { links: [], files: [] };
  if (value === undefined) return found;
  if (!Array.isArray(value)) throw changed('attachments is not a list');
  for (const attachment of value) {
    if (!isRecord(attachment) || typeof attachment.type !== 'string') throw changed('an attachment without type');
    const body = attachment[attachment.type];
    if (attachment.type === 'link') {
      if (!isRecord(body) || typeof body.url !== 'string') throw changed('a link attachment without url');
      found.links.push(body.url);
    } else if (attachment.type === 'photo') {
      found.files.push(largestPhotoUrl(body));
    } else if (attachment.type === 'doc' && isRecord(body) && typeof body.url === 'string') {
      found.files.push(body.url);
    }
  }
  return found;
}

/** photos_photo.sizes: the size with the most pixels. */
function largestPhotoUrl(photo: unknown): string {
  if (!isRecord(photo) || !Array.isArray(photo.sizes)) throw changed('a photo without sizes');
  let best: { url: string; area: number } | null = null;
  for (const size of photo.sizes) {
    if (!isRecord(size) || typeof size.url !== 'string' || !isInteger(size.width) || !isInteger(size.height)) {
      throw changed('a photo size without url, width or height');
    }
    const area = size.width * size.height;
    if (best === null || area > best.area) best = { url: size.url, area };
  }
  if (best === null) throw changed('a photo with no sizes');
  return best.url;
}

function countOf(value: unknown): number | null {
  if (value === undefined) return null;
  if (!isRecord(value) || !isInteger(value.count)) throw changed('a counter without count');
  return value.count;
}

/** VK's mention markup `[club123|Name]` (or `[id1|Name]`, `[https://…|Name]`) reads as its Name. */
export function stripVkMarkup(text: string): string {
  return text.replace(/\[(?:(?:club|public|event|id)\d+|https?:\/\/[^|\]]+)\|([^\]]*)\]/gu, '$1').trim();
}
