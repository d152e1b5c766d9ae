import { useState } from 'preact/hooks';
import type { OrganizationKind, Platform } from '../generated/graphql';
import { KIND_SINGULAR, PLATFORM_LABELS } from '../labels';
import { problemOf, useMutation } from '../mutation';
import { Problem } from '../components/Problem';
import { OrganizationPicker } from './OrganizationPicker';
import { ADD_PAGE, REGISTER_ORGANIZATION, UPDATE_HEAD } from './queries';

const FIELD_LABELS = {
  name: 'Название',
  kind: 'Вид',
  parentId: 'Вышестоящая организация',
  inn: 'ИНН',
  fullName: 'ФИО руководителя',
  position: 'Должность',
  email: 'Электронная почта',
  url: 'Адрес страницы',
  platform: 'Площадка',
};
const KINDS: OrganizationKind[] = ['EXECUTIVE_BODY', 'MUNICIPALITY', 'SUBORDINATE'];
const PLATFORMS = Object.keys(PLATFORM_LABELS) as Platform[];

/** A form's outcome: the hub's refusal, or what was done. */
function Outcome({ problem, done }: { problem: string | null; done: string | null }) {
  if (problem) return <Problem text={problem} />;
  return done ? (
    <p class="note" role="status">
      {done}
    </p>
  ) : null;
}

function useForm() {
  const mutate = useMutation((error) => problemOf(error, FIELD_LABELS));
  const [outcome, setOutcome] = useState<{ problem: string | null; done: string | null }>({ problem: null, done: null });
  const run = async <T, V>(document: Parameters<typeof mutate<T, V>>[0], variables: V, done: string) => {
    const { problem } = await mutate(document, variables);
    setOutcome({ problem, done: problem ? null : done });
  };
  return { outcome, run };
}

/** The head as letters address it: name, position, e-mail. */
function HeadFields({ prefix, head, onChange }: { prefix: string; head: Head; onChange(head: Head): void }) {
  return (
    <>
      <label for={`${prefix}-head-name`}>ФИО руководителя</label>
      <input id={`${prefix}-head-name`} value={head.fullName} onInput={(e) => onChange({ ...head, fullName: e.currentTarget.value })} />
      <label for={`${prefix}-head-position`}>Должность</label>
      <input id={`${prefix}-head-position`} value={head.position} onInput={(e) => onChange({ ...head, position: e.currentTarget.value })} />
      <label for={`${prefix}-head-email`}>Электронная почта руководителя</label>
      <input
        id={`${prefix}-head-email`}
        type="email"
        value={head.email}
        onInput={(e) => onChange({ ...head, email: e.currentTarget.value })}
      />
    </>
  );
}

interface Head {
  fullName: string;
  position: string;
  email: string;
}

/** A new organization of the registry, with its head; a subordinate names the body above it. */
export function RegisterOrganizationForm() {
  const { outcome, run } = useForm();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('SUBORDINATE');
  const [parentId, setParentId] = useState('');
  const [inn, setInn] = useState('');
  const [head, setHead] = useState<Head>({ fullName: '', position: '', email: '' });
  const submit = (event: Event) => {
    event.preventDefault();
    const input = { name: name.trim(), kind, parentId: parentId || null, inn: inn.trim() || null, head };
    void run(REGISTER_ORGANIZATION, { input }, `«${name.trim()}» внесена в реестр.`);
  };
  return (
    <details class="admin-details">
      <summary>Зарегистрировать организацию</summary>
      <form class="admin-form" onSubmit={submit} noValidate>
        <label for="register-name">Название</label>
        <input id="register-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="register-kind">Вид</label>
        <select id="register-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as OrganizationKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_SINGULAR[k]}
            </option>
          ))}
        </select>
        {kind === 'SUBORDINATE' && <OrganizationPicker id="register-parent" value={parentId} onChange={setParentId} />}
        <label for="register-inn">ИНН (необязательно)</label>
        <input id="register-inn" inputMode="numeric" value={inn} onInput={(e) => setInn(e.currentTarget.value)} />
        <HeadFields prefix="register" head={head} onChange={setHead} />
        <Outcome {...outcome} />
        <button type="submit">Зарегистрировать</button>
      </form>
    </details>
  );
}

/** An organization's head replaced, and an official page added. */
export function OrganizationEditForms({
  organization,
}: {
  organization: { id: string; head: { fullName: string; position: string; email: string | null } };
}) {
  const heads = useForm();
  const pages = useForm();
  const [head, setHead] = useState<Head>({ ...organization.head, email: organization.head.email ?? '' });
  const [platform, setPlatform] = useState<Platform>('VK');
  const [url, setUrl] = useState('');
  const prefix = `org-${organization.id}`;
  return (
    <details class="admin-details">
      <summary>Изменить руководителя или добавить страницу</summary>
      <form
        class="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void heads.run(UPDATE_HEAD, { id: organization.id, head }, 'Руководитель сохранён: письма пойдут ему.');
        }}
      >
        <HeadFields prefix={prefix} head={head} onChange={setHead} />
        <Outcome {...heads.outcome} />
        <button type="submit">Сохранить руководителя</button>
      </form>
      <form
        class="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void pages.run(ADD_PAGE, { input: { organizationId: organization.id, platform, url: url.trim() } }, 'Страница добавлена.');
        }}
      >
        <label for={`${prefix}-platform`}>Площадка</label>
        <select id={`${prefix}-platform`} value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
        <label for={`${prefix}-url`}>Адрес страницы</label>
        <input id={`${prefix}-url`} type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <Outcome {...pages.outcome} />
        <button type="submit">Добавить страницу</button>
      </form>
    </details>
  );
}
