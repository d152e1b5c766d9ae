import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parsePeriod } from '@hub/common';
import { silentPagesOf, type Digest, type DigestItem, type SilentPage } from '../../src/domain/digests.js';
import type { RecipientRole } from '../../src/domain/ladder.js';
import { renderDigestLetter, silentPagesSection, type LetterContext } from '../../src/mail/letters.js';

const TZ = 'Asia/Vladivostok';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const item = (name: string, n: number, roles: RecipientRole[], patch: Partial<DigestItem> = {}): DigestItem => ({
  escalationId: `e-${name}`,
  organizationId: id(n),
  organizationName: name,
  parentId: null,
  rule: 'WEEKLY_PLACEMENTS',
  period: '2026-W48',
  periodStart: parsePeriod('2026-W48', TZ).start,
  severity: 'MANDATORY',
  decreeItem: '3.1',
  required: 3,
  actual: 0,
  consecutiveMisses: 1,
  level: 1,
  toldCur: false,
  addresses: [],
  roles,
  ...patch,
});
const digest = (items: DigestItem[]): Digest => ({ to: 'head@khv-region.test', cc: [], items, resolved: [] });
const page = (n: number, url: string, lastPostAt: string | null): SilentPage => ({
  organizationId: id(n),
  url,
  lastPostAt: lastPostAt ? new Date(lastPostAt) : null,
});
const pages = new Map<string, SilentPage[]>([
  [id(1), [page(1, 'https://vk.com/minles_kgku14', '2026-11-20T03:00:00Z'), page(1, 'https://t.me/minles27', null)]],
  [id(2), [page(2, 'https://www.ok.ru/group/70000000000001/', '2026-11-10T03:00:00Z')]],
  [id(3), [page(3, 'https://vk.com/center27', '2026-11-01T03:00:00Z')]],
]);
/** Monday 7 December 2026: W49 is the last complete week. */
const context: LetterContext = {
  now: new Date('2026-12-06T23:05:00Z'),
  timeZone: TZ,
  publicUrl: 'https://hub.khv-region.test',
  committeeEmail: 'press@khv-region.test',
  currentPeriod: () => parsePeriod('2026-W48', TZ),
  threshold: () => 3,
  openMaterials: new Map(),
  silentPages: pages,
};

describe('silent pages in the escalation letter', () => {
  it("names the pages of the organizations the recipient answers for, longest silent first, not the ЦУР's or the content center's", () => {
    const head = digest([item('Минлесхоз', 1, ['HEAD']), item('Школа', 2, ['PARENT_HEAD']), item('ЦУР видит', 3, ['CUR'])]);
    expect(silentPagesOf(head, pages).map((p) => p.url)).toEqual([
      'https://t.me/minles27',
      'https://www.ok.ru/group/70000000000001/',
      'https://vk.com/minles_kgku14',
    ]);
    const supply = digest([item('Минлесхоз', 1, ['CONTENT_CENTER'], { rule: 'CONTENT_CENTER_WEEKLY_SUPPLY', decreeItem: '2.2' })]);
    expect(silentPagesOf(supply, pages)).toEqual([]);
    expect(silentPagesOf(digest([item('Минлесхоз', 1, ['COMMITTEE'])]), pages)).toEqual([]);
  });

  it('says each page by its address with the date of its last post in the region, in Russian', () => {
    const letter = renderDigestLetter(digest([item('Министерство лесного хозяйства', 1, ['HEAD'])]), context);
    expect(letter.text).toContain(
      'Страницы без публикаций 14 дней и более:\n  t.me/minles27 (публикаций не найдено)\n  vk.com/minles_kgku14 (последняя публикация 20.11.2026)\n',
    );
    const items = parse(letter.html)
      .querySelectorAll('li')
      .map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['t.me/minles27 (публикаций не найдено)', 'vk.com/minles_kgku14 (последняя публикация 20.11.2026)']);
    expect(parse(letter.html).querySelector('li a')!.getAttribute('href')).toBe('https://t.me/minles27');
  });

  it('names the organization of each page when the letter is about several, and counts what it leaves out', () => {
    const two = silentPagesSection(digest([item('Минлесхоз', 1, ['HEAD']), item('Школа', 2, ['PARENT_HEAD'])]), context)!;
    expect(two.pages.map((p) => [p.organizationName, p.address, p.since])).toEqual([
      ['Минлесхоз', 't.me/minles27', 'публикаций не найдено'],
      ['Школа', 'ok.ru/group/70000000000001', 'последняя публикация 10.11.2026'],
      ['Минлесхоз', 'vk.com/minles_kgku14', 'последняя публикация 20.11.2026'],
    ]);
    expect(two.more).toBeNull();
    const many = new Map([[id(1), Array.from({ length: 12 }, (_, i) => page(1, `https://t.me/page${i}`, null))]]);
    const long = silentPagesSection(digest([item('Минлесхоз', 1, ['HEAD'])]), { ...context, silentPages: many })!;
    expect(long.pages).toHaveLength(10);
    expect(long.more).toBe('и ещё 2 страницы');
  });

  it('says nothing of pages when none is silent, or when it was not told of any', () => {
    const quiet = renderDigestLetter(digest([item('Школа', 4, ['HEAD'])]), context);
    expect(quiet.text).not.toContain('Страницы без публикаций');
    expect(quiet.html).not.toContain('Страницы без публикаций');
    const { silentPages: _, ...without } = context;
    expect(renderDigestLetter(digest([item('Минлесхоз', 1, ['HEAD'])]), without).text).not.toContain('Страницы без публикаций');
  });
});
