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
      <LadderForm
        key={p.updatedAt}
        levels={p.levels}
        onSave={async (levels) => setProblem((await mutate(UPDATE_POLICY, { input: { levels } })).problem)}
      />
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

type Level = { level: number; minConsecutive: number; mandatoryBodyMinConsecutive: number | null; recipients: RecipientRole[] };

/** The ladder's thresholds, editable: how many misses in a row reach each level (the recipients stay as they are). */
function LadderForm({ levels, onSave }: { levels: readonly Level[]; onSave(levels: Level[]): Promise<void> }) {
  const [edited, setEdited] = useState(() => levels.map((l) => ({ ...l, recipients: [...l.recipients] })));
  const change = (index: number, field: 'minConsecutive' | 'mandatoryBodyMinConsecutive', value: string) =>
    setEdited((all) => all.map((l, i) => (i === index ? { ...l, [field]: value === '' ? null : Number(value) } : l)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(
          edited.map(({ level, minConsecutive, mandatoryBodyMinConsecutive, recipients }) => ({
            level,
            minConsecutive,
            mandatoryBodyMinConsecutive,
            recipients,
          })),
        );
      }}
    >
      <TableScroll label="Порядок эскалации">
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">Уровень</th>
              <th scope="col">Пропусков подряд</th>
              <th scope="col">Органу власти (своё нарушение)</th>
              <th scope="col">Кому</th>
            </tr>
          </thead>
          <tbody>
            {edited.map((level, i) => (
              <tr key={level.level} data-level={level.level}>
                <th scope="row">{level.level}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`Уровень ${level.level}: пропусков подряд`}
                    value={level.minConsecutive}
                    onInput={(e) => change(i, 'minConsecutive', e.currentTarget.value)}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`Уровень ${level.level}: пропусков подряд для органа власти`}
                    value={level.mandatoryBodyMinConsecutive ?? ''}
                    onInput={(e) => change(i, 'mandatoryBodyMinConsecutive', e.currentTarget.value)}
                  />
                </td>
                <td>{recipients(level.recipients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button type="submit" class="button-secondary">
        Сохранить пороги
      </button>
    </form>
  );
}
