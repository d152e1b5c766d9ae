import { useState } from 'preact/hooks';
import { useGraphQL, useQuery } from '../connection';
import { formatCount, formatDateTime } from '../format';
import type { AdminPreviewRuleChangeQuery, AdminRulesQuery } from '../generated/graphql';
import { problemOf, useMutation } from '../mutation';
import { ApiError } from '../api';
import { ADMIN_RULES, PREVIEW_RULE_CHANGE, UPDATE_RULE } from './queries';
import { Problem } from '../components/Problem';

type Rule = AdminRulesQuery['complianceRules'][number];
type Preview = AdminPreviewRuleChangeQuery['previewRuleChange'];

/** The decree's rules as data: each threshold with its versions, and a change previewed on the last period before it is saved. */
export function Rules() {
  const rules = useQuery(ADMIN_RULES, {});
  return (
    <section class="section" id="rules">
      <h2>Правила и их версии</h2>
      <p class="muted">Изменение действует с текущего периода; прошлые периоды судятся по версии, действовавшей тогда.</p>
      {(rules.data?.complianceRules ?? []).map((rule) => (
        <RuleItem key={rule.code} rule={rule} />
      ))}
    </section>
  );
}

function RuleItem({ rule }: { rule: Rule }) {
  const send = useGraphQL();
  const mutate = useMutation(problemOf);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const proposed = Number(threshold);

  const showPreview = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    try {
      const result = await send(PREVIEW_RULE_CHANGE, { code: rule.code, input: { threshold: proposed } });
      setPreview(result?.data?.previewRuleChange ?? null);
      setProblem(null);
    } catch (err) {
      setPreview(null);
      setProblem(err instanceof ApiError && err.errors[0] ? problemOf(err.errors[0], { threshold: 'Порог' }) : (err as Error).message);
    }
  };
  const apply = async () => {
    const result = await mutate(UPDATE_RULE, { code: rule.code, input: { threshold: proposed } });
    setProblem(result.problem);
    setSaved(!result.problem);
    if (!result.problem) setPreview(null);
  };

  return (
    <article class="rule" data-rule={rule.code} aria-labelledby={`rule-${rule.code}`}>
      <h3 id={`rule-${rule.code}`}>
        {rule.title} <span class="muted">(п. {rule.decreeItem})</span>
      </h3>
      <p class="muted">
        Порог {rule.threshold}, {rule.enabled ? 'действует' : 'выключено'} с {rule.effectiveFrom}; версий: {rule.versions.length}
        {rule.versions.length > 1 &&
          `, последняя изменена ${rule.versions.at(-1)!.changedBy} ${formatDateTime(rule.versions.at(-1)!.changedAt)}`}
      </p>
      <form class="admin-form-row" onSubmit={showPreview}>
        <label>
          Новый порог
          <input type="number" min={0} inputMode="numeric" value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button-secondary">
          Показать последствия
        </button>
      </form>
      <Problem text={problem} />
      {saved && (
        <p class="note" role="status">
          Новая версия правила сохранена.
        </p>
      )}
      {preview && (
        <div class="note" role="status" data-preview>
          <p>
            За {preview.period}: сейчас выполнили {formatCount(preview.met)}, не выполнили {formatCount(preview.missed)}. С порогом{' '}
            {proposed} выполнили бы {formatCount(preview.wouldMeet)}, не выполнили бы {formatCount(preview.wouldMiss)}; итог изменится у{' '}
            {formatCount(preview.changed)} организаций.
          </p>
          <button type="button" onClick={apply}>
            Сохранить порог {proposed}
          </button>
        </div>
      )}
    </article>
  );
}
