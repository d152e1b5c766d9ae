import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@hub/infra/demo/random';
import { EXACT_LIMIT, containment, fingerprintText, normalizeText, sentenceShingles } from '../../src/domain/text-fingerprint.js';
import { AUTO_THRESHOLD, SUGGEST_THRESHOLD, bestMatches, normalizeUrl, scoreMatch } from '../../src/domain/match.js';
import { MATERIAL_PAGE, matchQuality, matchingCorpus, type CorpusMaterial } from '@hub/infra/demo/matching-corpus';

const corpus = matchingCorpus();
const hockey = corpus.materials.find((m) => m.title.includes('по хоккею с мячом'))!;
const hockeyPage = hockey.links[0]!;
const noLinks = { links: [], attachments: [] };

describe('normalising Russian text', () => {
  it('lower-cases, reads ё as е, drops punctuation and emoji, collapses whitespace and keeps digits', () => {
    expect(normalizeText('📢  Ёлки на ПЛОЩАДИ — 12 штук!!! «Снегурочка»,\tдед…')).toBe('елки на площади 12 штук снегурочка дед');
  });

  it('drops addresses, hashtags and mentions', () => {
    const text = 'Подробнее: https://khv-region.test/a?b=1 и www.site.ru/x, на госуслуги.рф или info@minsport.ru #СпортХК @minsport_khv';
    expect(normalizeText(text)).toBe('подробнее и на или');
  });

  it('ignores stress marks and soft hyphens inside words, and keeps й', () => {
    expect(normalizeText('за́мок пере\u00adезд Первый')).toBe('замок переезд первый');
  });
});

describe('shingles and fingerprints', () => {
  it('cut shingles within sentences, so reordered sentences give the same set', () => {
    const a = 'Матчи пройдут на крытой арене в Хабаровске. Вход на все матчи бесплатный для зрителей.';
    const b = 'Вход на все матчи бесплатный для зрителей!\nМатчи пройдут на крытой арене в Хабаровске';
    expect(new Set(sentenceShingles(a).flat())).toEqual(new Set(sentenceShingles(b).flat()));
    expect(fingerprintText(a).signature).toEqual(fingerprintText(b).signature);
  });

  it('measure the post contained in the material, not the other way round', () => {
    const post = fingerprintText(hockey.body.split('\n\n')[1]!);
    const material = fingerprintText(`${hockey.title}\n${hockey.body}`);
    expect(containment(post, material)).toBe(1);
    expect(containment(material, post)).toBeLessThan(0.5);
    expect(containment(fingerprintText(''), material)).toBe(0);
  });

  it('estimate containment from the MinHash signatures when the sets are too large to keep', () => {
    const rng = mulberry32(7);
    const words = (n: number) => Array.from({ length: n }, () => `слово${Math.floor(rng() * 5000)}`);
    const shared = words(3000);
    const large = fingerprintText([...shared, ...words(3000)].join(' '));
    const post = fingerprintText([...shared, ...words(1500)].join(' '));
    expect(large.hashes).toBeNull();
    expect(large.count).toBeGreaterThan(EXACT_LIMIT);
    expect(containment(post, large)).toBeCloseTo(2 / 3, 1);
  });
});

describe('normalising links', () => {
  it('reads scheme, www., host case, trailing slash, fragment, utm tags and VK redirects as the same page', () => {
    const page = 'https://khv-region.test/materials/42';
    for (const variant of [
      'http://www.khv-region.test/materials/42/',
      'https://KHV-Region.test/materials/42#comments',
      'https://khv-region.test/materials/42?utm_source=vk&utm_medium=social',
      `https://vk.com/away.php?to=${encodeURIComponent(page)}&cc_key=`,
    ]) {
      expect(normalizeUrl(variant)).toBe(normalizeUrl(page));
    }
  });

  it('keeps what tells pages apart: the path, other parameters', () => {
    expect(normalizeUrl('https://khv-region.test/materials/')).not.toBe(normalizeUrl('https://khv-region.test/materials/42'));
    expect(normalizeUrl('https://khv-region.test/news?id=1')).not.toBe(normalizeUrl('https://khv-region.test/news?id=2'));
    expect(normalizeUrl('https://khv-region.test/news?b=2&a=1')).toBe(normalizeUrl('https://khv-region.test/news?a=1&b=2'));
  });
});

