import { describe, expect, it } from 'vitest';
import { type HubError, parseInput } from '@hub/common';
import { bodyProblem, titleKey, titleProblem } from '../../src/domain/material-quality.js';
import { createMaterialInput, updateMaterialInput } from '../../src/domain/material-input.js';

describe('a material title', () => {
  it.each([
    'Губернатор вручил ключи от квартир',
    'Без журнала',
    'Хабаровскийкрай',
    'Спартакиада-2026 стартовала',
    '<script>alert(1)</script> в заголовке',
    'Тестирование ГТО для школьников',
  ])('accepts «%s»', (title) => {
    expect(titleProblem(title)).toBeNull();
  });

  it.each([
    ['x', /words/],
    ['Тест', /placeholder/],
    ['test', /placeholder/],
    ['asdf', /placeholder/],
    ['Тестовый заголовок', /placeholder/],
    ['asdf qwerty', /placeholder/],
    ['Материал 1', /placeholder/],
    ['Новость', /placeholder/],
    ['ааааааааааааа', /placeholder/],
    ['!!! ...', /words/],
    ['2026-11-28 12:00', /words/],
    ['Другое', /too short/],
    ['Заявка №5', /too short/],
  ])('refuses «%s»', (title, reason) => {
    expect(titleProblem(title)).toMatch(reason);
  });
});

describe('a material body', () => {
  it('accepts a text of two words and more', () => {
    expect(bodyProblem('Текст новости.\n\nВторой абзац.')).toBeNull();
    expect(bodyProblem('Открыт новый стадион на тысячу мест.')).toBeNull();
  });

  it.each(['Текст.', 'Текст', 'Lorem ipsum dolor sit amet', 'test test', '...', '123 456', 'Открыт'])('refuses «%s»', (body) => {
    expect(bodyProblem(body)).not.toBeNull();
  });
});

describe('title clash key', () => {
  it('ignores case, ё and spacing', () => {
    expect(titleKey('  Ёлка  на   площади ')).toBe(titleKey('елка на площади'));
    expect(titleKey('Ёлка\u00a0на площади')).toBe(titleKey('ЁЛКА НА ПЛОЩАДИ'));
    expect(titleKey('Ёлка на площади')).not.toBe(titleKey('Ёлки на площади'));
  });
});

describe('material input refuses placeholders naming the field', () => {
  const fieldOf = (schema: typeof createMaterialInput | typeof updateMaterialInput, input: unknown) => {
    try {
      parseInput(schema, input);
      return null;
    } catch (err) {
      return (err as HubError).details.field;
    }
  };
  const valid = { title: 'Губернатор вручил ключи от квартир', body: 'Первый абзац.\n\nВторой абзац.', topic: 'GOVERNOR' };

  it('on create and on update', () => {
    expect(fieldOf(createMaterialInput, valid)).toBeNull();
    expect(fieldOf(createMaterialInput, { ...valid, title: 'Тест' })).toBe('title');
    expect(fieldOf(createMaterialInput, { ...valid, body: 'Текст.' })).toBe('body');
    expect(fieldOf(updateMaterialInput, { title: 'asdf' })).toBe('title');
    expect(fieldOf(updateMaterialInput, { body: 'lorem ipsum' })).toBe('body');
    expect(fieldOf(updateMaterialInput, { title: 'Исправленный заголовок' })).toBeNull();
  });
});
