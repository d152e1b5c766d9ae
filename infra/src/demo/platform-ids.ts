// The demo region's pages as the platforms would know them: a VK community's number and a MAX
// channel's chat id, derived from the page's address so that the demo's post addresses, the
// stand-in's pages (platform-pages.ts) and a crawl agree, whenever and however often the hub starts.
import { createHash } from 'node:crypto';

const numberOf = (text: string, modulo: number) => createHash('sha256').update(text).digest().readUInt32BE(0) % modulo;

/** The community number of a demo VK page registered by its short name (vk.com/<slug>). */
export const demoVkCommunityId = (slug: string): number => 200_000_000 + numberOf(`vk:${slug.toLowerCase()}`, 100_000_000);

/** The chat id of a demo MAX channel (channels' ids are negative). */
export const demoMaxChatId = (slug: string): number => -(70_000_000_000_000 + numberOf(`max:${slug.toLowerCase()}`, 1_000_000_000));

/** The last path segment of an address: the slug of vk.com/<slug>, t.me/<slug>, max.ru/<slug>. */
export const slugOf = (url: string): string => new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
