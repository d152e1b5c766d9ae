import { useEffect, useState } from 'preact/hooks';
import { useGraphQL, useQuery } from '../connection';
import { formatCount } from '../format';
import { cellStatus } from '../evaluation';
import { KIND_LABELS, NOT_EVALUATED_HINT, STATUS_LABELS } from '../labels';
import { HEATMAP, MUNICIPALITIES } from '../queries';
import type { DashboardHeatmapQuery, DashboardHeatmapQueryVariables, OrganizationKind } from '../generated/graphql';
import { weekNumber, weekRange } from '../weeks';
import { Loading, Section } from './Section';
import { STATUS_MARKS, StatusLegend, cssName } from './StatusLegend';

type HeatmapRow = DashboardHeatmapQuery['complianceHeatmap']['rows'][number];

/** Organizations × the last twelve weeks, coloured by the weekly norm's status, most misses first. */
export function Heatmap({ onOpen }: { onOpen: (organizationId: string) => void }) {
  const [kind, setKind] = useState<OrganizationKind | ''>('');
  const [municipalityId, setMunicipalityId] = useState('');
  const filter: DashboardHeatmapQueryVariables = { kind: kind || null, municipalityId: municipalityId || null };
  const first = useQuery(HEATMAP, filter);
  const municipalities = useQuery(MUNICIPALITIES, {});
  const more = useMorePages(filter, first.data);
  const heatmap = first.data?.complianceHeatmap;
  const rows = heatmap ? [...heatmap.rows, ...more.rows] : [];
  const pageInfo = more.pageInfo ?? heatmap?.pageInfo;

  return (
    <Section
      id="heatmap"
      title="Тепловая карта: норма размещения за 12 недель"
      subtitle="Строка — организация, столбец — неделя; сначала больше всего пропусков. Нажмите на строку, чтобы открыть подробности."
      missing={[...first.missing, ...municipalities.missing]}
      error={first.error ?? more.error}
      loading={first.loading}
    >
      <div class="filters">
        <label>
          Вид организаций
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as OrganizationKind | '')} name="kind">
            <option value="">Все</option>
            {(Object.keys(KIND_LABELS) as OrganizationKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Муниципальное образование
          <select value={municipalityId} onChange={(e) => setMunicipalityId(e.currentTarget.value)} name="municipality">
            <option value="">Все</option>
            {(municipalities.data?.organizations.edges ?? []).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <StatusLegend />
      </div>
      {first.loading && !heatmap && <Loading what="тепловая карта" />}
      {heatmap && (
        <>
          <p class="muted">
            Показано {formatCount(rows.length)} из {formatCount(heatmap.totalCount)}
          </p>
          <div class="heatmap-scroll">
            <table class="heatmap">
              <thead>
                <tr>
                  <th class="heatmap-org" scope="col">
                    Организация
                  </th>
                  {heatmap.periods.map((p) => (
                    <th key={p} scope="col" title={p} class="heatmap-week">
                      <span class="week-number">{weekNumber(p)}</span>
                      <span class="week-dates">{weekRange(p)}</span>
                    </th>
                  ))}
                  <th scope="col" class="num" title="Пропусков за 12 недель">
                    Пропусков
                  </th>
                  <th scope="col" class="num" title="Пропусков подряд на последней оценённой неделе">
                    Подряд
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <HeatmapLine key={row.organization.id} row={row} periods={heatmap.periods} onOpen={onOpen} />
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p class="muted">Нет организаций с оценками по этим условиям.</p>}
          {pageInfo?.hasNextPage && (
            <button type="button" class="button-secondary" disabled={more.loading} onClick={() => more.load(pageInfo.endCursor)}>
              {more.loading ? 'Загрузка…' : 'Показать ещё'}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function HeatmapLine({ row, periods, onOpen }: { row: HeatmapRow; periods: string[]; onOpen: (id: string) => void }) {
  const { organization } = row;
  const open = () => onOpen(organization.id);
  return (
    <tr
      data-organization-id={organization.id}
      class="clickable"
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open())}
    >
      <th scope="row" class="heatmap-org" title={organization.name}>
        {organization.shortName ?? organization.name}
      </th>
      {periods.map((period, i) => {
        const status = cellStatus(row.statuses[i], period, organization.registeredAt);
        const label = status === 'NOT_EVALUATED' ? `${STATUS_LABELS[status]}: ${NOT_EVALUATED_HINT}` : STATUS_LABELS[status];
        return (
          <td
            key={period}
            class={`cell cell-${cssName(status)}`}
            data-status={status}
            data-period={period}
            title={`${organization.name}, ${weekRange(period)}: ${label}`}
          >
            <span aria-hidden="true">{STATUS_MARKS[status]}</span>
            <span class="visually-hidden">{label}</span>
          </td>
        );
      })}
      <td class="num">{row.missed}</td>
      <td class="num">{row.consecutiveMisses}</td>
    </tr>
  );
}

/** «Показать ещё»: the next pages of the same filter, dropped when the first page is loaded anew. */
function useMorePages(filter: DashboardHeatmapQueryVariables, firstPage: DashboardHeatmapQuery | null) {
  const send = useGraphQL();
  const [state, setState] = useState<{
    rows: HeatmapRow[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null } | null;
    loading: boolean;
    error: string | null;
  }>({ rows: [], pageInfo: null, loading: false, error: null });
  useEffect(() => setState({ rows: [], pageInfo: null, loading: false, error: null }), [firstPage]);
  const load = async (after: string | null) => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const result = await send(HEATMAP, { ...filter, after });
      const next = result?.data?.complianceHeatmap;
      setState((s) =>
        next ? { rows: [...s.rows, ...next.rows], pageInfo: next.pageInfo, loading: false, error: null } : { ...s, loading: false },
      );
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: (err as Error).message }));
    }
  };
  return { ...state, load };
}
