import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HubError, idFilter, parseInput } from '../../src/index.js';

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
