import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatCount } from '../format';
import type { Role } from '../generated/graphql';
import { KIND_SINGULAR, PLATFORM_LABELS, ROLE_LABELS } from '../labels';
import { problemOf, useMutation } from '../mutation';
import { OrganizationEditForms, RegisterOrganizationForm } from './OrganizationForms';
import { OrganizationPicker } from './OrganizationPicker';
import { ADMIN_ORGANIZATIONS, ADMIN_PEOPLE, DEACTIVATE_USER, INVITE_USER } from './queries';
import { Problem } from '../components/Problem';

/** The registry: organizations with their heads and pages, found by words. */
export function Organizations() {
  const [search, setSearch] = useState('');
  const found = useQuery(ADMIN_ORGANIZATIONS, { search: search.trim() || null });
  const organizations = (found.data?.organizations.edges ?? []).map((e) => e.node);
  return (
    <section class="section" id="registry">
      <h2>Реестр организаций</h2>
      <RegisterOrganizationForm />
      <label class="filters">
        Поиск по названию или ИНН
        <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      {found.data && <p class="muted">Найдено: {formatCount(found.data.organizations.totalCount)}</p>}
      <ul class="plain-list">
        {organizations.map((o) => (
          <li key={o.id}>
            <p>
              <strong>{o.name}</strong> <span class="muted">· {KIND_SINGULAR[o.kind]}</span>
              {!o.active && <span class="tag tag-warn">не действует</span>}
              {o.parent && <span class="muted"> · подчинена: {o.parent.name}</span>}
            </p>
            <p class="muted">
              Руководитель: {o.head.fullName}, {o.head.position}
              {o.head.email ? `, ${o.head.email}` : ''}
            </p>
            <p class="muted">
              Страницы:{' '}
              {o.pages.length === 0
                ? 'нет'
                : o.pages.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <a href={p.url}>{PLATFORM_LABELS[p.platform]}</a>
                    </span>
                  ))}
            </p>
            {o.active && <OrganizationEditForms organization={o} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

const ROLES: Role[] = ['OPERATOR', 'HEAD', 'EDITOR', 'ANALYST', 'ADMIN'];
const SCOPED: Role[] = ['OPERATOR', 'HEAD'];

/** People: who may sign in, with which role; inviting one and deactivating one. */
export function People() {
  const [search, setSearch] = useState('');
  const people = useQuery(ADMIN_PEOPLE, { search: search.trim() || null });
  const mutate = useMutation((error) => problemOf(error, { email: 'Электронная почта', fullName: 'ФИО', organizationId: 'Организация' }));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section class="section" id="people">
      <h2>Люди</h2>
      <InviteForm onInvite={async (input) => (await mutate(INVITE_USER, { input })).problem} />
      <label class="filters">
        Поиск по ФИО или адресу
        <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      <Problem text={problem} />
      <ul class="plain-list">
        {(people.data?.users.edges ?? []).map(({ node: p }) => (
          <li key={p.id}>
            <p>
              <strong>{p.fullName}</strong> · {p.email} · {ROLE_LABELS[p.role] ?? p.role}
              {p.organization ? ` · ${p.organization.name}` : ''}
              {!p.active && <span class="tag tag-warn">отключён</span>}
            </p>
            {p.active && (
              <button
                type="button"
                class="button-secondary"
                onClick={async () => setProblem((await mutate(DEACTIVATE_USER, { id: p.id })).problem)}
              >
                Отключить
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Invitation {
  email: string;
  fullName: string;
  role: Role;
  organizationId: string | null;
}

function InviteForm({ onInvite }: { onInvite(input: Invitation): Promise<string | null> }) {
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [organizationId, setOrganizationId] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = await onInvite({
      email: email.trim(),
      fullName: fullName.trim(),
      role,
      organizationId: SCOPED.includes(role) ? organizationId || null : null,
    });
    setProblem(found);
    setOutcome(found ? null : `${fullName.trim()} может входить по ссылке на ${email.trim()}.`);
  };
  return (
    <details class="admin-details">
      <summary>Пригласить человека</summary>
      <form class="admin-form" onSubmit={submit} noValidate>
        <label for="invite-email">Электронная почта</label>
        <input id="invite-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="invite-name">ФИО</label>
        <input id="invite-name" value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} />
        <label for="invite-role">Роль</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {SCOPED.includes(role) && <OrganizationPicker id="invite-organization" value={organizationId} onChange={setOrganizationId} />}
        <Problem text={problem} />
        {outcome && (
          <p class="note" role="status">
            {outcome}
          </p>
        )}
        <button type="submit">Пригласить</button>
      </form>
    </details>
  );
}
