import { formatDate } from '../format';
import { RULE_LABELS, STATUS_LABELS } from '../labels';
import { weekRange } from '../weeks';
import type { OperatorOrganization } from './OperatorWorkspace';
import { TableScroll } from '../components/TableScroll';

interface Props {
  compliance: OperatorOrganization['compliance'];
  escalations: OperatorOrganization['escalations'];
}

/** The weeks the hub evaluated, newest first, and the escalations they led to (null: the service did not answer). */
export function PastWeeks({ compliance, escalations }: Props) {
  return (
    <section class="section" id="history">
      <h2>Прошлые недели</h2>
      {compliance === null ? (
        <p class="muted">История оценок сейчас недоступна.</p>
      ) : compliance.length === 0 ? (
        <p class="muted">Оценённых недель пока нет.</p>
      ) : (
        <TableScroll label="Прошлые недели">
          <table class="table table-compact">
            <thead>
              <tr>
                <th scope="col">Неделя</th>
                <th scope="col" class="num">
                  Размещено
                </th>
                <th scope="col">Итог</th>
              </tr>
            </thead>
            <tbody>
              {compliance.map((result) => (
                <tr key={result.period}>
                  <th scope="row">{weekRange(result.period)}</th>
                  <td class="num">
                    {result.actual} из {result.required}
                  </td>
                  <td class={result.status === 'MISSED' ? 'text-missed' : result.status === 'MET' ? 'text-met' : ''}>
                    {STATUS_LABELS[result.status]}
                    {result.exemption ? `: ${result.exemption.reason}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>Письма о невыполнении</h3>
      {escalations === null ? (
        <p class="muted">Эскалации сейчас недоступны.</p>
      ) : escalations.length === 0 ? (
        <p class="muted">Эскалаций не было.</p>
      ) : (
        <ul class="plain-list">
          {escalations.map((e) => (
            <li key={e.id}>
              {RULE_LABELS[e.rule]}, {/W/u.test(e.period) ? weekRange(e.period) : e.period}: уровень {e.level}, письмо{' '}
              {formatDate(e.createdAt)}
              {e.resolvedAt ? ` · снято ${formatDate(e.resolvedAt)}` : ' · открыта'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
