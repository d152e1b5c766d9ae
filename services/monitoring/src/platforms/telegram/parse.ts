/**
 * Telegram's public web pages read into the hub's shapes: the channel preview t.me/s/<channel>,
 * a message's embed t.me/<channel>/<id>?embed=1, and the page t.me/<name>. They are HTML for
 * browsers with no published schema; the class names read here are those the preview has served
 * for years (widget-frame.css): `.tgme_channel_info`, `.tgme_widget_message[data-post]`,
 * `.tgme_widget_message_text.js-message_text`, `.tgme_widget_message_date time[datetime]`,
 * `.tgme_widget_message_views`, `.tgme_widget_message_photo_wrap`, `.tme_messages_more[data-before]`.
 * A page with none of them is PARSE_FAILED, never zero posts.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { PlatformError, PlatformPost } from '../adapter.js';
import { shapeChanged, unique } from '../answer.js';

/** A selection of elements (cheerio's Cheerio<Element>, named without importing domhandler). */
type Elements = ReturnType<ReturnType<CheerioAPI['root']>['find']>;

export interface TelegramChannelPage {
  /** The channel's name as its preview shows it (`.tgme_channel_info_header_title`). */
  title: string | null;
  /** The page's posts, oldest first as the preview lists them; service messages left out. */
  posts: PlatformPost[];
  /** The oldest publication time of any message on the page (service ones too); null when it has none. */
  oldestAt: Date | null;
  /** `before` for the next older page; null at the start of the channel. */
  olderBefore: number | null;
}

const changed = (what: string): PlatformError => shapeChanged('TELEGRAM', what, 'page layout');

/**
 * A page of t.me/s/<channel>. The preview lists about 20 messages oldest first, with a "load
 * more" link `.tme_messages_more[data-before=<id>]` (and `<link rel="prev" href="…?before=<id>">`)
 * while older messages exist; a channel with nothing (left) to show has `.tme_no_messages_found`.
 */
export function parseChannelPage(html: string, channel: string): TelegramChannelPage {
  const $ = load(html);
  const info = $('.tgme_channel_info');
  const messages = $('.tgme_widget_message[data-post]').toArray();
  if (info.length === 0 && messages.length === 0) throw changed('neither channel info nor messages');
  if (messages.length === 0 && $('.tme_no_messages_found').length === 0) throw changed('no messages and no "no posts" notice');
  const title = textOf(info.find('.tgme_channel_info_header_title').first()) || null;
  const read = messages.map((message) => readMessage($, $(message), channel));
  const times = read.map((message) => message.publishedAt.getTime());
  return {
    title,
    posts: read.filter((message) => !message.service).map(({ service: _service, ...post }) => post),
    oldestAt: times.length > 0 ? new Date(Math.min(...times)) : null,
    olderBefore: olderBefore($),
  };
}

/** The embed of one message: null when Telegram shows its error block ("Post not found"). */
export function parseEmbed(html: string, channel: string): PlatformPost | null {
  const $ = load(html);
  if ($('.tgme_widget_message_error').length > 0) return null;
  const message = $('.tgme_widget_message[data-post]').first();
  if (message.length === 0) throw changed('an embed without a message or an error');
  const { service, ...post } = readMessage($, message, channel);
  return service ? null : post;
}

/**
 * The page t.me/<name> the preview redirects to when a name has no public preview: a group, a
 * person, a bot or a channel without a preview shows its title (`.tgme_page_title`); a name
 * nobody holds shows only "If you have Telegram, you can contact @name right away".
 */
export function readNamePage(html: string): 'TAKEN' | 'UNKNOWN' {
  const $ = load(html);
  if ($('.tgme_page_title').length > 0) return 'TAKEN';
  if ($('.tgme_page').length > 0 || $('.tgme_page_description').length > 0) return 'UNKNOWN';
  throw changed('t.me/<name> without its page block');
}

interface ReadMessage extends PlatformPost {
  service: boolean;
}

