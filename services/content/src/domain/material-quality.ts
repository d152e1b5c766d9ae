/**
 * A material the organizations must place has a real headline and a real text:
 * a draft titled «Тест» or «Материал 1» must not reach 300 official pages.
 *
 * A word is a run of two or more letters; digits and punctuation are not words. A title needs two
 * words, or one word of at least 10 letters («Хабаровскийкрай»), and must not be made of
 * placeholder words only («Тестовый заголовок», «asdf qwerty»). A body needs two words and must
 * not be placeholder words only («Текст.», «Lorem ipsum»).
 */

const MIN_TITLE_WORDS = 2;
const MIN_SINGLE_WORD_LETTERS = 10;
const MIN_BODY_WORDS = 2;

/** Words people type for "something goes here", in the region's two languages. */
const PLACEHOLDER_WORDS = new Set([
  'тест',
  'тесты',
  'тестовый',
  'тестовая',
  'тестовое',
  'тестовые',
  'проверка',
  'пример',
  'образец',
  'заглушка',
  'заголовок',
  'текст',
  'черновик',
  'материал',
  'новость',
  'йцукен',
  'фыва',
  'ывап',
  'ааа',
  'test',
  'tests',
  'testing',
  'title',
  'text',
  'sample',
  'example',
  'draft',
  'placeholder',
  'todo',
  'tbd',
  'asdf',
  'qwerty',
  'lorem',
  'ipsum',
  'dolor',
  'sit',
  'amet',
  'foo',
  'bar',
  'baz',
  'xxx',
  'xx',
]);

const WORD = /\p{L}{2,}/gu;

export function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []).map((word) => word.replace(/ё/g, 'е'));
}

/** A key-mash or a held key: «ааааааааааа», «xxxxxxxxxx». */
const oneLetterRepeated = (word: string) => new Set(word).size === 1;

const isPlaceholder = (word: string) => PLACEHOLDER_WORDS.has(word) || oneLetterRepeated(word);

/** Why the title is not one, or null. */
export function titleProblem(title: string): string | null {
  const found = words(title);
  if (!found.length) return 'must have words of two letters or more, not only digits, signs or single letters';
  if (found.every(isPlaceholder)) return 'looks like a placeholder; write the real headline';
  if (found.length < MIN_TITLE_WORDS && found[0]!.length < MIN_SINGLE_WORD_LETTERS) {
    return `is too short: at least ${MIN_TITLE_WORDS} words or one word of ${MIN_SINGLE_WORD_LETTERS} letters`;
  }
  return null;
}

/** Why the body is not a text to place, or null. */
export function bodyProblem(body: string): string | null {
  const found = words(body);
  if (found.every(isPlaceholder)) return 'looks like a placeholder; write the text to place';
  if (found.length < MIN_BODY_WORDS) return `is too short: at least ${MIN_BODY_WORDS} words`;
  return null;
}

/** The form two titles are compared in: case, ё and spacing aside. */
export function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replace(/ё/g, 'е');
}
