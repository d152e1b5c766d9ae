import { useMemo } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { COLORS } from '../colors';
import { useQuery } from '../connection';
import { formatCount, formatRate } from '../format';
import { TOPIC_LABELS } from '../labels';
import { UPTAKE } from '../queries';
import { weekRange } from '../weeks';
import { Chart } from './Chart';
import { Loading, Section } from './Section';

const rateAxis = { min: 0, max: 1, ticks: { callback: (v: string | number) => formatRate(Number(v)) } };
const shorten = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How far the week's materials were placed by the organizations they were sent to. */
export function Uptake({ week }: { week: string }) {
  const { data, missing, error, loading } = useQuery(UPTAKE, { week });
  const materials = useMemo(() => data?.contentUptake ?? [], [data]);
  const topics = useMemo(() => data?.topicUptake ?? [], [data]);

  const materialsChart = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: materials.map((m) => shorten(m.material.title)),
        datasets: [{ label: 'Доля разместивших', data: materials.map((m) => m.uptakeRate), backgroundColor: COLORS.accent }],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        scales: { x: rateAxis },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => materials[items[0]?.dataIndex ?? 0]?.material.title ?? '',
              label: (ctx) => {
                const m = materials[ctx.dataIndex];
                return m ? `${formatRate(m.uptakeRate)}: ${formatCount(m.placedBy)} из ${formatCount(m.recipients)}` : '';
              },
            },
          },
        },
      },
    }),
    [materials],
  );

  const topicsChart = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: topics.map((t) => TOPIC_LABELS[t.topic]),
        datasets: [{ label: 'Доля размещений', data: topics.map((t) => t.uptakeRate), backgroundColor: COLORS.met }],
      },
      options: {
        maintainAspectRatio: false,
        scales: { y: rateAxis },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => formatRate(ctx.parsed.y) } } },
      },
    }),
    [topics],
  );

  return (
    <Section
      id="uptake"
      title={`Охват материалов за неделю ${weekRange(week)}`}
      subtitle="Сколько получателей разместили каждый материал, сначала наименее размещённые"
      missing={missing}
      error={error}
      loading={loading}
    >
      {loading && !data && <Loading what="охват материалов" />}
      {data && materials.length === 0 && topics.length === 0 && <p class="muted">На этой неделе материалы не рассылались.</p>}
      {(materials.length > 0 || topics.length > 0) && (
        <div class="grid-2">
          <figure>
            <figcaption>По материалам</figcaption>
            <Chart
              config={materialsChart}
              label="Доля получателей, разместивших материал"
              height={Math.max(200, materials.length * 26 + 60)}
            />
          </figure>
          <figure>
            <figcaption>По темам</figcaption>
            <Chart config={topicsChart} label="Доля размещений по темам" />
          </figure>
        </div>
      )}
      {materials.length > 0 && (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Материал</th>
                <th scope="col">Тема</th>
                <th scope="col" class="num">
                  Получателей
                </th>
                <th scope="col" class="num">
                  Разместили
                </th>
                <th scope="col" class="num">
                  Доля
                </th>
              </tr>
            </thead>
            <tbody>
              {materials.map((m) => (
                <tr key={m.material.id}>
                  <td>{m.material.title}</td>
                  <td>{TOPIC_LABELS[m.material.topic]}</td>
                  <td class="num">{formatCount(m.recipients)}</td>
                  <td class="num">{formatCount(m.placedBy)}</td>
                  <td class="num">{formatRate(m.uptakeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
