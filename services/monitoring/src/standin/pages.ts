/**
 * What the local stand-in for the platforms serves (src/standin/): pages and their posts, each
 * platform's module rendering them in that platform's real format. The demo region and the
 * end-to-end tests generate these; the adapters cannot tell the stand-in from the platform.
 */
import type { MonitoredPlatform } from '../platforms/adapter.js';

export interface StandInPost {
  /** The post's number on its page (VK's post id, Telegram's message id, OK's topic id, MAX's message id). */
  id: string;
  publishedAt: Date;
  text: string;
  /** Links attached (besides those in the text). */
  links: string[];
  /** Image URLs attached. */
  images: string[];
  views: number;
  likes: number;
  reposts: number;
  comments: number;
  /** A repost: the reposted post's text and links. */
  repostOf?: { text: string; links: string[] };
  /** The post's public address where the platform's is not derived from its id (MAX's short links); derived when absent. */
  url?: string;
  pinned?: boolean;
}

/** A post with only text, no links or images, and the counters given (a few views by default); `extra` sets the rest. */
export const standInPost = (id: string, publishedAt: Date | string, text: string, extra: Partial<StandInPost> = {}): StandInPost => ({
  id,
  publishedAt: new Date(publishedAt),
  text,
  links: [],
  images: [],
  views: 10,
  likes: 1,
  reposts: 0,
  comments: 0,
  ...extra,
});

export interface StandInPage {
  platform: MonitoredPlatform;
  /** The address part the page was registered with: VK's short name (minles_kgku14 or club123), a channel name, OK's group path, MAX's link. */
  handle: string;
  /** The platform's id: VK's community id (positive digits), Telegram's channel name, OK's group id, MAX's chat id. */
  platformPageId: string;
  title: string;
  status: 'OK' | 'PRIVATE' | 'NOT_FOUND';
  /** Any order; each platform serves them newest first. */
  posts: StandInPost[];
}

/** A platform module's answer to one HTTP request, or null when the request is not one of its own. */
export interface StandInAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface StandInRequest {
  method: string;
  /** The path below the platform's prefix, with the query string. */
  url: URL;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export type StandInPlatform = (request: StandInRequest, pages: readonly StandInPage[]) => StandInAnswer | null;
