import { useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../format';
import type { EditorMaterialsQuery } from '../generated/graphql';
import { TOPIC_LABELS } from '../labels';
import { useMutation } from '../mutation';
import { DistributeForm } from './DistributeForm';
import { MaterialForm } from './MaterialForm';
import { APPROVE_MATERIAL, WITHDRAW_MATERIAL } from './queries';
import { Problem } from '../components/Problem';

export type EditorMaterial = EditorMaterialsQuery['materials']['edges'][number]['node'];

export const STATUS_LABELS = { DRAFT: 'черновик', APPROVED: 'согласован', DISTRIBUTED: 'разослан', WITHDRAWN: 'отозван' } as const;

/** One material with what its status allows: edit and approve a draft (by another editor), send an approved one, withdraw a sent one. */
export function MaterialCard({ material, subject }: { material: EditorMaterial; subject: string | null }) {
  const [open, setOpen] = useState<'edit' | 'distribute' | 'withdraw' | null>(null);
  const mutate = useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const mine = subject !== null && material.author === subject;
  const toggle = (form: 'edit' | 'distribute' | 'withdraw') => setOpen((o) => (o === form ? null : form));
  const approve = async () => setProblem((await mutate(APPROVE_MATERIAL, { id: material.id })).problem);

  return (
    <article class="material" data-material-id={material.id} data-status={material.status} aria-labelledby={`m-${material.id}`}>
      <h3 id={`m-${material.id}`}>
        {material.title}{' '}
        <span class={`tag ${material.status === 'WITHDRAWN' ? 'tag-warn' : 'tag-ok'}`}>{STATUS_LABELS[material.status]}</span>
      </h3>
      <p class="muted">
        {TOPIC_LABELS[material.topic]} · автор {material.author} · создан {formatDateTime(material.createdAt)}
        {material.approvedBy ? ` · согласовал ${material.approvedBy}` : ''}
        {material.distributedAt
          ? ` · разослан ${formatDateTime(material.distributedAt)}, получателей ${formatCount(material.recipientCount)}`
          : ''}
        {material.placementCount != null && material.distributedAt ? `, размещений ${formatCount(material.placementCount)}` : ''}
        {material.withdrawalReason ? ` · отозван: ${material.withdrawalReason}` : ''}
      </p>
      {material.summary && <p>{material.summary}</p>}
      <details>
        <summary>Текст</summary>
        <div class="material-preview-text">{material.body}</div>
      </details>
      <div class="material-actions">
        {material.status === 'DRAFT' && (
          <>
            <button type="button" class="button-secondary" aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
              Редактировать
            </button>
            {mine ? (
              <span class="muted">Согласует другой редактор.</span>
            ) : (
              <button type="button" onClick={approve}>
                Согласовать
              </button>
            )}
          </>
        )}
        {material.status === 'APPROVED' && (
          <button type="button" aria-expanded={open === 'distribute'} onClick={() => toggle('distribute')}>
            Разослать…
          </button>
        )}
        {(material.status === 'APPROVED' || material.status === 'DISTRIBUTED') && (
          <button type="button" class="button-secondary" aria-expanded={open === 'withdraw'} onClick={() => toggle('withdraw')}>
            Отозвать…
          </button>
        )}
      </div>
      <Problem text={problem} />
      {open === 'edit' && <MaterialForm initial={material} onDone={() => setOpen(null)} />}
      {open === 'distribute' && <DistributeForm materialId={material.id} />}
      {open === 'withdraw' && <WithdrawMaterialForm materialId={material.id} />}
    </article>
  );
}

function WithdrawMaterialForm({ materialId }: { materialId: string }) {
  const mutate = useMutation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('Напишите, почему материал отзывается: это увидят организации.');
    setProblem((await mutate(WITHDRAW_MATERIAL, { id: materialId, reason: reason.trim() })).problem);
  };
  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <label for={`withdraw-${materialId}`}>Причина отзыва</label>
      <input id={`withdraw-${materialId}`} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <Problem text={problem} />
      <button type="submit">Отозвать материал</button>
    </form>
  );
}
