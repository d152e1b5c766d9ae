import { useState } from 'preact/hooks';
import { useMutation } from '../mutation';
import { formatDateTime } from '../format';
import { PLATFORM_LABELS, SOURCE_LABELS, VERIFICATION_LABELS } from '../labels';
import type { OperatorOrganization } from './OperatorWorkspace';
import { CorrectionForm } from './PlacementForm';
import { WITHDRAW_PLACEMENT } from './queries';
import { Problem } from '../components/Problem';

type Placement = OperatorOrganization['placements'][number];

/** One placement of the week: where and when, what monitoring found, and putting it right or withdrawing it. */
export function PlacementItem({ placement }: { placement: Placement }) {
  const [open, setOpen] = useState<'correct' | 'withdraw' | null>(null);
  const toggle = (form: 'correct' | 'withdraw') => setOpen((o) => (o === form ? null : form));
  const verification = placement.verification;
  return (
    <li class="placement" data-placement-id={placement.id}>
      <p>
        <strong>{placement.material.title}</strong>
      </p>
      <p class="muted">
        <a href={placement.url}>{PLATFORM_LABELS[placement.page.platform]}</a> · {formatDateTime(placement.publishedAt)} ·{' '}
        {SOURCE_LABELS[placement.source]}
        {placement.viaGospabliki ? ' · через «Госпаблики»' : ''}
        {verification && (
          <>
            {' · '}
            <span class={`tag ${verification === 'VERIFIED' ? 'tag-ok' : verification === 'PENDING' ? '' : 'tag-warn'}`}>
              {VERIFICATION_LABELS[verification]}
            </span>
          </>
        )}
      </p>
      <div class="material-actions">
        <button type="button" class="button-secondary" aria-expanded={open === 'correct'} onClick={() => toggle('correct')}>
          Исправить
        </button>
        <button type="button" class="button-secondary" aria-expanded={open === 'withdraw'} onClick={() => toggle('withdraw')}>
          Отозвать
        </button>
      </div>
      {open === 'correct' && <CorrectionForm placement={placement} onDone={() => setOpen(null)} />}
      {open === 'withdraw' && <WithdrawForm placementId={placement.id} />}
    </li>
  );
}

/** Withdrawing a placement reported by mistake: it stops counting, and the reason stays with it. */
function WithdrawForm({ placementId }: { placementId: string }) {
  const mutate = useMutation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `withdraw-${placementId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('Напишите, почему размещение отзывается.');
    setBusy(true);
    const { problem: found } = await mutate(WITHDRAW_PLACEMENT, { id: placementId, reason: reason.trim() });
    setProblem(found);
    setBusy(false);
  };
  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <label for={id}>Причина отзыва</label>
      <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="Отмечено по ошибке" />
      <Problem text={problem} />
      <button type="submit" disabled={busy}>
        {busy ? 'Отзываем…' : 'Отозвать размещение'}
      </button>
    </form>
  );
}
