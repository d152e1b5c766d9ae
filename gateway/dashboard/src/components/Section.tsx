import type { ComponentChildren } from 'preact';
import type { MissingPart } from '../api';
import { FIELD_LABELS, SERVICE_LABELS } from '../labels';

interface Props {
  id: string;
  title: string;
  subtitle?: string;
  actions?: ComponentChildren;
  missing?: MissingPart[];
  error?: string | null;
  loading?: boolean;
  children?: ComponentChildren;
}

/** A titled block of the page, with what did not come and why. */
export function Section({ id, title, subtitle, actions, missing = [], error, loading, children }: Props) {
  return (
    <section class="section" id={id} aria-busy={loading ? 'true' : 'false'}>
      <header class="section-header">
        <div>
          <h2>{title}</h2>
          {subtitle && <p class="section-subtitle">{subtitle}</p>}
        </div>
        {actions && <div class="section-actions">{actions}</div>}
      </header>
      {error && (
        <p class="note note-error" role="alert">
          Не удалось загрузить: {error}
        </p>
      )}
      <MissingNote missing={missing} />
      {children}
    </section>
  );
}

/** Partial data: which parts are missing and which service did not answer. */
export function MissingNote({ missing }: { missing: MissingPart[] }) {
  if (missing.length === 0) return null;
  const services = [...new Set(missing.map((m) => m.service).filter((s): s is string => s !== null))];
  const other = missing.filter((m) => m.service === null);
  const fields = fieldsOf(missing.filter((m) => m.service !== null));
  return (
    <div class="note note-warning" role="status" data-missing={missing.map((m) => m.path).join(' ')}>
      {services.length > 0 && (
        <p>
          Показано не всё: {services.map((s) => `${SERVICE_LABELS[s] ?? s} (${s})`).join(', ')} не
          {services.length > 1 ? ' ответили' : ' ответил'}
          {/* The gateway names the fields it lost only when the failed call was for them. */}
          {fields ? `. Нет данных: ${fields}.` : services.length > 1 ? ', их данных здесь нет.' : ', его данных здесь нет.'}
        </p>
      )}
      {other.map((m) => (
        <p key={m.path + m.message}>
          {m.path ? `${m.path}: ` : ''}
          {m.message}
        </p>
      ))}
    </div>
  );
}

const fieldsOf = (parts: MissingPart[]) =>
  [
    ...new Set(
      parts
        .filter(({ path }) => path)
        .map(({ path }) => {
          const field = path
            .split('.')
            .filter((p) => !/^\d+$/.test(p))
            .join('.');
          return FIELD_LABELS[field] ?? field;
        }),
    ),
  ].join(', ');

export function Loading({ what }: { what: string }) {
  return <p class="muted loading">Загрузка: {what}…</p>;
}
