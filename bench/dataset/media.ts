// Mass-media publications (decree 3.3): most executive bodies get one or two a month, a few
// none; some municipalities report theirs too.
import { periodContaining, shiftPeriod } from '@hub/common';
import { articleKey } from '@hub/organizations';
import { ENTITY, entityId, entityRng } from './ids.js';
import { KIND, type Roster } from './roster.js';
import type { Calendar } from './calendar.js';
import type { DatasetSpec } from './spec.js';
import type { CopyValue } from './copy.js';
import { REPORTER } from './placements.js';

const HOUR = 3_600_000;
const PURPOSE_MEDIA = 51;
const OUTLETS = [
  ['Тихоокеанская звезда', 'toz'],
  ['Приамурские ведомости', 'pv'],
  ['Губерния', 'gubernia'],
  ['Регион сегодня', 'region-today'],
  ['Дальневосточный вестник', 'dvvestnik'],
  ['Вести-Регион', 'vesti-region'],
] as const;

export const MEDIA_COLUMNS = [
  'id',
  'organization_id',
  'outlet',
  'url',
  'issue_reference',
  'dedup_key',
  'published_at',
  'about',
  'reported_by',
  'reported_at',
] as const;

export function* mediaRows(spec: DatasetSpec, calendar: Calendar, roster: Roster): Generator<CopyValue[]> {
  const first = calendar.weeks[0]!.start.getTime();
  const months = [];
  for (
    let month = periodContaining('MONTH', new Date(calendar.now), spec.timeZone);
    month.end.getTime() > first;
    month = shiftPeriod(month, -1, spec.timeZone)
  ) {
    months.unshift(month);
  }
  let counter = 0;
  for (let i = 0; i < roster.size; i++) {
    const kind = roster.kind[i]!;
    if (kind !== KIND.body && kind !== KIND.municipality) continue;
    const rng = entityRng(spec.seed, PURPOSE_MEDIA, i);
    for (const month of months) {
      const from = Math.max(month.start.getTime(), first);
      const to = Math.min(month.end.getTime(), calendar.now);
      const r = rng();
      const count = kind === KIND.municipality ? (r < 0.3 ? 1 : 0) : r < 0.15 ? 0 : r < 0.75 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const [outlet, slug] = OUTLETS[Math.floor(rng() * OUTLETS.length)]!;
        const publishedAt = from + Math.floor((rng() * (to - from)) / HOUR) * HOUR;
        counter++;
        const url = `https://${slug}.bench-region.test/news/${10_000 + counter}`;
        yield [
          entityId(spec.seed, ENTITY.media, counter),
          roster.ids[i]!,
          outlet,
          url,
          null,
          articleKey({ outlet, url }),
          new Date(publishedAt),
          'Материал о работе официальных страниц в социальных сетях',
          REPORTER,
          new Date(Math.min(publishedAt + (2 + Math.floor(rng() * 48)) * HOUR, calendar.now)),
        ];
      }
    }
  }
}
