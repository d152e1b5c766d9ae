import { describe, expect, it } from 'vitest';
import {
  counted,
  daysLeft,
  instantOf,
  localInputValue,
  pageForPost,
  placementProblem,
  placementText,
} from '../../dashboard/src/operator/placing.js';

const PAGES = [
  { id: 'vk-main', url: 'https://vk.com/khv_culture' },
  { id: 'vk-museum', url: 'https://vk.com/khv_museum' },
  { id: 'tg', url: 'https://t.me/khv_culture' },
  { id: 'site', url: 'https://culture.khv.gov.ru/news' },
];

describe("the operator's week", () => {
  it('copies the title, the text and the hashtags, as a post reads them', () => {
    expect(placementText({ title: ' Заголовок ', body: 'Первый абзац.\n\nВторой.', hashtags: ['Хабаровскийкрай', 'Госуслуги'] })).toBe(
      'Заголовок\n\nПервый абзац.\n\nВторой.\n\n#Хабаровскийкрай #Госуслуги',
    );
    expect(placementText({ title: 'Заголовок', body: 'Текст', hashtags: [] })).toBe('Заголовок\n\nТекст');
  });

  it("chooses the page a pasted post is on: by its site, and by the page's name where one site holds two", () => {
    expect(pageForPost(PAGES, 'https://t.me/khv_culture/15')).toBe('tg');
    expect(pageForPost(PAGES, 'https://m.vk.com/khv_museum?w=wall-1_2')).toBe('vk-museum');
    expect(pageForPost(PAGES, 'https://vk.com/wall-123_456')).toBe('vk-main');
    expect(pageForPost(PAGES, 'https://www.culture.khv.gov.ru/news/2026/11/item')).toBe('site');
    expect(pageForPost(PAGES, 'https://ok.ru/group/1/topic/2')).toBeNull();
    expect(pageForPost(PAGES, 'не ссылка')).toBeNull();
  });

  it('counts the days left in the week, today included, down to none once it is over', () => {
    // Local dates: the browser's calendar is the region's.
    expect(daysLeft('2026-W48', new Date(2026, 10, 23, 0, 5))).toBe(7);
    expect(daysLeft('2026-W48', new Date(2026, 10, 26, 13, 0))).toBe(4);
    expect(daysLeft('2026-W48', new Date(2026, 10, 29, 23, 59))).toBe(1);
    expect(daysLeft('2026-W48', new Date(2026, 10, 30, 0, 1))).toBe(0);
    // 2026 has 53 weeks: its last ends on Sunday 3 January 2027.
    expect(daysLeft('2026-W53', new Date(2026, 11, 31))).toBe(4);
    expect(daysLeft('not a week', new Date())).toBe(0);
  });

  it('says counts in Russian', () => {
    expect([1, 2, 4, 5, 11, 21, 22].map((n) => counted(n, 'день'))).toEqual([
      '1 день',
      '2 дня',
      '4 дня',
      '5 дней',
      '11 дней',
      '21 день',
      '22 дня',
    ]);
    expect(counted(3, 'материал')).toBe('3 материала');
  });

  it('reads and writes the time field in local time, and takes nothing else for a time', () => {
    const local = new Date(2026, 10, 26, 9, 7, 30);
    expect(localInputValue(local)).toBe('2026-11-26T09:07');
    expect(instantOf('2026-11-26T09:07')).toBe(new Date(2026, 10, 26, 9, 7).toISOString());
    expect(instantOf('')).toBeNull();
    expect(instantOf('26.11.2026 09:07')).toBeNull();
  });

  it("puts the hub's refusal of a placement in words the officer acts on", () => {
    expect(placementProblem({ field: 'url', message: 'is not a post on https://t.me/x' }, 'https://t.me/x')).toMatch(
      /^Это не адрес публикации на странице https:\/\/t\.me\/x: .* Проверка хаба: is not a post on https:\/\/t\.me\/x$/u,
    );
    expect(placementProblem({ field: 'publishedAt', message: 'is in the future' }, null)).toBe(
      'Дата публикации ещё не наступила: укажите, когда пост вышел.',
    );
    expect(placementProblem({ field: 'publishedAt', message: 'is before the material was distributed' }, null)).toMatch(
      /раньше, чем материал был разослан/u,
    );
    expect(placementProblem({ field: 'publishedAt', message: 'the material had been withdrawn by then' }, null)).toMatch(/отозван/u);
    expect(placementProblem({ message: 'Organization is outside your scope' }, null)).toBe('Organization is outside your scope');
  });
});
