import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatCount, formatDateTime } from '../format';
import type { NotificationStatus } from '../generated/graphql';
import { useMutation } from '../mutation';
import { ADMIN_AUDIT, ADMIN_OUTBOX, RESEND } from './queries';
import { TableScroll } from '../components/TableScroll';
import { Problem } from '../components/Problem';

const STATUS_LABELS: Record<NotificationStatus, string> = { PENDING: 'в очереди', SENT: 'отправлено', FAILED: 'не доставлено' };

/** The outbox: letters by status, a failed or sent one put back in the queue. */
export function Outbox() {
  const [status, setStatus] = useState<NotificationStatus | ''>('FAILED');
  const letters = useQuery(ADMIN_OUTBOX, { status: status || null });
  const mutate = useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section class="section" id="outbox">
      <h2>Исходящие письма</h2>
      <label class="filters">
        Статус
        <select value={status} onChange={(e) => setStatus(e.currentTarget.value as NotificationStatus | '')}>
          <option value="">все</option>
          {(Object.keys(STATUS_LABELS) as NotificationStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {letters.data && <p class="muted">Писем: {formatCount(letters.data.notifications.totalCount)}</p>}
      <Problem text={problem} />
      <ul class="plain-list">
        {(letters.data?.notifications.edges ?? []).map(({ node: n }) => (
          <li key={n.id}>
            <p>
              <strong>{n.subject}</strong>
            </p>
            <p class="muted">
              {n.to} · {STATUS_LABELS[n.status]} · попыток {n.attempts} · {formatDateTime(n.sentAt ?? n.createdAt)}
              {n.lastError ? ` · ${n.lastError}` : ''}
            </p>
            {n.status !== 'PENDING' && (
              <button type="button" class="button-secondary" onClick={async () => setProblem((await mutate(RESEND, { id: n.id })).problem)}>
                Отправить снова
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The audit log: who changed what, newest first, by operation. */
export function AuditLog() {
  const [operation, setOperation] = useState('');
  const entries = useQuery(ADMIN_AUDIT, { operation: operation.trim() || null });
  return (
    <section class="section" id="audit">
      <h2>Журнал действий</h2>
      <label class="filters">
        Операция (например, grantExemptions)
        <input type="search" value={operation} onInput={(e) => setOperation(e.currentTarget.value)} />
      </label>
      <TableScroll label="Журнал действий">
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Кто</th>
              <th scope="col">Операция</th>
              <th scope="col">Итог</th>
            </tr>
          </thead>
          <tbody>
            {(entries.data?.auditLog.edges ?? []).map(({ node: e }) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.actor} ({e.role})
                </td>
                <td>
                  {e.operation} <span class="muted">· {e.subgraph}</span>
                </td>
                <td class={e.succeeded ? 'text-met' : 'text-missed'}>{e.succeeded ? 'выполнено' : `отказ: ${e.errorCode ?? '—'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
