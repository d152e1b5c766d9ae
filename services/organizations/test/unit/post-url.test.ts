import { describe, expect, it } from 'vitest';
import { checkPostUrl } from '../../src/domain/post-url.js';

describe('a placement URL is a post on its page', () => {
  it.each([
    ['VK', 'https://vk.com/minkult27', 'https://vk.com/wall-123456_789'],
    ['VK', 'https://vk.com/minkult27', 'https://vk.com/minkult27?w=wall-123456_789'],
    ['VK', 'https://vk.com/minkult27', 'https://m.vk.ru/wall-1_2'],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/minkult27/1532'],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/s/MinKult27/1532'],
    ['OK', 'https://ok.ru/group/70000001', 'https://ok.ru/group/70000001/topic/155000123'],
    ['OK', 'https://ok.ru/minkult', 'https://ok.ru/minkult/topic/155000123'],
    ['MAX', 'https://max.ru/minkult27', 'https://max.ru/minkult27/AZx81kq_a'],
    ['GOSPABLIKI', 'https://gosuslugi.ru/gospabliki/minkult27', 'https://gosuslugi.ru/gospabliki/minkult27/posts/8812'],
    ['WEBSITE', 'https://culture.khv-region.test', 'https://culture.khv-region.test/news/2026/11/prize'],
  ] as const)('%s %s accepts %s', (platform, page, post) => {
    expect(checkPostUrl(platform, page, post)).toMatchObject({ ok: true });
  });

  it.each([
    ['VK', 'https://vk.com/minkult27', 'https://vk.com/minkult27', 'not a post'],
    ['VK', 'https://vk.com/minkult27', 'https://vk.com/other?w=wall-1_2', 'not a post'],
    ['VK', 'https://vk.com/minkult27', 'https://t.me/minkult27/5', 'not a VK address'],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/minkult27', 'not a post'],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/otherchannel/15', 'not a message of the channel'],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/minkult27/abc', 'not a post'],
    ['OK', 'https://ok.ru/group/70000001', 'https://ok.ru/group/70000001', 'not a post'],
    ['OK', 'https://ok.ru/group/70000001', 'https://ok.ru/group/999/topic/1', 'not a topic of'],
    ['MAX', 'https://max.ru/minkult27', 'https://max.ru/minkult27', 'not a post'],
    ['GOSPABLIKI', 'https://gosuslugi.ru/gospabliki/minkult27', 'https://gosuslugi.ru/gospabliki/minkult27', 'not a post'],
    ['WEBSITE', 'https://culture.khv-region.test', 'https://evil.example/news/1', 'not on culture.khv-region.test'],
  ] as const)('%s %s refuses %s', (platform, page, post, message) => {
    const result = checkPostUrl(platform, page, post);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
