import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parsePeriod } from '@hub/common';
import { organizationsCount, renderEscalationLetter } from '../../src/mail/letters.js';
import type { EscalatedMiss } from '../../src/domain/digests.js';

const TZ = 'Asia/Vladivostok';
const miss = (name: string, n: number, actual: number): EscalatedMiss => ({
  escalationId: `e-${name}`, organizationId: `00000000-0000-4000-8000-00000000000${n}`, organizationName: name, parentId: null,
  required: 3, actual, consecutiveMisses: n, level: Math.min(n, 3), toldCur: n >= 3, recipients: [],
});
const context = {
  rule: 'WEEKLY_PLACEMENTS' as const, threshold: 3, period: parsePeriod('2026-W47', TZ), timeZone: TZ,
  publicUrl: 'https://hub.khv-region.test', committeeEmail: 'press@khv-region.test',
  openMaterials: new Map([['00000000-0000-4000-8000-000000000003', [{ title: 'Губернатор открыл школу' }]]]),
};

describe('the escalation letter', () => {
  it('says in its subject what happened, to how many, and when, in agreeing Russian', () => {
    const one = renderEscalationLetter({ to: 'a@x', items: [miss('Министерство культуры края', 1, 2)] }, context);
    expect(one.subject).toBe('Региональный контент: 1 организация не выполнила норму размещения за 16–22 ноября 2026');
    const three = renderEscalationLetter({ to: 'a@x', items: [miss('А', 1, 2), miss('Б', 2, 1), miss('В', 3, 0)] }, context);
    expect(three.subject).toBe('Региональный контент: 3 организации не выполнили норму размещения за 16–22 ноября 2026');
    expect([organizationsCount(5), organizationsCount(11), organizationsCount(21), organizationsCount(22)]).toEqual([
      '5 организаций', '11 организаций', '21 организация', '22 организации',
    ]);
  });

  it('lays out one row per organization with done, norm and the run of misses, and what to do next', () => {
    const letter = renderEscalationLetter({ to: 'a@x', items: [miss('КГБУК «Дворец культуры»', 3, 0), miss('Библиотека', 1, 2)] }, context);
    const rows = parse(letter.html).querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['КГБУК «Дворец культуры» → сообщено в ЦУР', '0', '3', '3'],
      ['Библиотека', '2', '3', '1'],
    ]);
    expect(letter.text).toContain('Что сделать: разместить на этой неделе материалы из подборки контент-центра');
    expect(letter.text).toContain('«Губернатор открыл школу»');
    expect(letter.text).toContain('https://hub.khv-region.test/dashboard/#/organizations/00000000-0000-4000-8000-000000000003');
  });

  it('escapes what organizations are called in HTML, and leaves the plain text as written', () => {
    const letter = renderEscalationLetter({ to: 'a@x', items: [miss('<script>alert(1)</script> & Co', 1, 0)] }, context);
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).toContain('&lt;script&gt;');
    expect(letter.text).toContain('<script>alert(1)</script> & Co');
  });
});
