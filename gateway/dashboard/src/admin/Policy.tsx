import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatDateTime } from '../format';
import type { RecipientRole } from '../generated/graphql';
import { useMutation } from '../mutation';
import { ADMIN_POLICY, UPDATE_POLICY } from './queries';
import { TableScroll } from '../components/TableScroll';
import { Problem } from '../components/Problem';

const RECIPIENT_LABELS: Record<RecipientRole, string> = {
  HEAD: 'руководитель организации',
  PARENT_CONTACT: 'пресс-служба вышестоящего органа',
  PARENT_HEAD: 'руководитель вышестоящего органа',
  RESPONSIBLE_HEAD: 'отвечающий руководитель',
  CUR: 'ЦУР',
  COMMITTEE: 'комитет',
  CONTENT_CENTER: 'контент-центр',
};
const recipients = (roles: readonly RecipientRole[]) => roles.map((r) => RECIPIENT_LABELS[r]).join(', ');

/** The escalation ladder as data: who is told at how many misses in a row, and whether a head told through its parent is told twice. */
export function Policy() {
  const policy = useQuery(ADMIN_POLICY, {});
  const mutate = useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const p = policy.data?.escalationPolicy;
  if (!p) return null;
  return (
    <section class="section" id="policy">
      <h2>Порядок эскалации</h2>
      <TableScroll label="Порядок эскалации">
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">Уровень</th>
              <th scope="col">Пропусков подряд</th>
              <th scope="col">Кому</th>
            </tr>
          </thead>
          <tbody>
            {p.levels.map((level) => (
              <tr key={level.level}>
                <th scope="row">{level.level}</th>
                <td>
                  {level.minConsecutive}
                  {level.mandatoryBodyMinConsecutive != null ? ` (органу власти — ${level.mandatoryBodyMinConsecutive})` : ''}
                </td>
                <td>{recipients(level.recipients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p class="muted">
        Недопоставка контента: {recipients(p.contentCenterRecipients)}. Рекомендательные пропуски: {recipients(p.recommendedRecipients)}.
      </p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={p.suppressWhenParentTold}
          onChange={async (e) =>
            setProblem((await mutate(UPDATE_POLICY, { input: { suppressWhenParentTold: e.currentTarget.checked } })).problem)
          }
        />
        Не писать руководителю организации, если в том же прогоне пишут руководителю вышестоящего органа
      </label>
      <Problem text={problem} />
      <p class="muted">
        Изменено: {p.updatedBy}, {formatDateTime(p.updatedAt)}
      </p>
    </section>
  );
}
