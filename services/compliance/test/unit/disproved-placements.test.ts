import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parsePeriod } from '@hub/common';
import { disprovedOf, periodKey, type Digest, type DigestItem, type DisprovedPlacement } from '../../src/domain/digests.js';
import { renderDigestLetter, type LetterContext } from '../../src/mail/letters.js';

const TZ = 'Asia/Vladivostok';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const item = (name: string, n: number, patch: Partial<DigestItem> = {}): DigestItem => ({
  escalationId: `e-${name}-${patch.period ?? '2026-W48'}`,
  organizationId: id(n),
  organizationName: name,
  parentId: null,
  rule: 'WEEKLY_PLACEMENTS',
  period: '2026-W48',
  periodStart: parsePeriod(patch.period ?? '2026-W48', TZ).start,
  severity: 'MANDATORY',
  decreeItem: '3.1',
  required: 3,
  actual: 2,
  consecutiveMisses: 1,
  level: 1,
  toldCur: false,
  addresses: [],
  roles: ['HEAD'],
  ...patch,
});
const digest = (items: DigestItem[]): Digest => ({ to: 'head@khv-region.test', cc: [], items, resolved: [] });
const reason = (url: string) =>
  `Мониторинг: публикация ${url} не найдена на странице (удалена или не опубликована) при 2 проверках подряд, последняя — 30 ноября 2026, 11:00. Размещение не засчитывается.`;
const gone = (n: number, url: string, title: string | null): DisprovedPlacement => ({
  organizationId: id(n),
  url,
  title,
  reason: reason(url),
});
const disproved = new Map<string, DisprovedPlacement[]>([
  [periodKey(id(1), '2026-W48'), [gone(1, 'https://vk.com/wall-1_14', 'Дороги края к зиме готовы')]],
  [periodKey(id(1), '2026-W47'), [gone(1, 'https://vk.com/wall-1_9', null)]],
  [periodKey(id(2), '2026-W48'), [gone(2, 'https://t.me/school27/5', 'Новый учебный корпус')]],
]);
const context: LetterContext = {
  now: new Date('2026-12-06T23:05:00Z'),
  timeZone: TZ,
  publicUrl: 'https://hub.khv-region.test',
  committeeEmail: 'press@khv-region.test',
  currentPeriod: () => parsePeriod('2026-W48', TZ),
  threshold: () => 3,
  openMaterials: new Map(),
  disproved,
};

describe('disproved placements in the escalation letter', () => {
  it("lists those of the digest's missed weeks only, not another week's nor another rule's", () => {
    const head = digest([item('Минтранс', 1), item('Минтранс', 1, { rule: 'FEEDBACK_WIDGET', decreeItem: '3.3', period: '2026-W47' })]);
    expect(disprovedOf(head, disproved).map((p) => p.url)).toEqual(['https://vk.com/wall-1_14']);
  });

  it('says which placement stopped counting and why, naming the organization when the letter is about several', () => {
    const one = renderDigestLetter(digest([item('Минтранс', 1)]), context);
    expect(one.text).toContain(
      'Не засчитаны по данным мониторинга страниц:\n  «Дороги края к зиме готовы»: Мониторинг: публикация https://vk.com/wall-1_14',
    );
    const html = parse(one.html);
    expect(html.querySelector('a[href="https://vk.com/wall-1_14"]')?.text).toBe('https://vk.com/wall-1_14');

    const two = renderDigestLetter(digest([item('Минтранс', 1), item('Школа № 1', 2)]), context);
    expect(two.text).toContain('  Минтранс: «Дороги края к зиме готовы»: Мониторинг');
    expect(two.text).toContain('  Школа № 1: «Новый учебный корпус»: Мониторинг: публикация https://t.me/school27/5');
  });

  it('says nothing of monitoring when nothing was disproved', () => {
    const letter = renderDigestLetter(digest([item('Школа № 3', 3)]), context);
    expect(letter.text).not.toContain('мониторинга');
    expect(letter.html).not.toContain('мониторинга');
  });
});
