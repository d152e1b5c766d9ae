import { useQuery } from '../connection';
import { formatCount, formatRate } from '../format';
import { SUMMARY, SUPPLY } from '../queries';
import type { DashboardSummaryQuery, Severity } from '../generated/graphql';
import { weekRange } from '../weeks';
import { Card } from './Card';
import { Loading, Section } from './Section';

const rateOf = (summary: DashboardSummaryQuery['complianceSummary'] | undefined, severity: Severity) =>
  summary?.bySeverity.find((s) => s.severity === severity)?.rate ?? null;

/** The selected week at a glance: the weekly norm's results and the content center's supply. */
export function SummaryCards({ week }: { week: string }) {
  const results = useQuery(SUMMARY, { week });
  const supplied = useQuery(SUPPLY, { week });
  const summary = results.data?.complianceSummary;
  const supply = supplied.data?.contentSupply;
  const loading = results.loading || supplied.loading;
  return (
    <Section
      id="summary"
      title={`Итоги недели: ${weekRange(week)}`}
      subtitle={`${week} · норма: не менее 3 материалов в неделю (п. 3.1; муниципалитетам рекомендовано, п. 4)`}
      missing={[...results.missing, ...supplied.missing]}
      error={results.error ?? supplied.error}
      loading={loading}
    >
      {loading && !summary && !supply && <Loading what="итоги недели" />}
      {(summary || supply) && (
        <div class="cards">
          <Card name="evaluated" label="Оценено организаций" value={formatCount(summary?.evaluated)} />
          <Card name="met" label="Выполнили норму" value={formatCount(summary?.met)} tone="met" />
          <Card name="missed" label="Не выполнили" value={formatCount(summary?.missed)} tone="missed" />
          <Card name="exempt" label="Освобождены" value={formatCount(summary?.exempt)} tone="exempt" />
          {/* Mandatory (3.1) and recommended (4) results are never one rate. */}
          <Card
            name="rate-mandatory"
            label="Доля выполнивших: обязательно (п. 3.1)"
            value={formatRate(rateOf(summary, 'MANDATORY'))}
            hint="органы и их подведомственные"
          />
          <Card
            name="rate-recommended"
            label="Доля выполнивших: рекомендовано (п. 4)"
            value={formatRate(rateOf(summary, 'RECOMMENDED'))}
            hint="муниципальные образования и их организации"
          />
          <Card
            name="supply"
            label="Контент-центр: материалов разослано"
            value={supply ? `${formatCount(supply.distributed)} из ${formatCount(supply.required)}` : '—'}
            tone={supply?.met == null ? undefined : supply.met ? 'met' : 'missed'}
            hint={supply?.met == null ? 'норма не оценена' : supply.met ? 'норма выполнена (п. 2.2)' : 'норма не выполнена (п. 2.2)'}
          />
        </div>
      )}
    </Section>
  );
}
