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
});
