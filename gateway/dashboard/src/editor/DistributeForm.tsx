import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatCount } from '../format';
import type { OrganizationKind } from '../generated/graphql';
import { KIND_LABELS } from '../labels';
import { useMutation } from '../mutation';
import { AUDIENCE_SIZE, DISTRIBUTE_MATERIAL } from './queries';
import { Problem } from '../components/Problem';

/** The kinds a material goes to: the bodies, the municipalities and the organizations below them. */
const RECIPIENT_KINDS: OrganizationKind[] = ['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE'];

/**
 * Sending an approved material: to every organization with official pages, or to the kinds
 * chosen, with the count of recipients it reaches now (audienceSize) on the button itself.
 */
export function DistributeForm({ materialId }: { materialId: string }) {
  const mutate = useMutation();
  const [kinds, setKinds] = useState<OrganizationKind[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const audience = { kinds };
  const size = useQuery(AUDIENCE_SIZE, { audience });
  const count = size.data?.audienceSize ?? null;

  const toggle = (kind: OrganizationKind, on: boolean) => setKinds((k) => (on ? [...k, kind] : k.filter((x) => x !== kind)));
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await mutate(DISTRIBUTE_MATERIAL, { id: materialId, audience });
    setProblem(result.problem);
    setBusy(false);
  };

  return (
    <form class="distribute-form" onSubmit={submit}>
      <fieldset>
        <legend>Кому разослать</legend>
        {RECIPIENT_KINDS.map((kind) => (
          <label key={kind} class="checkbox">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
            {KIND_LABELS[kind]}
          </label>
        ))}
        <p class="muted">{kinds.length === 0 ? 'Ничего не отмечено: всем организациям, у которых есть официальные страницы.' : ''}</p>
      </fieldset>
      <p role="status" data-recipients={count ?? ''}>
        {count === null ? 'Считаем получателей…' : `Получателей: ${formatCount(count)}`}
      </p>
      <Problem text={problem} />
      <button type="submit" disabled={busy || !count}>
        {busy ? 'Рассылаем…' : count ? `Разослать ${formatCount(count)} получателям` : 'Разослать'}
      </button>
    </form>
  );
}
