import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatDate } from '../format';
import type { PeriodKind, RuleCode } from '../generated/graphql';
import { RULE_LABELS } from '../labels';
import { problemOf, useMutation } from '../mutation';
import { weekRange } from '../weeks';
import { Problem } from '../components/Problem';
import { OrganizationPicker } from './OrganizationPicker';
import { ADMIN_EXEMPTIONS, ADMIN_RULES, GRANT_EXEMPTIONS, REVOKE_EXEMPTION } from './queries';
import { TableScroll } from '../components/TableScroll';

/** The browser's own field for a period of the rule's kind: its value is the hub's label (2026-W47, 2026-11, 2026-11-28). */
const PERIOD_INPUT: Record<PeriodKind, string> = { WEEK: 'week', MONTH: 'month', DAY: 'date' };
const FIELD_LABELS = { from: 'С периода', until: 'По период', reason: 'Причина', organizationId: 'Организация', expiresAt: 'Действует до' };
const periodText = (period: string) => (/W/u.test(period) ? `${period} (${weekRange(period)})` : period);

/** Exemptions: a range of periods of one rule for one organization at once, with a reason and an expiry; the active ones to revoke. */
export function Exemptions() {
  const rules = useQuery(ADMIN_RULES, {});
  const list = useQuery(ADMIN_EXEMPTIONS, {});
  const mutate = useMutation((error) => problemOf(error, FIELD_LABELS));
  const [organizationId, setOrganizationId] = useState('');
  const [rule, setRule] = useState<RuleCode>('WEEKLY_PLACEMENTS');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [outcome, setOutcome] = useState<{ problem: string | null; granted: string[] } | null>(null);
  const kind = rules.data?.complianceRules.find((r) => r.code === rule)?.periodKind ?? 'WEEK';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!organizationId) return setOutcome({ problem: 'Выберите организацию.', granted: [] });
    if (!from || !reason.trim()) return setOutcome({ problem: 'Укажите период и причину.', granted: [] });
    const input = {
      organizationId,
      rule,
      from,
      until: until || from,
      reason: reason.trim(),
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
    };
    const result = await mutate(GRANT_EXEMPTIONS, { input });
    setOutcome({ problem: result.problem, granted: result.data?.grantExemptions.map((e) => e.period) ?? [] });
  };

  return (
    <section class="section" id="exemptions">
      <h2>Освобождения</h2>
      <form class="admin-form" onSubmit={submit} noValidate>
        <OrganizationPicker id="exemption-organization" value={organizationId} onChange={setOrganizationId} />
        <label for="exemption-rule">Правило</label>
        <select
          id="exemption-rule"
          value={rule}
          onChange={(e) => {
            setRule(e.currentTarget.value as RuleCode);
            setFrom('');
            setUntil('');
          }}
        >
          {(rules.data?.complianceRules ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {RULE_LABELS[r.code]} (п. {r.decreeItem})
            </option>
          ))}
        </select>
        <div class="admin-form-row">
          <label>
            С периода
            <input type={PERIOD_INPUT[kind]} value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            По период (включительно)
            <input type={PERIOD_INPUT[kind]} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          </label>
        </div>
        <label for="exemption-reason">Причина</label>
        <input id="exemption-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <label for="exemption-expires">Действует до (необязательно)</label>
        <input id="exemption-expires" type="date" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
        <Problem text={outcome?.problem} />
        {outcome && !outcome.problem && outcome.granted.length > 0 && (
          <p class="note" role="status">
            Освобождение предоставлено: {outcome.granted.map(periodText).join(', ')}.
          </p>
        )}
        <button type="submit">Освободить</button>
      </form>
      <h3>Действующие освобождения</h3>
      <ExemptionList exemptions={list.data?.exemptions ?? []} onRevoke={(id) => mutate(REVOKE_EXEMPTION, { id })} />
    </section>
  );
}

type Exemption = {
  id: string;
  rule: RuleCode;
  period: string;
  reason: string;
  expiresAt: string | null;
  organization: { id: string; name: string };
};

function ExemptionList({ exemptions, onRevoke }: { exemptions: Exemption[]; onRevoke(id: string): void }) {
  if (exemptions.length === 0) return <p class="muted">Действующих освобождений нет.</p>;
  return (
    <TableScroll label="Действующие освобождения">
      <table class="table table-compact" id="exemption-list">
        <thead>
          <tr>
            <th scope="col">Организация</th>
            <th scope="col">Правило</th>
            <th scope="col">Период</th>
            <th scope="col">Причина</th>
            <th scope="col">Действует до</th>
            <th scope="col">
              <span class="visually-hidden">Действия</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {exemptions.map((e) => (
            <tr key={e.id} data-organization-id={e.organization.id} data-period={e.period}>
              <th scope="row">{e.organization.name}</th>
              <td>{RULE_LABELS[e.rule]}</td>
              <td>{periodText(e.period)}</td>
              <td>{e.reason}</td>
              <td>{e.expiresAt ? formatDate(e.expiresAt) : '—'}</td>
              <td>
                <button type="button" class="button-secondary" onClick={() => onRevoke(e.id)}>
                  Отозвать
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