describe('matching a post to a material', () => {
  it('orders the thresholds: something is suggested before it counts', () => {
    expect(0).toBeLessThan(SUGGEST_THRESHOLD);
    expect(SUGGEST_THRESHOLD).toBeLessThan(AUTO_THRESHOLD);
    expect(AUTO_THRESHOLD).toBeLessThanOrEqual(1);
  });

  it('matches a link to the material’s page, however it is written', () => {
    const post = { text: 'Читайте по ссылке', links: [`${hockeyPage.replace('https://', 'http://www.')}/?utm_source=vk`], attachments: [] };
    expect(scoreMatch(post, hockey)).toEqual({ score: 1, evidence: 'LINK' });
    expect(scoreMatch({ ...post, links: [MATERIAL_PAGE] }, hockey)).toBeNull();
  });

  it('matches a shortened, reordered rewrite with an intro, emoji and hashtags at once', () => {
    const text = [
      'Делимся важной новостью! 🏒',
      'В турнире участвуют восемь команд, в том числе сборные предприятий и молодёжные составы спортивных школ. В Хабаровске начинается чемпионат края по хоккею с мячом среди мужских команд.',
      '#Хабаровскийкрай #СпортХК',
    ].join('\n');
    const match = scoreMatch({ text, ...noLinks }, hockey);
    expect(match?.evidence).toBe('TEXT');
    expect(match!.score).toBeGreaterThanOrEqual(AUTO_THRESHOLD);
    expect(bestMatches({ text, ...noLinks }, corpus.materials).map((m) => m.material.id)).toEqual([hockey.id]);
  });

  it('matches a repost under the page’s own comment', () => {
    const text = `Коллеги, просим распространить среди болельщиков нашего района.\n\n${hockey.title}\n\n${hockey.body.split('\n\n')[0]}`;
    expect(scoreMatch({ text, ...noLinks }, hockey)!.score).toBeGreaterThanOrEqual(AUTO_THRESHOLD);
  });

  it('does not match the page’s own news on the same sport', () => {
    const text = [
      'Внимание! 🏒',
      'В субботу на стадионе Амурска прошло открытое первенство района по хоккею с мячом среди школьников.',
      'Наши воспитанники заняли второе место, вход на матчи был свободный. Расписание игр публикуется в сообществе спортивной школы.',
      '#СпортХК',
    ].join('\n');
    const score = scoreMatch({ text, ...noLinks }, hockey)?.score ?? 0;
    expect(score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(bestMatches({ text, ...noLinks }, corpus.materials)).toEqual([]);
  });

  it('suggests, never counts, a near photo alone', () => {
    const withPhoto: CorpusMaterial = { ...hockey, imageHashes: ['00ff00ff00ff00ff'] };
    const match = scoreMatch({ text: '📸 Фото дня', links: [], attachments: ['00ff00ff00ff00fe'] }, withPhoto);
    expect(match?.evidence).toBe('IMAGE');
    expect(match!.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(match!.score).toBeLessThan(AUTO_THRESHOLD);
    expect(scoreMatch({ text: '📸 Фото дня', links: [], attachments: ['ff00ff00ff00ff00'] }, withPhoto)).toBeNull();
  });
});

describe('the labelled corpus', () => {
  it('is the same for the same seed and has both parts', () => {
    expect(matchingCorpus().heldOut.map((p) => p.post.text)).toEqual(corpus.heldOut.map((p) => p.post.text));
    expect(corpus.heldOut.some((p) => p.materialId === null)).toBe(true);
    expect(corpus.heldOut.some((p) => p.kind === 'OWN_SAME_TOPIC')).toBe(true);
    const tuned = new Set(corpus.tuning.map((p) => p.materialId));
    expect(corpus.heldOut.every((p) => p.materialId === null || !tuned.has(p.materialId))).toBe(true);
  });

  it('is matched with precision ≥ 0.98 and recall ≥ 0.95 on the held-out part (best material at ≥ SUGGEST)', () => {
    const quality = matchQuality(corpus.heldOut, (post) => bestMatches(post, corpus.materials)[0]?.material.id ?? null);
    expect(quality.placements).toBeGreaterThan(200);
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
  });
});
