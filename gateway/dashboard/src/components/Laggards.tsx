import { useQuery } from '../connection';
import { formatCount } from '../format';
import { SEVERITY_LABELS } from '../labels';
import { LAGGARDS } from '../queries';
import { weekRange } from '../weeks';
import { Loading, Section } from './Section';

/** The longest runs of misses that go on in the selected week. */
export function Laggards({ week, onOpen }: { week: string; onOpen: (organizationId: string) => void }) {
  const { data, missing, error, loading } = useQuery(LAGGARDS, { week });
  const laggards = data?.laggards ?? [];
  return (
    <Section
      id="laggards"
      title="Отстающие"
      subtitle={`Самые длинные серии пропусков на неделе ${weekRange(week)}`}
      missing={missing}
      error={error}
      loading={loading}
    >
      {loading && !data && <Loading what="отстающие" />}
      {data && laggards.length === 0 && <p class="muted">На этой неделе серий пропусков нет.</p>}
      {laggards.length > 0 && (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Организация</th>
                <th scope="col">Вышестоящая</th>
                <th scope="col">Муниципалитет</th>
                <th scope="col" class="num">
                  Недель подряд
                </th>
                <th scope="col">С недели</th>
                <th scope="col" class="num">
                  Размещено / норма
                </th>
                <th scope="col">Требование</th>
              </tr>
            </thead>
            <tbody>
              {laggards.map((l) => (
                <tr
                  key={l.organization.id}
                  data-organization-id={l.organization.id}
                  class="clickable"
                  tabIndex={0}
                  onClick={() => onOpen(l.organization.id)}
                  onKeyDown={(e) => e.key === 'Enter' && onOpen(l.organization.id)}
                >
                  <th scope="row">{l.organization.name}</th>
                  <td>{l.parent?.name ?? '—'}</td>
                  <td>{l.municipality?.name ?? 'региональный уровень'}</td>
                  <td class="num">{formatCount(l.consecutiveMisses)}</td>
                  <td title={l.missedSince}>{weekRange(l.missedSince)}</td>
                  <td class="num">
                    {formatCount(l.actual)} / {formatCount(l.required)}
                  </td>
                  <td>{SEVERITY_LABELS[l.severity]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
