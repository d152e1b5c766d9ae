import { useMemo } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import type { QueryState } from '../connection';
import { COLORS } from '../colors';
import { formatCount, formatRate } from '../format';
import type { DashboardSupplyHistoryQuery, DashboardTrendQuery } from '../generated/graphql';
import { weekNumber, weekRange } from '../weeks';
import { Chart } from './Chart';
import { Loading, Section } from './Section';

/** Two lines under each bar or point: «нед. 47» over «16–22 нояб.». */
const weekLabel = (week: string) => [weekNumber(week), weekRange(week)];

/** The weekly norm's rate over twelve weeks, and the content center's supply against its quota. */
export function TrendChart({
  trend: trendQuery,
  supplyHistory,
}: {
  trend: QueryState<DashboardTrendQuery>;
  supplyHistory: QueryState<DashboardSupplyHistoryQuery>;
}) {
  const trend = useMemo(() => trendQuery.data?.complianceTrend ?? [], [trendQuery.data]);
  const supply = useMemo(() => supplyHistory.data?.contentSupplyHistory ?? [], [supplyHistory.data]);
  const weeks = useMemo(() => [...new Set([...trend.map((p) => p.period), ...supply.map((s) => s.week)])].sort(), [trend, supply]);

  const rateConfig = useMemo((): ChartConfiguration => {
    const byWeek = new Map(trend.map((p) => [p.period, p]));
    return {
      type: 'line',
      data: {
        labels: weeks.map(weekLabel),
        datasets: [
          {
            label: 'Доля выполнивших норму',
            data: weeks.map((w) => byWeek.get(w)?.rate ?? null),
            borderColor: COLORS.accent,
            backgroundColor: COLORS.accentSoft,
            pointRadius: 4,
            spanGaps: false,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 1, ticks: { callback: (v) => formatRate(Number(v)) } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const point = byWeek.get(weeks[ctx.dataIndex] ?? '');
                return point
                  ? `${formatRate(point.rate)}: выполнили ${formatCount(point.met)}, не выполнили ${formatCount(point.missed)}`
                  : 'нет оценки';
              },
            },
          },
        },
      },
    };
  }, [trend, weeks]);

  const supplyConfig = useMemo((): ChartConfiguration => {
    const byWeek = new Map(supply.map((s) => [s.week, s]));
    return {
      type: 'bar',
      data: {
        labels: weeks.map(weekLabel),
        datasets: [
          {
            type: 'bar',
            label: 'Разослано материалов',
            data: weeks.map((w) => byWeek.get(w)?.distributed ?? null),
            backgroundColor: weeks.map((w) => (byWeek.get(w)?.met === false ? COLORS.missed : COLORS.met)),
          },
          {
            type: 'line',
            label: 'Норма контент-центра',
            data: weeks.map((w) => byWeek.get(w)?.required ?? null),
            borderColor: COLORS.quota,
            borderDash: [6, 4],
            pointRadius: 0,
            stepped: 'middle',
          },
        ],
      },
      options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    };
  }, [supply, weeks]);

  return (
    <Section
      id="trend"
      title="Динамика за 12 недель"
      missing={[...trendQuery.missing, ...supplyHistory.missing]}
      error={trendQuery.error ?? supplyHistory.error}
      loading={trendQuery.loading || supplyHistory.loading}
    >
      {trendQuery.loading && supplyHistory.loading && <Loading what="динамика" />}
      {(trendQuery.data || supplyHistory.data) && (
        <div class="grid-2">
          <figure>
            <figcaption>Доля организаций, выполнивших норму размещения</figcaption>
            {trend.length > 0 ? (
              <Chart config={rateConfig} label="График доли выполнивших норму по неделям" />
            ) : (
              <p class="muted">Нет данных.</p>
            )}
          </figure>
          <figure>
            <figcaption>Контент-центр: разослано материалов и норма (п. 2.2); последняя неделя — текущая</figcaption>
            {supply.length > 0 ? (
              <Chart config={supplyConfig} label="Столбцы: разосланные материалы по неделям против нормы" />
            ) : (
              <p class="muted">Нет данных.</p>
            )}
          </figure>
        </div>
      )}
    </Section>
  );
}
