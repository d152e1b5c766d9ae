/**
 * OK REST API answers (apiok.ru/dev/methods) read into the hub's shapes: url.getInfo's object,
 * group.getInfo's list of groups, and the media topics of mediatopic.getTopics/getByIds with the
 * `entities` they refer to (photos as `group_photo:<id>`, reshared topics as `media_topic:<id>`).
 * Anything else is PARSE_FAILED.
 */
import { PlatformError, type CrawlFailure, type PlatformPost } from '../adapter.js';
import { shapeChanged, isRecord, isInteger, linksInText, unique, type Json } from '../answer.js';

export interface OkApiError {
  code: number;
  message: string;
}

export interface OkGroup {
  id: string;
  name: string;
  /** OPEN, CLOSED or SECRET (group.getInfo's access_type). */
  accessType: string | null;
}

export interface OkTopicPost extends PlatformPost {
  pinned: boolean;
}

export interface OkTopicsPage {
  posts: OkTopicPost[];
  /** Where the next page starts, when has_more says there is one. */
  nextAnchor: string | null;
}

const changed = (what: string): PlatformError => shapeChanged('OK', what);

/** OK's error answer: `{"error_code": 104, "error_msg": "PARAM_SIGNATURE : …", "error_data": null}`. */
export function readOkError(body: unknown): OkApiError | null {
  if (!isRecord(body) || !isInteger(body.error_code)) return null;
  return { code: body.error_code, message: typeof body.error_msg === 'string' ? body.error_msg : '' };
}

/** OK's error codes (apiok.ru/en/dev/errors) as the hub's failures. */
const FAILURE_BY_CODE: ReadonlyMap<number, CrawlFailure> = new Map([
  [7, 'RATE_LIMITED'], // ACTION_BLOCKED: temporarily blocked for the current user
  [8, 'RATE_LIMITED'], // FLOOD_BLOCKED
  [9, 'RATE_LIMITED'], // IP_BLOCKED
  [11, 'RATE_LIMITED'], // LIMIT_REACHED
  [2, 'UNREACHABLE'], // SERVICE: temporarily unavailable
  [10, 'PRIVATE'], // PERMISSION_DENIED
  [200, 'PRIVATE'], // PARAM_PERMISSION
  [100, 'NOT_FOUND'], // PARAM: missing or incorrect parameter (an unknown group id)
  [300, 'NOT_FOUND'], // NOT_FOUND
  [101, 'NOT_CONFIGURED'], // PARAM_API_KEY
  [102, 'NOT_CONFIGURED'], // PARAM_SESSION_EXPIRED
  [103, 'NOT_CONFIGURED'], // PARAM_SESSION_KEY
  [104, 'NOT_CONFIGURED'], // PARAM_SIGNATURE
  [105, 'NOT_CONFIGURED'], // PARAM_RESIGNATURE
]);

export function okFailure(error: OkApiError, method: string): PlatformError {
  const failure = FAILURE_BY_CODE.get(error.code) ?? 'UNREACHABLE';
  const detail = failure === 'NOT_CONFIGURED' ? `the application's credentials were refused (${error.message})` : error.message;
  return new PlatformError(failure, `OK: ${method} failed with error ${error.code}: ${detail}`, error.code);
}

/** url.getInfo: `{"objectId": 53038939046008, "type": "GROUP"}`. */
export function parseUrlInfo(body: unknown): { objectId: string; type: string } {
  if (!isRecord(body) || typeof body.type !== 'string') throw changed('url.getInfo without type');
  const objectId = isInteger(body.objectId) ? String(body.objectId) : body.objectId;
  if (typeof objectId !== 'string' || !/^\d+$/u.test(objectId)) throw changed('url.getInfo without objectId');
  return { objectId, type: body.type };
}

/** group.getInfo answers a list of the groups found: empty when there is none. */
export function parseGroupInfo(body: unknown): OkGroup | null {
  if (!Array.isArray(body)) throw changed('group.getInfo is not a list');
  const group: unknown = body[0];
  if (group === undefined) return null;
  if (!isRecord(group) || typeof group.uid !== 'string' || typeof group.name !== 'string') throw changed('a group without uid or name');
  return { id: group.uid, name: group.name, accessType: typeof group.access_type === 'string' ? group.access_type : null };
}

/** mediatopic.getTopics: `{media_topics, entities, anchor, has_more}`. */
export function parseTopicsPage(body: unknown, groupId: string): OkTopicsPage {
  if (!isRecord(body) || typeof body.has_more !== 'boolean') throw changed('mediatopic.getTopics without has_more');
  const posts = parseTopics(body, groupId);
  if (!body.has_more) return { posts, nextAnchor: null };
  if (typeof body.anchor !== 'string' || body.anchor === '') throw changed('mediatopic.getTopics has more without an anchor');
  return { posts, nextAnchor: body.anchor };
}

/** mediatopic.getByIds: `{media_topics, entities}`; a deleted topic is not among them. */
export function parseTopicById(body: unknown, groupId: string, topicId: string): OkTopicPost | null {
  if (!isRecord(body)) throw changed('mediatopic.getByIds is not an object');
  return parseTopics(body, groupId).find((post) => post.platformPostId === topicId) ?? null;
}

