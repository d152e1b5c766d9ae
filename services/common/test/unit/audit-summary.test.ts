import { describe, expect, it } from 'vitest';
import { MASK, MAX_LIST_LENGTH, MAX_STRING_LENGTH, summarizeInput, targetIds } from '../../src/audit/summary.js';

const ORG = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const PAGE = 'A0B1C2D3-E4F5-4a6b-8c7d-9e0f1a2b3c4d';
const CREATED = '11111111-2222-4333-8444-555555555555';

describe('summarizeInput', () => {
  it('keeps short values as they are, dates as ISO text', () => {
    expect(
      summarizeInput({ input: { name: 'Министерство спорта', kind: 'EXECUTIVE_BODY', threshold: 3, enabled: false, parentId: null } }),
    ).toEqual({ input: { name: 'Министерство спорта', kind: 'EXECUTIVE_BODY', threshold: 3, enabled: false, parentId: null } });
    expect(summarizeInput({ placedAt: new Date('2026-11-28T08:00:00Z') })).toEqual({ placedAt: '2026-11-28T08:00:00.000Z' });
  });

  it(`cuts a string longer than ${MAX_STRING_LENGTH} characters and says how long it was`, () => {
    const body = 'Губернатор открыл новую школу. '.repeat(40);
    const summary = summarizeInput({ body }) as { body: string };
    expect(summary.body).toBe(`${body.slice(0, MAX_STRING_LENGTH)}… (${body.length} characters)`);
    expect(summarizeInput({ body: 'x'.repeat(MAX_STRING_LENGTH) })).toEqual({ body: 'x'.repeat(MAX_STRING_LENGTH) });
  });

  it('masks address fields whole and addresses, tokens and URL passwords inside free text', () => {
    const summary = summarizeInput({
      input: {
        head: { fullName: 'Иванов Иван Иванович', position: 'Министр', email: 'ivanov@khv-region.test' },
        contactEmail: 'press@khv-region.test',
        reason: 'Пишите на i.petrov@mail.ru, вход eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln и postgres://hub:s3cr3t@db/hub',
      },
    });
    expect(summary).toEqual({
      input: {
        head: { fullName: 'Иванов Иван Иванович', position: 'Министр', email: '***@***' },
        contactEmail: '***@***',
        reason: 'Пишите на i***@mail.ru, вход [token] и postgres://hub:***@db/hub',
      },
    });
    expect(JSON.stringify(summary)).not.toMatch(/ivanov|press@|petrov@|eyJ|s3cr3t/);
  });

  it('masks an address before cutting a long text, so no half address is left in clear', () => {
    const text = `${'а'.repeat(MAX_STRING_LENGTH - 5)} ivanov@khv-region.test`;
    expect(summarizeInput({ text })).toEqual({ text: `${'а'.repeat(MAX_STRING_LENGTH - 5)} i***… (${text.length} characters)` });
  });

  // Found by tests/property-inputs.e2e.test.ts: jsonb refused these, and the refused call's audit row was lost.
  it('replaces what jsonb cannot hold: NUL, a lone surrogate, a surrogate pair the cut split', () => {
    expect(summarizeInput({ title: 'a\u0000b', body: 'x\ud800' })).toEqual({ title: 'a\ufffdb', body: 'x\ufffd' });
    const text = `a${'😀'.repeat(MAX_STRING_LENGTH)}`;
    expect(summarizeInput({ text })).toEqual({ text: `a${'😀'.repeat(MAX_STRING_LENGTH / 2 - 1)}\ufffd… (${text.length} characters)` });
  });

  it('masks a field named e-mail even when it holds no valid address', () => {
    expect(summarizeInput({ email: 'ivanov at mail' })).toEqual({ email: '***@***' });
    expect(summarizeInput({ contactEmail: null })).toEqual({ contactEmail: null });
  });

  it('masks anything named token, password or secret', () => {
    expect(summarizeInput({ input: { apiToken: 'eyJhbGciOi…', password: 12345, clientSecret: { a: 1 }, title: 'Новость' } })).toEqual({
      input: { apiToken: MASK, password: MASK, clientSecret: MASK, title: 'Новость' },
    });
  });

  it(`keeps lists of up to ${MAX_LIST_LENGTH} items and counts longer ones with the first few`, () => {
    const short = Array.from({ length: MAX_LIST_LENGTH }, (_, i) => `#тег${i}`);
    expect(summarizeInput({ hashtags: short })).toEqual({ hashtags: short });
    const items = Array.from({ length: 500 }, (_, i) => ({ materialId: ORG, url: `https://vk.com/wall-1_${i}`, email: `a${i}@b.ru` }));
    expect(summarizeInput({ input: items })).toEqual({
      input: {
        count: 500,
        first: [0, 1, 2].map((i) => ({ materialId: ORG, url: `https://vk.com/wall-1_${i}`, email: '***@***' })),
      },
    });
  });
});

describe('targetIds', () => {
  it('collects every UUID of the arguments, nested and in lists, once, in lower case', () => {
    const args = {
      input: [
        { materialId: ORG, pageId: PAGE },
        { materialId: ORG, pageId: PAGE.toLowerCase() },
      ],
      reason: 'не id',
    };
    expect(targetIds(args, null)).toEqual([ORG, PAGE.toLowerCase()]);
  });

  it('adds the id or ids the mutation returned, and nothing else of the result', () => {
    expect(targetIds({ input: { parentId: ORG } }, { id: CREATED, parentId: PAGE })).toEqual([ORG, CREATED]);
    expect(targetIds({}, { ids: [CREATED, ORG] })).toEqual([CREATED, ORG]);
    expect(targetIds({ code: 'WEEKLY_PLACEMENTS' }, { code: 'WEEKLY_PLACEMENTS' })).toEqual([]);
  });
});
