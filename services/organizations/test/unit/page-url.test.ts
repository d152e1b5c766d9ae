import { describe, expect, it } from 'vitest';
import { normalizePageUrl } from '../../src/domain/page-url.js';

describe('official page URL', () => {
  it.each([
    ['VK', 'https://vk.com/minkult27'],
    ['VK', 'https://vk.ru/minkult27'],
    ['VK', 'https://m.vk.com/minkult27'],
    ['OK', 'https://ok.ru/group/70000001234567'],
    ['TELEGRAM', 'https://t.me/minkult27'],
    ['MAX', 'https://max.ru/minkult27'],
    ['GOSPABLIKI', 'https://gosuslugi.ru/gospabliki/minkult27'],
    ['WEBSITE', 'https://culture.khabkrai.ru/news'],
  ] as const)('accepts a %s page at %s', (platform, url) => {
    expect(normalizePageUrl(platform, url).ok).toBe(true);
  });

  it.each([
    ['VK', 'https://t.me/minkult27', 'is not a VK address'],
    ['TELEGRAM', 'https://vk.com/minkult27', 'is not a TELEGRAM address'],
    ['OK', 'https://notok.ru/group/1', 'is not a OK address'],
    ['VK', 'https://vk.com.evil.example/minkult27', 'is not a VK address'],
    ['VK', 'https://vk.com/', 'not the site itself'],
    ['WEBSITE', 'http://culture.khabkrai.ru', 'must use https'],
    ['VK', 'vk.com/minkult27', 'not a valid URL'],
    ['VK', 'ftp://vk.com/minkult27', 'http(s)'],
  ] as const)('refuses %s %s', (platform, url, message) => {
    const result = normalizePageUrl(platform, url);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('treats www., m., case, query and a trailing slash as the same page', () => {
    const forms = [
      'https://vk.com/MinKult27',
      'https://www.vk.com/minkult27/',
      'https://m.vk.com/minkult27?from=search',
      'http://vk.com/minkult27#top',
    ].map((u) => normalizePageUrl('VK', u));
    expect(new Set(forms.map((f) => (f.ok ? f.normalized : f.message)))).toEqual(new Set(['https://vk.com/minkult27']));
  });

  // Found by tests/property-inputs.e2e.test.ts: 1,569 Cyrillic letters are 9,414 characters encoded, past the unique index's entry limit (HTTP 500).
  it('refuses an address too long once percent-encoded', () => {
    const result = normalizePageUrl('TELEGRAM', `https://t.me/${'канал'.repeat(340)}`);
    expect(result.ok ? '' : result.message).toContain('too long once percent-encoded');
    expect(normalizePageUrl('TELEGRAM', `https://t.me/${'k'.repeat(1900)}`).ok).toBe(true);
  });

  // Security review: the same channel was registered again as telegram.me/…, or with a zero-width character in it;
  // t.me/../../etc was stored as t.me/etc.
  it('files a Telegram channel under one key whatever host, scheme or invisible character it is typed with', () => {
    const forms = [
      'https://t.me/khv_channel',
      'https://telegram.me/khv_channel',
      'https://www.telegram.me/KHV_channel/',
      'http://t.me/khv_channel',
      'https://t.me/khv_\u200bchannel',
      'https://t.me/\u2066khv_channel\u2069',
      '\ufeffhttps://t.me/khv_channel\u200d',
      'https://t.me/s/khv_channel',
      'https://t.me//khv_channel',
    ].map((u) => normalizePageUrl('TELEGRAM', u));
    expect(new Set(forms.map((f) => (f.ok ? f.normalized : f.message)))).toEqual(new Set(['https://t.me/khv_channel']));
  });

  it('stores a platform page given as http as its https address, without the invisible characters', () => {
    expect(normalizePageUrl('TELEGRAM', 'http://t.me/khv_news')).toEqual({
      ok: true,
      url: 'https://t.me/khv_news',
      normalized: 'https://t.me/khv_news',
    });
    expect(normalizePageUrl('VK', 'http://vk.com/minkult27')).toMatchObject({ ok: true, url: 'https://vk.com/minkult27' });
    expect(normalizePageUrl('TELEGRAM', 'https://t.me/khv_\u200bnews')).toMatchObject({ ok: true, url: 'https://t.me/khv_news' });
  });

  it.each([
    'https://t.me/../../etc',
    'https://t.me/khv_channel/..',
    'https://t.me/khv_channel/../etc',
    'https://t.me/./khv_channel',
    'https://t.me/%2e%2e/etc',
    'https://t.me/.%2E/etc',
    'https://t.me/..\\etc',
    'https://t.me/.\t./etc',
    'https:t.me/../etc',
  ])('refuses dot segments in %j rather than resolving them', (url) => {
    expect(normalizePageUrl('TELEGRAM', url)).toEqual({ ok: false, message: 'must not contain . or .. segments' });
  });

  it('refuses an invisible character percent-encoded into the address, and keeps dots inside a name', () => {
    expect(normalizePageUrl('TELEGRAM', 'https://t.me/khv_%E2%80%8Bchannel')).toEqual({
      ok: false,
      message: 'must not contain invisible characters',
    });
    expect(normalizePageUrl('TELEGRAM', 'https://t.me/khv%E2%80%AEchannel')).toMatchObject({ ok: false });
    expect(normalizePageUrl('WEBSITE', 'https://culture.khabkrai.ru/news/v1.2...final')).toMatchObject({ ok: true });
  });
});
