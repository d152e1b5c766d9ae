import { useEffect, useRef } from 'preact/hooks';
import { useQuery, type QueryState } from '../connection';
import { formatCount, formatDate, formatDateTime } from '../format';
import { KIND_SINGULAR, NOT_EVALUATED_HINT, PLATFORM_LABELS, RULE_LABELS, WIDGET_FORM_LABELS } from '../labels';
import { ORGANIZATION, ORGANIZATION_PLACEMENTS } from '../queries';
import { cellStatus, type CellStatus } from '../evaluation';
import type { DashboardOrganizationPlacementsQuery, DashboardOrganizationQuery } from '../generated/graphql';
import { weekRange } from '../weeks';
import { MissingNote } from './Section';
import { StatusBadge } from './StatusLegend';

type OrganizationDetails = NonNullable<DashboardOrganizationQuery['organization']>;
/** One week's result (`compliance` is the compliance subgraph's: null while it does not answer). */
type ComplianceHistoryItem = NonNullable<OrganizationDetails['compliance']>[number];

interface Props {
  organizationId: string;
  week: string;
  /** The complete weeks the page shows, oldest first: the history has a row for each. */
  weeks: string[];
  onClose: () => void;
}

/** One organization: who it is, its pages, the selected week's placements, its history and escalations. */
export function DrillDown({ organizationId, week, weeks, onClose }: Props) {
  const { data, missing, error, loading } = useQuery(ORGANIZATION, { id: organizationId });
  // Asked at once with the organization, not after it: both need only the id.
  const placements = useQuery(ORGANIZATION_PLACEMENTS, { id: organizationId, week });
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [organizationId, onClose]);
  const org = data?.organization;

  return (
    <aside class="drilldown" role="dialog" aria-modal="false" aria-labelledby="drilldown-title" data-organization-id={organizationId}>
      <header class="drilldown-header">
        <h2 id="drilldown-title">{org?.name ?? (loading ? 'Загрузка…' : 'Организация')}</h2>
        <button type="button" ref={closeButton} class="button-secondary" onClick={onClose} aria-label="Закрыть подробности">
          Закрыть
        </button>
      </header>
      {error && (
        <p class="note note-error" role="alert">
          Не удалось загрузить: {error}
        </p>
      )}
      <MissingNote missing={missing} />
      {data && !org && missing.length === 0 && <p class="note note-error">Организация не найдена или недоступна для вашей роли.</p>}
      {org && <Details org={org} week={week} weeks={weeks} placements={placements} />}
    </aside>
  );
}

