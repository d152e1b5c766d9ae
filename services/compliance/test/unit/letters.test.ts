import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parsePeriod, type RuleCode } from '@hub/common';
import { organizationsCount, renderDigestLetter, type LetterContext } from '../../src/mail/letters.js';
import type { DigestItem } from '../../src/domain/digests.js';
import type { RecipientRole } from '../../src/domain/ladder.js';

const TZ = 'Asia/Vladivostok';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const miss = (name: string, n: number, actual: number, roles: RecipientRole[] = ['HEAD'], patch: Partial<DigestItem> = {}): DigestItem => ({
  escalationId: `e-${name}-${patch.period ?? 'W47'}`,
  organizationId: id(n),
  organizationName: name,
  parentId: null,
  rule: 'WEEKLY_PLACEMENTS',
  period: '2026-W47',
  periodStart: parsePeriod('2026-W47', TZ).start,
  severity: 'MANDATORY',
  decreeItem: '3.1',
  required: 3,
  actual,
  consecutiveMisses: n,
  level: Math.min(n, 3),
  toldCur: n >= 3,
  addresses: [],
  roles,
  ...patch,
});
/** Monday 23 November 2026: W47 (16–22 November) is the last complete week. */
const context: LetterContext = {
  now: new Date('2026-11-23T00:00:00Z'),
  timeZone: TZ,
  publicUrl: 'https://hub.khv-region.test',
  committeeEmail: 'press@khv-region.test',
  currentPeriod: (rule: RuleCode) => parsePeriod(rule === 'MONTHLY_MEDIA_MENTION' ? '2026-10' : '2026-W47', TZ),
  threshold: (rule: RuleCode) => (rule === 'CONTENT_CENTER_WEEKLY_SUPPLY' ? 10 : rule === 'WEEKLY_PLACEMENTS' ? 3 : 1),
  openMaterials: new Map([[id(3), [{ title: 'Губернатор открыл школу' }]]]),
};
const digest = (items: DigestItem[], resolved = []) => ({ to: 'a@x', cc: [], items, resolved });

