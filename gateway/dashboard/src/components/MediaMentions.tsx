import { useQuery } from '../connection';
import { formatCount, formatRate } from '../format';
import { lastCompleteMonthCandidates, monthName } from '../months';
import { MEDIA_MISSED, MEDIA_SUMMARY } from '../queries';
import type { DashboardMediaMissedQuery } from '../generated/graphql';
import { Card } from './Card';
import { Loading, Section } from './Section';

interface Props {
  /** The last complete week: the page learns today's date from it, not from the browser's clock. */
  lastWeek: string;
  /** A month the address asked for; otherwise the last complete one. */
  requestedMonth: string | null;
  onOpen: (organizationId: string) => void;
}

/** Decree 3.3: a publication in the mass media about the official pages each month. */
export function MediaMentions({ lastWeek, requestedMonth, onOpen }: Props) {
  const month = useMonth(lastWeek, requestedMonth);
  const missedList = useQuery(MEDIA_MISSED, month.value ? { month: month.value } : null);
  const summary = month.summary.data?.complianceSummary;
  const missed = missedList.data?.complianceReport;
  const loading = month.summary.loading || missedList.loading;

  return (
    <Section
      id="media"
      title={`Публикации в СМИ: ${month.value ? monthName(month.value) : '…'}`}
      subtitle={`${month.value ?? ''} · норма: не менее 1 публикации в месяц об официальных страницах (п. 3.3)`}
      missing={[...month.summary.missing, ...missedList.missing]}
      error={month.summary.error ?? missedList.error}
      loading={loading}
    >
      {loading && !summary && <Loading what="публикации в СМИ" />}
      {summary && (
        <div class="cards">
          <Card name="media-evaluated" label="Оценено организаций" value={formatCount(summary.evaluated)} />
          <Card name="media-met" label="Выполнили норму" value={formatCount(summary.met)} tone="met" />
          <Card name="media-missed" label="Не выполнили" value={formatCount(summary.missed)} tone="missed" />
          <Card name="media-exempt" label="Освобождены" value={formatCount(summary.exempt)} tone="exempt" />
          <Card name="media-rate" label="Доля выполнивших" value={formatRate(summary.rate)} hint="без освобождённых" />
        </div>
      )}
      {summary && summary.evaluated === 0 && <p class="muted">Месяц ещё не оценивался.</p>}
      {missed && missed.edges.length > 0 && <MissedBodies missed={missed} onOpen={onOpen} />}
    </Section>
  );
}

/** The requested month, else the newest candidate that has been evaluated (the check runs on the 1st). */
function useMonth(lastWeek: string, requested: string | null) {
  const [newest, older] = requested ? [requested] : lastCompleteMonthCandidates(lastWeek);
  const first = useQuery(MEDIA_SUMMARY, newest ? { month: newest } : null);
  const notYet = older !== undefined && first.data?.complianceSummary.evaluated === 0;
  const second = useQuery(MEDIA_SUMMARY, notYet ? { month: older } : null);
  if (notYet) return { value: older, summary: second };
  // Until the newest answers, neither month is known for sure.
  return { value: older !== undefined && !first.data ? null : (newest ?? null), summary: first };
}

function MissedBodies({ missed, onOpen }: { missed: DashboardMediaMissedQuery['complianceReport']; onOpen: (id: string) => void }) {
  return (
    <>
      <h3>
        Не выполнили норму
        {missed.totalCount > missed.edges.length
          ? ` (первые ${formatCount(missed.edges.length)} из ${formatCount(missed.totalCount)})`
          : ''}
      </h3>
      <div class="table-scroll">
        <table class="table table-compact media-missed">
          <thead>
            <tr>
              <th scope="col">Организация</th>
              <th scope="col" class="num">
                Публикаций / норма
              </th>
              <th scope="col" class="num">
                Месяцев подряд
              </th>
            </tr>
          </thead>
          <tbody>
            {missed.edges.map(({ node }) => (
              <tr
                key={node.organization.id}
                data-organization-id={node.organization.id}
                class="clickable"
                tabIndex={0}
                onClick={() => onOpen(node.organization.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(node.organization.id)}
              >
                <th scope="row">{node.organization.name}</th>
                <td class="num">
                  {formatCount(node.actual)} / {formatCount(node.required)}
                </td>
                <td class="num">{formatCount(node.consecutiveMisses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
