import { Exemptions } from './Exemptions';
import { AuditLog, Outbox } from './Outbox';
import { Policy } from './Policy';
import { Organizations, People } from './Registry';
import { Rules } from './Rules';

/**
 * The committee's administrator: exemptions for a range of periods, the rules with the preview of
 * a change, the escalation ladder, the registry and its people, the outbox and the audit log.
 */
export function AdminWorkspace() {
  return (
    <main class="content workspace workspace-wide">
      <nav class="admin-contents" aria-label="Содержание">
        <a href="#exemptions" onClick={jump('exemptions')}>
          Освобождения
        </a>
        <a href="#rules" onClick={jump('rules')}>
          Правила
        </a>
        <a href="#policy" onClick={jump('policy')}>
          Эскалация
        </a>
        <a href="#registry" onClick={jump('registry')}>
          Реестр
        </a>
        <a href="#people" onClick={jump('people')}>
          Люди
        </a>
        <a href="#outbox" onClick={jump('outbox')}>
          Письма
        </a>
        <a href="#audit" onClick={jump('audit')}>
          Журнал
        </a>
      </nav>
      <Exemptions />
      <Rules />
      <Policy />
      <Organizations />
      <People />
      <Outbox />
      <AuditLog />
    </main>
  );
}

/** The address after # names the workspace: a contents link scrolls instead of navigating away. */
const jump = (id: string) => (event: Event) => {
  event.preventDefault();
  document.getElementById(id)?.scrollIntoView();
};
