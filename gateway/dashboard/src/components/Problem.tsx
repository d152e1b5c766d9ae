import { Loading } from './Section';

/** What went wrong with a form's request, in words, announced to screen readers; nothing when all is well. */
export function Problem({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p class="note note-error" role="alert">
      {text}
    </p>
  );
}

/** An organization's workspace without its organization: still loading, or not one the person may see. */
export function OrganizationUnavailable({ loading, error, what }: { loading: boolean; error: string | null; what: string }) {
  return (
    <main class="content workspace">
      {loading ? <Loading what={what} /> : <Problem text={error ?? 'Организация не найдена или вне вашей зоны ответственности.'} />}
    </main>
  );
}
