import { describe, expect, it } from 'vitest';
import { MATERIAL_TEMPLATES, type MaterialTopic } from '../../src/demo/materials.js';

const TOPICS: readonly MaterialTopic[] = ['GOVERNOR', 'GOVERNMENT', 'SOCIAL', 'SOCIO_POLITICAL', 'CULTURE', 'SPORT'];
const AUDIENCE = new Set(['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE']);
const MEDIA_PREFIX = 'https://media.khv-region.test/';

describe('MATERIAL_TEMPLATES', () => {
  it('has exactly 100 templates with unique titles', () => {
    expect(MATERIAL_TEMPLATES).toHaveLength(100);
    const titles = MATERIAL_TEMPLATES.map((m) => m.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('keeps titles, summaries and bodies within their length limits', () => {
    for (const m of MATERIAL_TEMPLATES) {
      expect(m.title.length, m.title).toBeGreaterThanOrEqual(40);
      expect(m.title.length, m.title).toBeLessThanOrEqual(140);
      expect(m.title, m.title).not.toMatch(/\.$/);
      expect(m.summary.length, m.title).toBeGreaterThanOrEqual(80);
      expect(m.summary.length, m.title).toBeLessThanOrEqual(250);
      expect(m.body.length, m.title).toBeGreaterThanOrEqual(400);
      expect(m.body.length, m.title).toBeLessThanOrEqual(1500);
    }
  });

  it('has bodies of 2–4 non-empty plain-text paragraphs', () => {
    for (const m of MATERIAL_TEMPLATES) {
      const paragraphs = m.body.split('\n\n');
      expect(paragraphs.length, m.title).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length, m.title).toBeLessThanOrEqual(4);
      for (const p of paragraphs) {
        expect(p.trim(), m.title).toBe(p);
        expect(p.length, m.title).toBeGreaterThan(0);
        expect(p, m.title).not.toMatch(/\n|<\/?[a-z][^>]*>|\*\*|^#|^- /i);
      }
    }
  });

  it('has 1–4 hashtags of letters, digits and underscores without #', () => {
    for (const m of MATERIAL_TEMPLATES) {
      expect(m.hashtags.length, m.title).toBeGreaterThanOrEqual(1);
      expect(m.hashtags.length, m.title).toBeLessThanOrEqual(4);
      for (const tag of m.hashtags) expect(tag).toMatch(/^[\p{L}\p{N}_]+$/u);
    }
  });

  it('links media only on the reserved https domain', () => {
    for (const m of MATERIAL_TEMPLATES) {
      expect(m.mediaLinks.length, m.title).toBeLessThanOrEqual(2);
      for (const url of m.mediaLinks) {
        expect(url.startsWith(MEDIA_PREFIX), url).toBe(true);
        expect(new URL(url).protocol).toBe('https:');
      }
    }
  });

  it('covers every topic with at least 10 templates', () => {
    for (const topic of TOPICS) {
      expect(MATERIAL_TEMPLATES.filter((m) => m.topic === topic).length, topic).toBeGreaterThanOrEqual(10);
    }
    for (const m of MATERIAL_TEMPLATES) expect(TOPICS).toContain(m.topic);
  });

  it('targets either everyone or a non-empty set of known organization kinds', () => {
    for (const m of MATERIAL_TEMPLATES) {
      if (m.audienceKinds === null) continue;
      expect(m.audienceKinds.length, m.title).toBeGreaterThan(0);
      expect(new Set(m.audienceKinds).size, m.title).toBe(m.audienceKinds.length);
      for (const kind of m.audienceKinds) expect(AUDIENCE.has(kind), kind).toBe(true);
    }
    const everyone = MATERIAL_TEMPLATES.filter((m) => m.audienceKinds === null).length;
    expect(everyone).toBeGreaterThanOrEqual(40);
    expect(everyone).toBeLessThanOrEqual(80);
  });

  it('gives event announcements a placement window of 1–30 days', () => {
    for (const m of MATERIAL_TEMPLATES) {
      if (m.windowDays === null) continue;
      expect(Number.isInteger(m.windowDays), m.title).toBe(true);
      expect(m.windowDays, m.title).toBeGreaterThanOrEqual(1);
      expect(m.windowDays, m.title).toBeLessThanOrEqual(30);
    }
    const windowed = MATERIAL_TEMPLATES.filter((m) => m.windowDays !== null).length;
    expect(windowed).toBeGreaterThanOrEqual(15);
    expect(windowed).toBeLessThanOrEqual(35);
  });
});
