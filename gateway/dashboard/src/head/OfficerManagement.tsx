import { useState } from 'preact/hooks';
import { DEACTIVATE_USER, INVITE_USER } from '../admin/queries';
import { Problem } from '../components/Problem';
import type { HeadOfficersQuery } from '../generated/graphql';
import { problemOf, useMutation } from '../mutation';

type Officer = HeadOfficersQuery['users']['edges'][number]['node'];

const FIELD_LABELS = { email: 'Электронная почта', fullName: 'ФИО', organizationId: 'Организация' };

/**
 * A head registers the communications officers of its tree and takes access away from one who
 * left: inviteUser and deactivateUser, which the hub allows a HEAD for OPERATORs of its tree.
 */
export function OfficerManagement({ organizations, officers }: { organizations: { id: string; name: string }[]; officers: Officer[] }) {
  const mutate = useMutation((error) => problemOf(error, FIELD_LABELS));
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? '');
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const names = new Map(organizations.map((o) => [o.id, o.name]));

  const invite = async (event: Event) => {
    event.preventDefault();
    const input = { email: email.trim(), fullName: fullName.trim(), role: 'OPERATOR' as const, organizationId };
    const result = await mutate(INVITE_USER, { input });
    setProblem(result.problem);
    setDone(result.problem ? null : `${input.fullName} может входить по ссылке на ${input.email}.`);
  };
  const deactivate = async (officer: Officer) => {
    const result = await mutate(DEACTIVATE_USER, { id: officer.id });
    setProblem(result.problem);
    setDone(result.problem ? null : `${officer.fullName} больше не может входить в хаб.`);
  };

  return (
    <section class="section" id="officers">
      <h2>Ответственные за размещение</h2>
      <ul class="plain-list">
        {officers.map((o) => (
          <li key={o.id}>
            <p>
              {o.fullName}, {o.email}
              {o.organization ? ` · ${names.get(o.organization.id) ?? ''}` : ''}
            </p>
            <button type="button" class="button-secondary" onClick={() => deactivate(o)}>
              Отключить доступ
            </button>
          </li>
        ))}
      </ul>
      <details class="admin-details">
        <summary>Пригласить ответственного</summary>
        <form class="admin-form" onSubmit={invite} noValidate>
          <label for="officer-organization">Организация</label>
          <select id="officer-organization" value={organizationId} onChange={(e) => setOrganizationId(e.currentTarget.value)}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <label for="officer-name">ФИО</label>
          <input id="officer-name" value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} />
          <label for="officer-email">Электронная почта</label>
          <input id="officer-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          <button type="submit">Пригласить</button>
        </form>
      </details>
      <Problem text={problem} />
      {done && (
        <p class="note" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
