import { describePeriod } from '@hub/common';
import { rulesInForce } from '../data/rules.repo.js';
import { addressees, openMaterials } from '../data/mail-directory.repo.js';
import { disprovedPlacements } from '../data/disproved.repo.js';
import { periodKey } from '../domain/digests.js';
import { queueLetters } from '../data/outbox.repo.js';
import { renderNotice } from '../mail/notice.js';
import { weekProgress } from './week-progress.js';
import { ruleTimeZone, type EngineDeps } from './run-check.js';

const materialsWord = (n: number) =>
  n % 10 === 1 && n % 100 !== 11 ? 'материал' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'материала' : 'материалов';

/**
 * Thursday's reminder (docs/DESIGN.md, "The schedule"): every organization below the weekly
 * norm so far hears what it still needs and which received materials are open, before it
 * misses. Once per organization and week.
 */
export async function queueMidweekReminders(deps: EngineDeps): Promise<number> {
  const rules = await rulesInForce(deps.em, deps.clock());
  const progress = [...(await weekProgress(deps, rules)).values()].filter((p) => p.atRisk);
  if (!progress.length) return 0;
  const rule = rules.find((r) => r.code === 'WEEKLY_PLACEMENTS')!;
  const zone = ruleTimeZone(rule, deps.timezone);
  const ids = progress.map((p) => p.organizationId);
  const people = await addressees(deps.em, ids);
  const open = await openMaterials(deps.em, ids, deps.clock());
  const disproved = await disprovedPlacements(
    deps.em,
    progress.map((p) => ({ organizationId: p.organizationId, period: p.week })),
  );
  const letters = progress.flatMap((p) => {
    const org = people.get(p.organizationId);
    const to = org?.contactEmail ?? org?.headEmail;
    if (!org || !to) return [];
    const subject = `Региональный контент: до конца недели разместите ещё ${p.remaining} ${materialsWord(p.remaining)}`;
    const body = renderNotice({
      heading: subject,
      paragraphs: [
        `«${org.name}» разместила ${p.placed} из ${p.required} материалов регионального контента на этой неделе (${describePeriod(p.week, zone)}).`,
        `${p.severity === 'MANDATORY' ? 'Норма' : 'Рекомендация'} (распоряжение № 299-р, п. ${p.decreeItem}): не менее ${p.required} материалов в неделю. Разместите недостающие до воскресенья и отметьте размещения в системе.`,
      ],
      tables: [
        {
          title: 'Не засчитаны по данным мониторинга страниц (публикацию можно восстановить и отметить заново):',
          columns: ['Материал', 'Почему не засчитано'],
          rows: (disproved.get(periodKey(p.organizationId, p.week.label)) ?? []).map((d) => [d.title ? `«${d.title}»` : '—', d.reason]),
        },
      ],
      listTitle: 'Открытые материалы подборки контент-центра:',
      list: (open.get(p.organizationId) ?? []).map((m) => `«${m.title}»`),
      footer: `Это напоминание, а не нарушение. История и подробности: ${deps.publicUrl.replace(/\/$/, '')}/dashboard/#/organizations/${p.organizationId}`,
    });
    return [
      {
        kind: 'MIDWEEK_REMINDER',
        dedupKey: `reminder:${p.week.label}:${p.organizationId}`,
        to,
        subject,
        ...body,
        decreeItems: [p.decreeItem],
      },
    ];
  });
  return queueLetters(deps.em, letters, deps.clock());
}
