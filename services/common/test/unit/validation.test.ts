import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HubError, freeText, idFilter, normalizeText, parseInput } from '../../src/index.js';

const schema = z.object({ title: z.string(), body: z.string(), items: z.array(z.object({ url: z.string() })).optional() });

function refusal(value: unknown, options: { list?: boolean } = {}) {
  try {
    parseInput(schema, value, options);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    const { code, details } = err as HubError;
    return { code, ...details };
  }
}

// Found by tests/property-inputs.e2e.test.ts: a NUL byte reached PostgreSQL (HTTP 500), a lone surrogate was stored as U+FFFD.
describe('parseInput holds every string to the same character rules', () => {
  it('refuses control characters and lone surrogates, naming the field', () => {
    expect(refusal({ title: 'a\u0000b', body: '' })).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(refusal({ title: '', body: 'текст\ud800' })).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(refusal({ title: '\u001b[31m', body: '' })).toMatchObject({ field: 'title' });
    expect(refusal({ title: 'x\u0085', body: '' })).toMatchObject({ field: 'title' });
    expect(refusal({ title: '', body: '', items: [{ url: 'https://t.me/a' }, { url: '\udc00' }] })).toMatchObject({ field: 'items.1.url' });
    expect(refusal([{ url: 'ok' }, { url: 'a\u0000' }], { list: true })).toEqual({ code: 'BAD_USER_INPUT', field: 'url', index: 1 });
  });

  it('lets tabs, line ends, emoji and other scripts through', () => {
    expect(refusal({ title: '👨‍👩‍👧 Семья\tи 中文', body: 'абзац\r\n\r\nвторой\n' })).toBeNull();
  });
});

// Found by tests/property-inputs.e2e.test.ts: complianceReport(parentId: "<script>…") and organizations(parentId: 42) failed a uuid cast (HTTP 500).
describe('idFilter', () => {
  it('passes a UUID, treats no value as no filter, and refuses anything else naming the argument', () => {
    const id = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
    expect(idFilter(id, 'parentId')).toBe(id);
    expect(idFilter(null, 'parentId')).toBeNull();
    expect(() => idFilter('42', 'parentId')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'parentId' } }));
  });
});

// Security review: names, titles and reasons of zero-width characters only were stored; a bidi control or a
// zero-width space made a second registration of the same name look like another one.
describe('normalizeText', () => {
  it('drops zero-width characters and bidi controls, composes and trims', () => {
    expect(normalizeText('\u200b\u200c\u200d\u2060\ufeff')).toBe('');
    expect(normalizeText(' Мин\u200bкультуры\u2060 ')).toBe('Минкультуры');
    expect(normalizeText('\u202eexe.txt\u202c')).toBe('exe.txt');
    expect(normalizeText('\u2066«Театр»\u2069 \u200eдрамы\u200f')).toBe('«Театр» драмы');
    expect(normalizeText('\u202a\u202b\u202d')).toBe('');
    expect(normalizeText('Музе\u0438\u0306')).toBe('Музей');
    expect(normalizeText('Музе\u0438\u0306')).toHaveLength(5);
  });

  it('keeps what a reader sees: emoji joined into one, inner spacing and line ends, other scripts', () => {
    expect(normalizeText('👨\u200d👩\u200d👧 Семья')).toBe('👨\u200d👩\u200d👧 Семья');
    expect(normalizeText('❤\ufe0f\u200d🔥')).toBe('❤\ufe0f\u200d🔥');
    expect(normalizeText('а\u200dб 👨\u200d')).toBe('аб 👨');
    expect(normalizeText('абзац\n\nвторой  с  пробелами\tтаб')).toBe('абзац\n\nвторой  с  пробелами\tтаб');
    expect(normalizeText('中文 العربية עברית')).toBe('中文 العربية עברית');
  });
});

describe('freeText', () => {
  const schema = z.object({ name: freeText(5), reason: freeText(100, { min: 3, minMessage: 'say why' }).nullish() });
  const refusalOf = (value: unknown) => {
    try {
      return { parsed: parseInput(schema, value) };
    } catch (err) {
      return { field: (err as HubError).details.field, message: (err as HubError).message };
    }
  };

  it('refuses text empty once normalised, naming the field', () => {
    expect(refusalOf({ name: '\u200b\ufeff' })).toEqual({ field: 'name', message: 'name: must not be empty' });
    expect(refusalOf({ name: '   ' })).toEqual({ field: 'name', message: 'name: must not be empty' });
    expect(refusalOf({ name: 'ok', reason: '\u200b\u200b\u200bа' })).toEqual({ field: 'reason', message: 'reason: say why' });
  });

  it('counts the length of the normalised text', () => {
    expect(refusalOf({ name: 'абв\u200b\u200b\u200b\u200bгд' })).toEqual({ parsed: { name: 'абвгд' } });
    expect(refusalOf({ name: 'абвгде' })).toEqual({ field: 'name', message: 'name: must be at most 5 characters' });
    expect(refusalOf({ name: 'x', reason: null })).toEqual({ parsed: { name: 'x', reason: null } });
  });
});
