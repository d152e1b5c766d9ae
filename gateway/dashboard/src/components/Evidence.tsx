import { useQuery } from '../connection';
import { formatCount, formatRate } from '../format';
import { TOPIC_LABELS } from '../labels';
import { EVIDENCE, REACH_BY_TOPIC } from '../queries';
import { weekRange } from '../weeks';
import { Card } from './Card';
import { Loading, Section } from './Section';

/**
 * The week's placements as monitoring found them on their pages (compliance's placementEvidence)
 * and what they reached by topic (organizations' reach): two requests, so that one service down
 * leaves the other's part.
 */
export function Evidence({ week }: { week: string }) {
  const evidence = useQuery(EVIDENCE, { week });
  const reached = useQuery(REACH_BY_TOPIC, { week });
  const totals = evidence.data?.placementEvidence;
  const topics = reached.data?.reach ?? [];
  const loading = evidence.loading || reached.loading;
  return (
    <Section
      id="evidence"
      title={`Проверка размещений по страницам: ${weekRange(week)}`}
      subtitle="Что мониторинг нашёл на официальных страницах: подтверждённые, найденные без отчёта и не засчитанные размещения"
      missing={[...evidence.missing, ...reached.missing]}
      error={evidence.error ?? reached.error}
      loading={loading}
    >
      {loading && !totals && !reached.data && <Loading what="проверку размещений" />}
      {totals && (
        <div class="cards">
          <Card
            name="verified-share"
            label="Подтверждено мониторингом"
            value={formatRate(totals.verifiedShare)}
            hint={`${formatCount(totals.verified)} из ${formatCount(totals.placements)} размещений`}
            tone="met"
          />
          <Card
            name="discovered"
            label="Найдено мониторингом"
            value={formatCount(totals.discovered)}
            hint="размещения без отчёта организации"
          />
          <Card name="reported" label="Отмечено организациями" value={formatCount(totals.reported)} />
          <Card
            name="doubted"
            label="Под сомнением"
            value={formatCount(totals.doubted)}
            hint="не найдены при последней проверке"
            tone="exempt"
          />
          <Card name="pending" label="Ещё не проверены" value={formatCount(totals.pending)} />
          <Card
            name="disproved"
            label="Не засчитано мониторингом"
            value={formatCount(totals.disproved)}
            hint="не найдены на странице при двух проверках подряд"
            tone="missed"
          />
        </div>
      )}
      <h3>Охват по темам</h3>
      {reached.data && topics.length === 0 && <p class="muted">На этой неделе размещений нет.</p>}
      {topics.length > 0 && (
        <div class="table-scroll">
          <table class="table" data-table="reach-by-topic">
            <caption class="visually-hidden">Охват размещений недели по темам материалов</caption>
            <thead>
              <tr>
                <th scope="col">Тема</th>
                <th scope="col" class="num">
                  Размещений
                </th>
                <th scope="col" class="num">
                  Из них видел мониторинг
                </th>
                <th scope="col" class="num">
                  Просмотров
                </th>
                <th scope="col" class="num">
                  Лайков
                </th>
                <th scope="col" class="num">
                  Репостов
                </th>
              </tr>
            </thead>
            <tbody>
              {topics.map((t) => (
                <tr key={t.key} data-topic={t.key}>
                  <th scope="row">{t.topic ? TOPIC_LABELS[t.topic] : t.key}</th>
                  <td class="num">{formatCount(t.reach.placements)}</td>
                  <td class="num">{formatCount(t.reach.placementsSeen)}</td>
                  <td class="num">{formatCount(t.reach.views)}</td>
                  <td class="num">{formatCount(t.reach.likes)}</td>
                  <td class="num">{formatCount(t.reach.reposts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
