import { useQuery } from '../connection';
import { formatCount, formatRate } from '../format';
import { WIDGET_COVERAGE } from '../queries';
import { Card } from './Card';
import { Loading, Section } from './Section';

/** Official pages with the Gosuslugi feedback widget (decree 3.2), as they stand now. */
export function WidgetCoverage() {
  const { data, missing, error, loading } = useQuery(WIDGET_COVERAGE, {});
  const coverage = data?.widgetCoverage;
  return (
    <Section
      id="widgets"
      title="Виджет обратной связи на официальных страницах"
      subtitle="Сейчас, по страницам действующих организаций (п. 3.2)"
      missing={missing}
      error={error}
      loading={loading}
    >
      {loading && !data && <Loading what="покрытие виджетом" />}
      {coverage && (
        <div class="cards">
          <Card name="pages" label="Страниц" value={formatCount(coverage.pages)} />
          <Card
            name="withBoth"
            label="С обеими формами"
            value={formatCount(coverage.withBoth)}
            hint={coverage.pages ? formatRate(coverage.withBoth / coverage.pages) : undefined}
            tone="met"
          />
          <Card
            name="missingReportProblem"
            label="Без «Сообщить о проблеме»"
            value={formatCount(coverage.missingReportProblem)}
            tone="missed"
          />
          <Card
            name="missingShareOpinion"
            label="Без «Поделиться мнением»"
            value={formatCount(coverage.missingShareOpinion)}
            tone="missed"
          />
          <Card name="missingBoth" label="Без обеих форм" value={formatCount(coverage.missingBoth)} tone="missed" />
        </div>
      )}
    </Section>
  );
}
