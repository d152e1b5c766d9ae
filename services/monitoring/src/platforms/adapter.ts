/**
 * One interface over the four platforms the hub reads official pages on (docs/DESIGN.md,
 * "Evidence from the platforms"): resolve a page, list its posts since a time, read one post.
 * Each adapter speaks its platform's real public interface at a configurable base URL, so the
 * tests and the demo point it at a local stand-in serving the same format.
 */

export const PLATFORMS = ['VK', 'TELEGRAM', 'OK', 'MAX'] as const;
export type MonitoredPlatform = (typeof PLATFORMS)[number];

/** Why a page could not be read; the page's crawl status says the same. */
export type CrawlFailure = 'NOT_CONFIGURED' | 'UNREACHABLE' | 'PRIVATE' | 'NOT_FOUND' | 'RATE_LIMITED' | 'PARSE_FAILED';

export class PlatformError extends Error {
  constructor(
    readonly failure: CrawlFailure,
    message: string,
    /** The platform's own error code, when it gave one (VK's error_code, OK's error_code, …). */
    readonly platformCode?: string | number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** A page as the platform knows it, once resolved from the address it was registered with. */
export interface ResolvedPage {
  /** The platform's stable id: VK's community id (positive), Telegram's channel name, OK's group id, MAX's chat id. */
  platformPageId: string;
  /** The page's name on the platform, when it gives one. */
  title: string | null;
}

/** A post as read from the platform; counters are null when the platform does not show them. */
export interface PlatformPost {
  /** Unique on its page: VK `-123_45`, Telegram `channel/45`, OK the topic id, MAX the message id. */
  platformPostId: string;
  /** The post's public address. */
  url: string;
  publishedAt: Date;
  /** Plain text (markup stripped), for matching. A repost's text includes the reposted post's. */
  text: string;
  /** Every absolute link in the post (its text, link attachments, the reposted post's). */
  links: string[];
  /** Stable identifiers of its attachments (a photo's largest image URL, a document's URL), for image matching. */
  attachments: string[];
  views: number | null;
  likes: number | null;
  reposts: number | null;
  comments: number | null;
}

export interface PlatformAdapter {
  readonly platform: MonitoredPlatform;
  /** False without credentials: its pages are NOT_CONFIGURED, never an error loop. */
  readonly configured: boolean;
  /** Resolves a page's registered address (vk.com/minles_kgku14, t.me/name, …); throws PlatformError. */
  resolvePage(pageUrl: string): Promise<ResolvedPage>;
  /**
   * The page's posts published at or after `since`, newest first, every page of the platform's
   * pagination followed until a post is older than `since`. Pinned posts out of order are kept
   * only when within the window. Throws PlatformError (a failure midway loses the whole listing:
   * the crawl keeps its previous state and tries again).
   */
  listPosts(page: ResolvedPage, since: Date): Promise<PlatformPost[]>;
  /** One post by its platformPostId, or null when it is gone (deleted, or never there). */
  readPost(page: ResolvedPage, platformPostId: string): Promise<PlatformPost | null>;
}
