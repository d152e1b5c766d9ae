import { describe, expect, it } from 'vitest';
import { type HubError, parseInput } from '@hub/common';
import { transition } from '../../src/domain/lifecycle.js';
import { windowOpen } from '../../src/domain/placement-window.js';
import { createMaterialInput, updateMaterialInput } from '../../src/domain/material-input.js';

describe('material lifecycle', () => {
  it('goes DRAFT → APPROVED → DISTRIBUTED', () => {
    expect(transition('DRAFT', 'APPROVE')).toEqual({ ok: true, status: 'APPROVED' });
    expect(transition('APPROVED', 'DISTRIBUTE')).toEqual({ ok: true, status: 'DISTRIBUTED' });
  });

  it('edits only drafts', () => {
    expect(transition('DRAFT', 'EDIT').ok).toBe(true);
    for (const status of ['APPROVED', 'DISTRIBUTED', 'WITHDRAWN'] as const) {
      expect(transition(status, 'EDIT')).toEqual({ ok: false, message: `only a DRAFT can be edited (it is ${status})` });
    }
  });

  it('distributes only an approved material, once', () => {
    expect(transition('DRAFT', 'DISTRIBUTE').ok).toBe(false);
    expect(transition('DISTRIBUTED', 'DISTRIBUTE').ok).toBe(false);
    expect(transition('WITHDRAWN', 'DISTRIBUTE').ok).toBe(false);
  });

  it('withdraws an approved or distributed material, not a draft and not twice', () => {
    for (const status of ['APPROVED', 'DISTRIBUTED'] as const)
      expect(transition(status, 'WITHDRAW')).toEqual({ ok: true, status: 'WITHDRAWN' });
    expect(transition('DRAFT', 'WITHDRAW')).toEqual({ ok: false, message: 'a DRAFT is edited, not withdrawn (it is DRAFT)' });
    expect(transition('WITHDRAWN', 'WITHDRAW')).toEqual({ ok: false, message: 'the material is already withdrawn (it is WITHDRAWN)' });
  });
});

describe('placement window', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  it('is open without a window, and until it closes', () => {
    expect(windowOpen({}, now)).toBe(true);
    expect(windowOpen({ windowUntil: new Date('2026-11-21T00:00:00Z') }, now)).toBe(true);
    expect(windowOpen({ windowUntil: new Date('2026-11-19T00:00:00Z') }, now)).toBe(false);
  });
  it('closes when the material is withdrawn', () => {
    expect(windowOpen({ withdrawnAt: new Date('2026-11-19T00:00:00Z') }, now)).toBe(false);
  });
});

describe('material input', () => {
  const valid = {
    title: 'Губернатор вручил ключи от квартир',
    body: 'Первый абзац.\r\n\r\nВторой абзац.  \nТретья строка.',
    topic: 'GOVERNOR',
  };
  const fieldOf = (schema: typeof createMaterialInput | typeof updateMaterialInput, input: unknown) => {
    try {
      parseInput(schema, input);
      return null;
    } catch (err) {
      return (err as HubError).details.field;
    }
  };

  it('keeps paragraphs, normalizes line ends and hashtags', () => {
    const parsed = parseInput(createMaterialInput, { ...valid, hashtags: ['#Хабаровскийкрай', 'Хабаровскийкрай', 'НацПроекты'] });
    expect(parsed.body).toBe('Первый абзац.\n\nВторой абзац.\nТретья строка.');
    expect(parsed.hashtags).toEqual(['Хабаровскийкрай', 'НацПроекты']);
  });

  it('names what is wrong', () => {
    expect(fieldOf(createMaterialInput, { ...valid, title: '  ' })).toBe('title');
    expect(fieldOf(createMaterialInput, { ...valid, title: 'Я'.repeat(201) })).toBe('title');
    expect(fieldOf(createMaterialInput, { ...valid, topic: 'WEATHER' })).toBe('topic');
    expect(fieldOf(createMaterialInput, { ...valid, hashtags: ['два слова'] })).toBe('hashtags.0');
    expect(fieldOf(createMaterialInput, { ...valid, mediaLinks: ['http://media.example/photo.jpg'] })).toBe('mediaLinks.0');
    expect(
      fieldOf(createMaterialInput, {
        ...valid,
        placementWindow: { from: new Date('2026-11-20T00:00:00Z'), until: new Date('2026-11-19T00:00:00Z') },
      }),
    ).toBe('placementWindow.until');
    expect(fieldOf(updateMaterialInput, { body: '' })).toBe('body');
  });
});
