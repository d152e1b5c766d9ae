import { describePeriod, formatInstant, periodContaining, shiftPeriod } from '@hub/common';
import { addressees, materialsReceivedIn } from '../data/mail-directory.repo.js';
import { queueLetters } from '../data/outbox.repo.js';
import { renderNotice } from '../mail/notice.js';
import type { EngineDeps } from './run-check.js';

const newMaterials = (n: number) =>
  n % 10 === 1 && n % 100 !== 11
    ? `${n} новый материал`
    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)
      ? `${n} новых материала`
      : `${n} новых материалов`;

/**
 * Each morning, every organization that received materials the day before hears which, in one
 * letter to its communications contact: what the officer opens the inbox for. Once per day.
 */
export async function queueDistributionDigests(deps: EngineDeps): Promise<number> {
  const day = shiftPeriod(periodContaining('DAY', deps.clock(), deps.timezone), -1, deps.timezone);
  const rows = await materialsReceivedIn(deps.em, day);
  if (!rows.length) return 0;
  const byOrg = new Map<string, typeof rows>();
  for (const r of rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r]);
  const people = await addressees(deps.em, [...byOrg.keys()]);
  const letters = [...byOrg.entries()].flatMap(([orgId, materials]) => {
    const org = people.get(orgId);
    const to = org?.contactEmail ?? org?.headEmail;
    if (!org || !to) return [];
    const subject = `Региональный контент: ${newMaterials(materials.length)} для размещения`;
    const body = renderNotice({
      heading: subject,
      paragraphs: [
        `Контент-центр направил «${org.name}» материалы ${describePeriod(day, deps.timezone)}.`,
        'Норма (распоряжение № 299-р, п. 3.1): не менее 3 материалов регионального контента в неделю на официальных страницах. Отметьте размещения в системе.',
      ],
      listTitle: 'Новые материалы:',
      list: materials.map(
        (m) =>
          `«${m.title}»${m.window_until ? ` — разместить до ${formatInstant(new Date(m.window_until), deps.timezone).slice(0, 10)}` : ''}`,
      ),
      footer: `Все материалы недели: ${deps.publicUrl.replace(/\/$/, '')}/dashboard/#/organizations/${orgId}`,
    });
    return [{ kind: 'DISTRIBUTION_DIGEST', dedupKey: `distribution:${day.label}:${orgId}`, to, subject, ...body }];
  });
  return queueLetters(deps.em, letters, deps.clock());
}
