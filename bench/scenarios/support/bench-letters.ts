import type { QueuedLetter } from '@hub/compliance';

/** A letter of the size and shape of an escalation digest: a head, the parent's contact in copy, Cyrillic HTML. */
export function benchLetters(prefix: string, count: number): QueuedLetter[] {
  const rows = Array.from(
    { length: 12 },
    (_, i) => `<tr><td>Организация № ${i + 1}</td><td>2026-W47</td><td>${i % 3}</td><td>3</td><td>${1 + (i % 4)}</td></tr>`,
  ).join('');
  return Array.from({ length: count }, (_, i) => ({
    kind: 'BENCH',
    dedupKey: `${prefix}:${i}`,
    to: `head-${i}@bench.example`,
    cc: [`contact-${i % 50}@bench.example`],
    subject: `Норма размещения регионального контента не выполнена (2026-W47), письмо ${i}`,
    html: `<html><body><p>Уважаемый руководитель!</p><p>Распоряжение № 299-р, п. 3.1: не менее 3 материалов в неделю.</p>
<table><tr><th>Организация</th><th>Неделя</th><th>Размещено</th><th>Норма</th><th>Недель подряд</th></tr>${rows}</table>
<p>Разместите на этой неделе материалы из подборки контент-центра и отметьте размещения в системе до воскресенья.</p></body></html>`,
    text: `Уважаемый руководитель! Распоряжение № 299-р, п. 3.1: не менее 3 материалов в неделю. Письмо ${i}.`,
  }));
}