function Details({
  org,
  week,
  weeks,
  placements,
}: {
  org: OrganizationDetails;
  week: string;
  weeks: string[];
  placements: QueryState<DashboardOrganizationPlacementsQuery>;
}) {
  const placed = placements.data?.organization?.placements ?? [];
  return (
    <div class="drilldown-body">
      <dl class="facts">
        <dt>Вид</dt>
        <dd>{KIND_SINGULAR[org.kind]}</dd>
        <dt>В реестре с</dt>
        <dd>{formatDate(org.registeredAt)}</dd>
        <dt>Вышестоящая</dt>
        <dd>{org.parent?.name ?? '—'}</dd>
        <dt>Руководитель</dt>
        <dd>
          {org.head.fullName}, {org.head.position}
          {org.head.email && (
            <>
              {' '}
              · <a href={`mailto:${org.head.email}`}>{org.head.email}</a>
            </>
          )}
        </dd>
        {org.weekProgress && (
          <>
            <dt>Текущая неделя</dt>
            <dd class={org.weekProgress.atRisk ? 'text-missed' : 'text-met'}>
              размещено {formatCount(org.weekProgress.placed)} из {formatCount(org.weekProgress.required)}
              {org.weekProgress.remaining > 0 ? `, осталось ${formatCount(org.weekProgress.remaining)}` : ', норма выполнена'}
            </dd>
          </>
        )}
      </dl>

      <h3>История: норма размещения</h3>
      {org.compliance === null ? (
        <p class="muted">Нет данных.</p>
      ) : (
        <History results={org.compliance} weeks={weeks} registeredAt={org.registeredAt} />
      )}

      <h3>Размещения за неделю {weekRange(week)}</h3>
      {placements.error && <p class="note note-error">Не удалось загрузить: {placements.error}</p>}
      <MissingNote missing={placements.missing} />
      {placements.loading && !placements.data && <p class="muted">Загрузка…</p>}
      {placed.length > 0 && (
        <ul class="placements">
          {placed.map((p) => (
            <li key={p.url}>
              <a href={p.url} target="_blank" rel="noopener noreferrer">
                {p.material.title}
              </a>
              <span class="muted">
                {' '}
                · {PLATFORM_LABELS[p.page.platform]} · {formatDateTime(p.publishedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {placements.data?.organization && placed.length === 0 && <p class="muted">Размещений нет.</p>}

      <h3>Официальные страницы</h3>
      {org.pages.length > 0 ? (
        <ul class="pages">
          {org.pages.map((p) => {
            const forms = new Set(p.feedbackWidgets.map((w) => w.form));
            const lacking = (['REPORT_PROBLEM', 'SHARE_OPINION'] as const).filter((f) => !forms.has(f));
            return (
              <li key={p.url}>
                <strong>{PLATFORM_LABELS[p.platform]}</strong>{' '}
                <a href={p.url} target="_blank" rel="noopener noreferrer">
                  {p.url}
                </a>
                {p.verified && (
                  <span class="tag tag-ok" title="Отметка «Госорганизация»">
                    проверена
                  </span>
                )}
                {lacking.length === 0 ? (
                  <span class="tag tag-ok">виджет: обе формы</span>
                ) : (
                  <span class="tag tag-warn">нет формы {lacking.map((f) => WIDGET_FORM_LABELS[f]).join(' и ')}</span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">Страниц нет.</p>
      )}

      <h3>Эскалации</h3>
      {org.escalations === null ? (
        <p class="muted">Нет данных.</p>
      ) : org.escalations.length > 0 ? (
        <div class="table-scroll">
          <table class="table table-compact">
            <thead>
              <tr>
                <th scope="col">Уровень</th>
                <th scope="col">Правило</th>
                <th scope="col">Период</th>
                <th scope="col" class="num">
                  Подряд
                </th>
                <th scope="col">Когда</th>
              </tr>
            </thead>
            <tbody>
              {org.escalations.map((e) => (
                <tr key={`${e.rule}${e.period}${e.level}`}>
                  <td>{e.level}</td>
                  <td>{RULE_LABELS[e.rule]}</td>
                  <td title={e.period}>{weekRange(e.period)}</td>
                  <td class="num">{e.consecutiveMisses}</td>
                  <td>{formatDate(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">Эскалаций не было.</p>
      )}
    </div>
  );
}

interface HistoryRow {
  period: string;
  status: CellStatus;
  result: ComplianceHistoryItem | null;
}

/** Every week the page shows, newest first: a week without a result says whether one was due. */
function History({ results, weeks, registeredAt }: { results: ComplianceHistoryItem[]; weeks: string[]; registeredAt: string }) {
  // No result at all: the rule may not apply to it, so its weeks are not drawn as gaps.
  if (results.length === 0) return <p class="muted">Оценок пока нет.</p>;
  const byPeriod = new Map(results.map((r) => [r.period, r]));
  const periods = [...new Set([...weeks, ...byPeriod.keys()])].sort().reverse();
  const rows: HistoryRow[] = periods.map((period) => {
    const result = byPeriod.get(period) ?? null;
    return { period, result, status: cellStatus(result?.status, period, registeredAt) };
  });
  return (
    <div class="table-scroll">
      <table class="table table-compact history">
        <thead>
          <tr>
            <th scope="col">Неделя</th>
            <th scope="col">Статус</th>
            <th scope="col" class="num">
              Размещено / норма
            </th>
            <th scope="col" class="num">
              Подряд
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ period, status, result }) => (
            <tr key={period} data-rule={result?.rule} data-period={period} data-status={status}>
              <td title={period}>{weekRange(period)}</td>
              <td>
                <StatusBadge status={status} />
                {status === 'NOT_EVALUATED' && <span class="muted history-hint"> {NOT_EVALUATED_HINT}</span>}
              </td>
              <td class="num">{result ? `${formatCount(result.actual)} / ${formatCount(result.required)}` : '—'}</td>
              <td class="num">{result?.consecutiveMisses || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