function parseTopics(body: Json, groupId: string): OkTopicPost[] {
  // An empty list may come without the key at all.
  const topics = body.media_topics ?? [];
  if (!Array.isArray(topics)) throw changed('media_topics is not a list');
  const entities = new Entities(body.entities);
  return topics.map((topic) => parseTopic(topic, groupId, entities));
}

function parseTopic(topic: unknown, groupId: string, entities: Entities): OkTopicPost {
  if (!isRecord(topic) || !isInteger(topic.created_ms)) throw changed('a topic without created_ms');
  const id = isInteger(topic.id) ? String(topic.id) : topic.id;
  if (typeof id !== 'string' || id === '') throw changed('a topic without id');
  const own = readMedia(topic.media, entities);
  const reshared = own.topicRefs.map((ref) => readMedia(entities.topic(ref).media, entities));
  const texts = [own.text, ...reshared.map((r) => r.text)].filter((text) => text !== '');
  return {
    platformPostId: id,
    url: `https://ok.ru/group/${groupId}/topic/${id}`,
    publishedAt: new Date(topic.created_ms),
    text: texts.join('\n\n'),
    links: unique([own, ...reshared].flatMap((m) => [...linksInText(m.text), ...m.links])),
    attachments: unique([own, ...reshared].flatMap((m) => m.photos)),
    views: optionalCount(topic.views_count),
    likes: summaryCount(topic.like_summary, 'count'),
    reposts: summaryCount(topic.reshare_summary, 'count'),
    comments: summaryCount(topic.discussion_summary, 'comments_count'),
    pinned: topic.is_sticky === true,
  };
}

interface Media {
  text: string;
  links: string[];
  photos: string[];
  /** Topics this one reshares (a media block's media_topic_refs). */
  topicRefs: string[];
}

/** A topic's media blocks: text, link, photo (photo_refs), and reshared topics (media_topic_refs). */
function readMedia(value: unknown, entities: Entities): Media {
  if (!Array.isArray(value)) throw changed('a topic without media');
  const media: Media = { text: '', links: [], photos: [], topicRefs: [] };
  const texts: string[] = [];
  for (const block of value) {
    if (!isRecord(block) || typeof block.type !== 'string') throw changed('a media block without type');
    if (block.type === 'text') {
      if (typeof block.text !== 'string') throw changed('a text block without text');
      texts.push(block.text.trim());
    } else if (block.type === 'link') {
      if (typeof block.url !== 'string') throw changed('a link block without url');
      media.links.push(block.url);
    } else if (block.type === 'photo') {
      media.photos.push(...refsOf(block.photo_refs, 'photo_refs').map((ref) => entities.photoUrl(ref)));
    }
    if (block.media_topic_refs !== undefined) media.topicRefs.push(...refsOf(block.media_topic_refs, 'media_topic_refs'));
  }
  media.text = texts.filter((text) => text !== '').join('\n');
  return media;
}

function refsOf(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((ref) => typeof ref === 'string')) throw changed(`${what} is not a list of refs`);
  return value;
}

/** The objects a topic refers to, by their ref (`group_photo:123`, `media_topic:456`). */
class Entities {
  private readonly byRef = new Map<string, Json>();

  constructor(value: unknown) {
    if (value === undefined) return;
    if (!isRecord(value)) throw changed('entities is not an object');
    const kinds: Array<[string, string]> = [
      ['group_photos', 'group_photo'],
      ['media_topics', 'media_topic'],
    ];
    for (const [key, kind] of kinds) {
      const list = value[key] ?? [];
      if (!Array.isArray(list)) throw changed(`entities.${key} is not a list`);
      for (const entity of list) {
        if (!isRecord(entity)) throw changed(`an entity of ${key} is not an object`);
        const ref = typeof entity.ref === 'string' ? entity.ref : `${kind}:${String(entity.id)}`;
        this.byRef.set(ref, entity);
      }
    }
  }

  /** A photo's largest image (pic_max); its ref when OK did not send the photo. */
  photoUrl(ref: string): string {
    const photo = this.byRef.get(ref);
    if (photo === undefined) return ref;
    if (typeof photo.pic_max === 'string') return photo.pic_max;
    const sized = Object.entries(photo).flatMap(([key, url]) => {
      const size = /^pic(\d+)x(\d+)$/u.exec(key);
      return size && typeof url === 'string' ? [{ url, area: Number(size[1]) * Number(size[2]) }] : [];
    });
    return sized.sort((a, b) => b.area - a.area)[0]?.url ?? ref;
  }

  topic(ref: string): Json {
    const topic = this.byRef.get(ref);
    if (topic === undefined) throw changed(`the reshared topic ${ref} is not among the entities`);
    return topic;
  }
}

function optionalCount(value: unknown): number | null {
  if (value === undefined) return null;
  if (!isInteger(value)) throw changed('a counter is not a number');
  return value;
}

function summaryCount(summary: unknown, key: string): number | null {
  if (summary === undefined) return null;
  if (!isRecord(summary)) throw changed('a summary is not an object');
  return optionalCount(summary[key]);
}
