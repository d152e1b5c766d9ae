import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { useQuery } from '../connection';
import { SUPPLY_HISTORY, TREND } from '../queries';
import { isWeek, type Route, type View } from '../route';
import { useRoute } from '../useRoute';
import type { DashboardSupplyHistoryQuery, DashboardTrendQuery } from '../generated/graphql';
import { DrillDown } from './DrillDown';
import { ExportButtons } from './ExportButtons';
import { Heatmap } from './Heatmap';
import { Laggards } from './Laggards';
import { Evidence } from './Evidence';
import { MediaMentions } from './MediaMentions';
import { PageHealth } from './PageHealth';
import { SummaryCards } from './SummaryCards';
import { TrendChart } from './TrendChart';
import { Uptake } from './Uptake';
import { WeekSelector } from './WeekSelector';
import { WidgetCoverage } from './WidgetCoverage';

/**
 * The ЦУР's dashboard, the workspace of the region-wide roles: the sections, once the weeks to choose
 * from are known; the week and the open organization come from the address. `home`: where closing
 * an organization returns (the bare address when the dashboard is the role's front page).
 */
export function Dashboard({ home = null }: { home?: View | null }) {
  const trend = useQuery(TREND, {});
  const supplyHistory = useQuery(SUPPLY_HISTORY, {});
  const weeks = useMemo(() => completeWeeks(trend.data, supplyHistory.data), [trend.data, supplyHistory.data]);
  const [route, navigate] = useRoute();
  const lastWeek = weeks.at(-1) ?? null;
  const week = lastWeek === null ? null : chosenWeek(route.week, lastWeek);
  const choices = week === null || weeks.includes(week) ? weeks : [...weeks, week].sort();
  const open = useCallback((organizationId: string) => navigate({ organizationId }), [navigate]);
  const close = useCallback(() => navigate({ organizationId: null, view: home }), [navigate, home]);
  useScrollToLinkedReport(route, lastWeek !== null);

  return (
    <main class="content">
      <div class="toolbar">
        {week ? (
          <WeekSelector weeks={choices} value={week} onChange={(w) => navigate({ week: w })} />
        ) : (
          <span class="muted">
            {trend.loading || supplyHistory.loading ? 'Загрузка недель…' : 'Недели неизвестны: нет ни оценок, ни истории рассылок.'}
          </span>
        )}
        {week && <ExportButtons week={week} />}
      </div>
      {week && <SummaryCards week={week} />}
      <TrendChart trend={trend} supplyHistory={supplyHistory} />
      <Heatmap onOpen={open} />
      {week && <Laggards week={week} onOpen={open} />}
      {lastWeek && <MediaMentions lastWeek={lastWeek} requestedMonth={route.month} onOpen={open} />}
      {week && <Uptake week={week} />}
      {week && <Evidence week={week} />}
      <PageHealth />
      <WidgetCoverage />
      {route.organizationId && week && <DrillDown organizationId={route.organizationId} week={week} weeks={weeks} onClose={close} />}
    </main>
  );
}

/** The week the address names, if it is one that has ended (a report link may be older than twelve weeks); else the last. */
function chosenWeek(requested: string | null, lastWeek: string): string {
  return isWeek(requested) && requested <= lastWeek ? requested : lastWeek;
}

/** A report link opened the page: once the sections are there, bring the report into view. */
function useScrollToLinkedReport(route: Route, ready: boolean) {
  const initial = useRef(route);
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const { organizationId, week, month } = initial.current;
    if (organizationId) return;
    const target = month && !week ? 'media' : week ? 'summary' : null;
    if (target) document.getElementById(target)?.scrollIntoView();
  }, [ready]);
}

/**
 * The complete weeks, oldest first: the trend's periods; without compliance, the supply history's
 * weeks but its last, which is the current week.
 */
function completeWeeks(trend: DashboardTrendQuery | null, supply: DashboardSupplyHistoryQuery | null): string[] {
  if (trend?.complianceTrend.length) return trend.complianceTrend.map((p) => p.period);
  return (supply?.contentSupplyHistory ?? []).map((s) => s.week).slice(0, -1);
}
