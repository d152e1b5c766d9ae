import { describePeriod, periodContaining, shiftPeriod } from '@hub/common';
import { addressees } from '../data/mail-directory.repo.js';
import { queueLetters } from '../data/outbox.repo.js';
import { openNotes, periodUptake, shortedRecipients, supplyByGroup } from '../data/weekly-review.repo.js';
import { leastPickedTable, noteLine, supplyLine, supplyTable, topicTable, uptakeLine } from '../domain/weekly-review.js';
import { renderNotice } from '../mail/notice.js';
import type { EngineDeps } from './run-check.js';

const LEAST_PICKED = 5;
const SHORTED_NAMED = 10;

/**
 * Monday's letter to the content center (docs/DESIGN.md, "Letters"; decree items 2.2 and 5): its
 * supply last week per recipient group and the recipients it shorted, by name; how its materials
 * were picked up, the least-placed materials and the topics; the ЦУР's notes it has not answered.
 * Once per week; nothing when the week had neither materials, a supply result nor an open note.
 */
export async function queueContentCenterReview(deps: EngineDeps): Promise<number> {
  const week = shiftPeriod(periodContaining('WEEK', deps.clock(), deps.timezone), -1, deps.timezone);
  const [groups, shorted, uptake, notes] = await Promise.all([
    supplyByGroup(deps.em, week.label),
    shortedRecipients(deps.em, week.label, SHORTED_NAMED),
    periodUptake(deps.em, week),
    openNotes(deps.em),
  ]);
  if (!groups.length && !uptake.length && !notes.length) return 0;
  const center = [...(await addressees(deps.em, [])).values()].find((p) => p.kind === 'CONTENT_CENTER');
  const to = center?.contactEmail ?? center?.headEmail;
  if (!to) return 0;

  const subject = `Контент-центр: итоги недели ${describePeriod(week, deps.timezone)}`;
  const short = groups.reduce((sum, g) => sum + g.short, 0);
  const body = renderNotice({
    heading: subject,
    paragraphs: [
      supplyLine(groups),
      short
        ? `Что сделать: на этой неделе отправьте недостающие материалы получателям, которым их не хватило${short > shorted.length ? ` (ниже первые ${shorted.length} из ${short})` : ''}.`
        : 'Все получатели получили не меньше нормы.',
      uptakeLine(uptake),
      notes.length ? `Открытых замечаний ЦУР (п. 5): ${notes.length}. Ответьте на них в системе.` : 'Открытых замечаний ЦУР нет.',
    ],
    tables: [
      supplyTable(groups),
      { title: 'Получили меньше нормы', columns: ['Организация', 'Получила материалов'], rows: shorted.map((r) => [r.name, r.actual]) },
      leastPickedTable(uptake, LEAST_PICKED),
      topicTable(uptake),
    ],
    listTitle: 'Замечания ЦУР без ответа:',
    list: notes.map((n) => noteLine(n, deps.timezone)),
    footer: `Дашборд: ${deps.publicUrl.replace(/\/$/, '')}/dashboard/#/report/CONTENT_CENTER_WEEKLY_SUPPLY/${week.label}`,
  });
  return queueLetters(
    deps.em,
    [
      {
        kind: 'CONTENT_CENTER_REVIEW',
        dedupKey: `content-center-review:${week.label}`,
        to,
        subject,
        ...body,
        decreeItems: ['2.2', '5'],
      },
    ],
    deps.clock(),
  );
}
