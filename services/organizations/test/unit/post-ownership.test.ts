import { describe, expect, it } from 'vitest';
import { checkPostUrl } from '../../src/domain/post-url.js';
import { platformIdOf } from '../../src/domain/page-url.js';

describe('a page registered by number carries its community id', () => {
  it.each([
    ['VK', 'https://vk.com/club123456', '123456'],
    ['VK', 'https://m.vk.com/public77/', '77'],
    ['VK', 'https://vk.ru/Event9', '9'],
    ['VK', 'https://vk.com/minles_kgku14', null],
    ['VK', 'https://vk.com/club123/photos', null],
    ['VK', 'not a url', null],
    ['OK', 'https://ok.ru/group/70000001', null],
    ['TELEGRAM', 'https://t.me/club123', null],
  ] as const)('%s %s → %s', (platform, url, id) => {
    expect(platformIdOf(platform, url)).toBe(id);
  });
});

describe('a VK post belongs to the page it is reported on', () => {
  it.each([
    ["the community's own wall", 'https://vk.com/club123', '123', 'https://vk.com/wall-123_45'],
    ['the wall opened over the page', 'https://vk.com/club123', '123', 'https://vk.com/club123?w=wall-123_45'],
    ['the wall opened over the public address', 'https://vk.com/club123', '123', 'https://vk.com/public123?w=wall-123_45'],
    ["any wall when the page's id is unknown", 'https://vk.com/minles_kgku14', null, 'https://vk.com/wall-1_1'],
  ] as const)('accepts %s', (_label, page, id, post) => {
    expect(checkPostUrl('VK', page, post, id)).toMatchObject({ ok: true });
  });

  it.each([
    ["another community's wall", 'https://vk.com/club123', '123', 'https://vk.com/wall-1_1'],
    ["a person's wall with the same number", 'https://vk.com/club123', '123', 'https://vk.com/wall123_1'],
    ["another community's wall opened over the page", 'https://vk.com/club123', '123', 'https://vk.com/club123?w=wall-1_1'],
    ['a wall opened over another community', 'https://vk.com/club123', '123', 'https://vk.com/club999?w=wall-123_1'],
  ] as const)('refuses %s', (_label, page, id, post) => {
    const result = checkPostUrl('VK', page, post, id);
    expect(result.ok).toBe(false);
  });

  it('names the wall and the page in the refusal', () => {
    expect(checkPostUrl('VK', 'https://vk.com/club123', 'https://vk.com/wall-1_1', '123')).toEqual({
      ok: false,
      message: 'is a post on the wall -1, not of https://vk.com/club123 (community 123)',
    });
  });
});

describe('a post of another channel, group or account is refused on every platform that names it', () => {
  it.each([
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/MinKult27/5', true],
    ['TELEGRAM', 'https://t.me/minkult27', 'https://t.me/minsport27/5', false],
    ['OK', 'https://ok.ru/minkult', 'https://ok.ru/minsport/topic/1', false],
    ['OK', 'https://ok.ru/group/70000001', 'https://ok.ru/group/70000001/topic/1', true],
    ['MAX', 'https://max.ru/minkult27', 'https://max.ru/minsport27/AZx81kq_a', false],
  ] as const)('%s %s: %s → %s', (platform, page, post, ok) => {
    expect(checkPostUrl(platform, page, post).ok).toBe(ok);
  });
});