function readMessage($: CheerioAPI, message: Elements, channel: string): ReadMessage {
  const [, id] = /^[^/]+\/(\d+)$/u.exec(message.attr('data-post') ?? '') ?? [];
  if (id === undefined) throw changed(`a message's data-post "${message.attr('data-post') ?? ''}"`);
  const date = message.find('.tgme_widget_message_date').first();
  const datetime = date.find('time[datetime]').attr('datetime') ?? message.find('time[datetime]').attr('datetime');
  const publishedAt = new Date(datetime ?? '');
  if (Number.isNaN(publishedAt.getTime())) throw changed(`message ${id} without a time`);
  const textNode = message.find('.tgme_widget_message_text.js-message_text').first();
  const links = [
    ...hrefs($, textNode.find('a[href]')),
    ...hrefs($, message.find('a.tgme_widget_message_link_preview[href]')),
    ...hrefs($, message.find('.tgme_widget_message_forwarded_from a[href]')),
  ];
  return {
    platformPostId: `${channel}/${id}`,
    url: absoluteHttp(date.attr('href')) ?? `https://t.me/${channel}/${id}`,
    publishedAt,
    text: plainText(textNode),
    links: unique(links),
    attachments: unique(backgroundImages($, message.find('.tgme_widget_message_photo_wrap, .tgme_widget_message_video_thumb'))),
    views: viewsOf(message, id),
    likes: reactionsOf($, message, id),
    // The preview shows neither forwards nor comments.
    reposts: null,
    comments: null,
    service: message.hasClass('service_message'),
  };
}

function olderBefore($: CheerioAPI): number | null {
  const more = $('.tme_messages_more[data-before]').attr('data-before');
  const prev = $('link[rel="prev"]').attr('href');
  const before = more ?? (prev === undefined ? undefined : new URL(prev, 'https://t.me').searchParams.get('before'));
  if (before === undefined || before === null) return null;
  if (!/^\d+$/u.test(before)) throw changed(`a "load more" link to before=${before}`);
  return Number(before);
}

function viewsOf(message: Elements, id: string): number | null {
  const views = message.find('.tgme_widget_message_views').first();
  if (views.length === 0) return null;
  const count = parseCount(textOf(views));
  if (count === null) throw changed(`message ${id}'s views "${textOf(views)}"`);
  return count;
}

/**
 * Reactions are the preview's only sign of approval: likes are the sum of their counts
 * (`.tgme_reaction`: an emoji, then its count). Null without a reactions block, which a channel
 * with reactions turned off, or a post nobody reacted to yet, does not show.
 */
function reactionsOf($: CheerioAPI, message: Elements, id: string): number | null {
  const reactions = message.find('.tgme_widget_message_reactions .tgme_reaction').toArray();
  if (reactions.length === 0) return null;
  return reactions.reduce((sum, reaction) => {
    const countText = $(reaction).clone().children().remove().end().text().trim();
    const count = parseCount(countText);
    if (count === null) throw changed(`message ${id}'s reaction count "${countText}"`);
    return sum + count;
  }, 0);
}

/**
 * A count as the preview abbreviates it: "987", "4.85K", "15.3K", "1.2M" (a comma as the decimal
 * mark too). Counts of a thousand and more come back rounded as shown.
 */
export function parseCount(text: string): number | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*([KMB])?$/iu.exec(text.trim());
  if (!match) return null;
  const [, digits = '', unit] = match;
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[(unit ?? '').toUpperCase()] ?? 1;
  return Math.round(Number(digits.replace(',', '.')) * scale);
}

/** Stands for `<br>` while the markup's own white space is collapsed. */
const LINE_BREAK = '\u2028';

/**
 * Text as a browser shows it: the markup's white space collapsed, a line break for each `<br>`,
 * emoji as their characters.
 */
function plainText(node: Elements): string {
  if (node.length === 0) return '';
  const copy = node.clone();
  copy.find('br').replaceWith(LINE_BREAK);
  return copy
    .text()
    .replace(/[ \t\n\r\f]+/gu, ' ')
    .replace(/ ?\u2028 ?/gu, '\n')
    .trim();
}

function textOf(node: Elements): string {
  return node.text().trim();
}

function hrefs($: CheerioAPI, anchors: Elements): string[] {
  return anchors.toArray().flatMap((anchor) => absoluteHttp($(anchor).attr('href')) ?? []);
}

/** Photos are backgrounds: `style="…background-image:url('https://cdn4.telesco.pe/file/….jpg')"`. */
function backgroundImages($: CheerioAPI, nodes: Elements): string[] {
  return nodes.toArray().flatMap((node) => {
    const [, , url] = /background-image\s*:\s*url\((['"]?)(.+?)\1\)/iu.exec($(node).attr('style') ?? '') ?? [];
    return absoluteHttp(url) ?? [];
  });
}

/** Only absolute http(s) links: hashtags link to `?q=%23tag`, mentions may be tg:// links. */
function absoluteHttp(href: string | undefined): string | null {
  if (href === undefined || !URL.canParse(href)) return null;
  const { protocol } = new URL(href);
  return protocol === 'https:' || protocol === 'http:' ? href : null;
}
