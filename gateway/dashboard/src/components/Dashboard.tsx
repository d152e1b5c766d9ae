import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { SessionExpiredError } from '../api';
import { ConnectionContext, useQuery, type Connection } from '../connection';
import { SUPPLY_HISTORY, TREND } from '../queries';
import type { SupplyHistoryData, TrendData } from '../types';
import { DrillDown } from './DrillDown';
import { ExportButtons } from './ExportButtons';
import { Heatmap } from './Heatmap';
import { Laggards } from './Laggards';
import { SummaryCards } from './SummaryCards';
import { TrendChart } from './TrendChart';
import { Uptake } from './Uptake';
import { WeekSelector } from './WeekSelector';
import { WidgetCoverage } from './WidgetCoverage';

interface Props {
  token: string;
  onSignOut: (message: string | null) => void;
  header: (actions: { refresh: () => void }) => ComponentChildren;
}

/** The signed-in page: one connection for every section, the week they show, the open organization. */
export function Dashboard({ token, onSignOut, header }: Props) {
  const [generation, setGeneration] = useState(0);
  const [unavailable, setUnavailable] = useState(false);
  const refresh = useCallback(() => {
    setUnavailable(false);
    setGeneration((g) => g + 1);
  }, []);
  const sessionExpired = useCallback(() => onSignOut(new SessionExpiredError().message), [onSignOut]);
  const gatewayUnavailable = useCallback(() => setUnavailable(true), []);
  const connection = useMemo<Connection>(() => ({ token, generation, sessionExpired, gatewayUnavailable }), [token, generation, sessionExpired, gatewayUnavailable]);

  return (
    <ConnectionContext.Provider value={connection}>
      {header({ refresh })}
      {unavailable && (
        <div class="banner" role="alert">
          <span>Шлюз недоступен: не удалось связаться с сервером. Показаны последние полученные данные.</span>
          <button type="button" onClick={refresh}>Повторить</button>
        </div>
      )}
      <Weeks />
    </ConnectionContext.Provider>
  );
}

/** The sections, once the weeks to choose from are known. */
function Weeks() {
  const trend = useQuery<TrendData>(TREND, {});
  const supplyHistory = useQuery<SupplyHistoryData>(SUPPLY_HISTORY, {});
  const weeks = useMemo(() => completeWeeks(trend.data, supplyHistory.data), [trend.data, supplyHistory.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const week = chosen !== null && weeks.includes(chosen) ? chosen : (weeks.at(-1) ?? null);
  const [openOrganization, setOpenOrganization] = useState<string | null>(null);
  const close = useCallback(() => setOpenOrganization(null), []);

  return (
    <main class="content">
      <div class="toolbar">
        {week ? <WeekSelector weeks={weeks} value={week} onChange={setChosen} /> : <span class="muted">{trend.loading || supplyHistory.loading ? 'Загрузка недель…' : 'Недели неизвестны: нет ни оценок, ни истории рассылок.'}</span>}
        {week && <ExportButtons week={week} />}
      </div>
      {week && <SummaryCards week={week} />}
      <TrendChart trend={trend} supplyHistory={supplyHistory} />
      <Heatmap onOpen={setOpenOrganization} />
      {week && <Laggards week={week} onOpen={setOpenOrganization} />}
      {week && <Uptake week={week} />}
      <WidgetCoverage />
      {openOrganization && week && <DrillDown organizationId={openOrganization} week={week} onClose={close} />}
    </main>
  );
}

/**
 * The complete weeks, oldest first: the trend's periods; without compliance, the supply history's
 * weeks but its last, which is the current week.
 */
function completeWeeks(trend: TrendData | null, supply: SupplyHistoryData | null): string[] {
  if (trend?.complianceTrend.length) return trend.complianceTrend.map((p) => p.period);
  return (supply?.contentSupplyHistory ?? []).map((s) => s.week).slice(0, -1);
}