describe('the escalation letter', () => {
  it('says in its subject what happened, to how many, and when, in agreeing Russian', () => {
    const one = renderDigestLetter(digest([miss('Министерство культуры края', 1, 2)]), context);
    expect(one.subject).toBe('Региональный контент: 1 организация не выполнила норму размещения за 16–22 ноября 2026');
    const three = renderDigestLetter(digest([miss('А', 1, 2), miss('Б', 2, 1), miss('В', 3, 0)]), context);
    expect(three.subject).toBe('Региональный контент: 3 организации не выполнили норму размещения за 16–22 ноября 2026');
    expect([organizationsCount(5), organizationsCount(11), organizationsCount(21), organizationsCount(22)]).toEqual([
      '5 организаций',
      '11 организаций',
      '21 организация',
      '22 организации',
    ]);
  });

  it('lays out one row per organization with done, norm and the run of misses, and what to do by when', () => {
    const letter = renderDigestLetter(digest([miss('КГБУК «Дворец культуры»', 3, 0), miss('Библиотека', 1, 2)]), context);
    const rows = parse(letter.html)
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['КГБУК «Дворец культуры» → сообщено в ЦУР', '0', '3', '3'],
      ['Библиотека', '2', '3', '1'],
    ]);
    expect(letter.text).toContain('Норма (распоряжение № 299-р, п. 3.1)');
    expect(letter.text).toContain(
      'Что сделать: вашей организации — разместить не менее 3 материалов из подборки контент-центра до воскресенья, 29 ноября, и отметить размещения в системе.',
    );
    expect(letter.text).not.toContain('на этой неделе');
    expect(letter.text).toContain('«Губернатор открыл школу»');
    expect(letter.text).toContain('https://hub.khv-region.test/dashboard/#/organizations/00000000-0000-4000-8000-000000000003');
    expect(letter.text).toContain('https://hub.khv-region.test/dashboard/#/report/WEEKLY_PLACEMENTS/2026-W47');
    expect(letter.decreeItems).toEqual(['3.1']);
  });

  it("asks a body's head to see that its subordinates place, and only informs the ЦУР", () => {
    const head = renderDigestLetter(digest([miss('Школа', 1, 1, ['PARENT_HEAD'])]), context);
    expect(head.text).toContain('Что сделать: проследить, чтобы перечисленные подведомственные организации выполнили норму');
    const cur = renderDigestLetter(digest([miss('Школа', 3, 1, ['CUR'])]), context);
    expect(cur.text).toContain('Что сделать: для сведения');
    expect(cur.text).not.toContain('разместить');
  });

  it('names a catch-up of days and weeks by the days it covers, not by a day and a week', () => {
    const day = { rule: 'FEEDBACK_WIDGET' as const, period: '2026-11-24', periodStart: parsePeriod('2026-11-24', TZ).start };
    const week = { period: '2026-W45', periodStart: parsePeriod('2026-W45', TZ).start };
    const letter = renderDigestLetter(digest([miss('Школа', 1, 0, ['HEAD'], week), miss('Школа', 1, 0, ['HEAD'], day)]), context);
    expect(letter.subject).toBe('Региональный контент: итоги проверок за 2–24 ноября 2026 — 1 организация');
  });

  it("labels a municipality's miss as item 4, a recommendation, never 3.1", () => {
    const letter = renderDigestLetter(
      digest([miss('Город', 1, 1, ['RESPONSIBLE_HEAD'], { severity: 'RECOMMENDED', decreeItem: '4' })]),
      context,
    );
    expect(letter.text).toContain('Рекомендация (п. 4 распоряжения № 299-р)');
    expect(letter.text).not.toContain('п. 3.1');
    expect(letter.decreeItems).toEqual(['4']);
  });

  it('summarises a catch-up in one letter: a row per organization with its missed weeks, what to do only for the last', () => {
    const old = { period: '2026-W45', periodStart: parsePeriod('2026-W45', TZ).start };
    const ministry = { organizationId: id(7) };
    const letter = renderDigestLetter(
      digest([
        miss('Министерство', 2, 1, ['HEAD'], ministry),
        miss('Министерство', 1, 0, ['HEAD'], { ...old, ...ministry }),
        miss('Школа', 1, 0, ['HEAD'], old),
      ]),
      context,
    );
    expect(letter.subject).toBe('Региональный контент: итоги проверок за 2–22 ноября 2026 — 2 организации');
    const rows = parse(letter.html)
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['Министерство', '1', '3', '2', '2–8 ноября 2026; 16–22 ноября 2026'],
      ['Школа', '0', '3', '1', '2–8 ноября 2026'],
    ]);
    expect(letter.text.match(/Что сделать/g)).toHaveLength(1);
    const past = renderDigestLetter(digest([miss('Школа', 1, 0, ['HEAD'], old)]), context);
    expect(past.text).not.toContain('Что сделать');
  });

  it('tells the content center which recipients it shorted and asks it to send more', () => {
    const letter = renderDigestLetter(
      digest([
        miss('Министерство культуры края', 1, 8, ['CONTENT_CENTER'], {
          rule: 'CONTENT_CENTER_WEEKLY_SUPPLY',
          severity: 'RECOMMENDED',
          decreeItem: '2.2',
          required: 10,
        }),
      ]),
      context,
    );
    expect(letter.text).toContain('Министерство культуры края: Получено 8, Норма 10');
    expect(letter.text).toContain('Рекомендация (п. 2.2 распоряжения № 299-р)');
    expect(letter.text).toContain(
      'Что сделать: направить перечисленным получателям недостающие материалы — не менее 10 каждому до воскресенья, 29 ноября.',
    );
  });

  it('says in one line why an escalation was closed: a late or corrected report, an exemption, or no longer checked', () => {
    const closed = (nowStatus: 'MET' | 'EXEMPT' | null) =>
      renderDigestLetter(
        {
          ...digest([miss('Библиотека', 1, 2)]),
          resolved: [
            {
              escalationId: 'x',
              organizationId: id(5),
              organizationName: 'Школа',
              rule: 'WEEKLY_PLACEMENTS',
              period: '2026-W46',
              recipients: ['a@x'],
              nowStatus,
            },
          ],
        },
        context,
      ).text;
    expect(closed('MET')).toContain(
      '✓ Школа — Размещение регионального контента, 9–15 ноября 2026: норма выполнена по отчётам, поступившим или исправленным после проверки, нарушение закрыто.',
    );
    expect(closed('EXEMPT')).toContain(
      '✓ Школа — Размещение регионального контента, 9–15 ноября 2026: организация освобождена от проверки за этот период, нарушение закрыто.',
    );
    expect(closed(null)).toContain('организация больше не проверяется, нарушение закрыто.');
    expect(closed('EXEMPT')).not.toContain('позднего отчёта');
  });

  it('does not send the committee its own questions', () => {
    const letter = renderDigestLetter(digest([miss('Школа', 3, 1, ['COMMITTEE'])]), context);
    expect(letter.text).not.toContain('Вопросы:');
  });

  it('escapes what organizations are called in HTML, and leaves the plain text as written', () => {
    const letter = renderDigestLetter(digest([miss('<script>alert(1)</script> & Co', 1, 0)]), context);
    expect(letter.html).not.toContain('<script>');
    expect(letter.html).toContain('&lt;script&gt;');
    expect(letter.text).toContain('<script>alert(1)</script> & Co');
  });

  it('lists the 50 organizations with the longest runs of misses and counts the rest, however many miss', () => {
    // A week the content center falls short at the country puts every recipient in one section.
    const items = Array.from({ length: 20_000 }, (_, i) =>
      miss(`Учреждение ${String(i).padStart(5, '0')}`, 1, 4, ['CUR'], {
        organizationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        escalationId: `e-${i}`,
        consecutiveMisses: i === 19_999 ? 7 : 1,
        rule: 'CONTENT_CENTER_WEEKLY_SUPPLY',
        severity: 'RECOMMENDED',
        decreeItem: '2.2',
      }),
    );
    const letter = renderDigestLetter(digest(items), context);
    const rows = parse(letter.html).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(51);
    expect(rows[0]!.text).toContain('Учреждение 19999');
    expect(rows[50]!.text.trim()).toBe('и ещё 19\u00a0950 организаций — все в отчёте за период');
    expect(letter.text).toContain('и ещё 19\u00a0950 организаций — все в отчёте за период');
    expect(letter.subject).toContain('20\u00a0000 организаций');
    // 20,000 rows were 10 MB of HTML.
    expect(letter.html.length).toBeLessThan(60_000);
  });
});
