import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useConnection, useGraphQL } from '../connection';
import { PLATFORM_LABELS } from '../labels';
import type { OperatorOrganization } from './OperatorWorkspace';
import { CORRECT_PLACEMENT, REPORT_PLACEMENT } from './queries';
import { instantOf, localInputValue, pageForPost, placementProblem } from './placing';

type Page = OperatorOrganization['pages'][number];

/** The post's address and time, as a new report and a correction both ask them. */
function PostFields({
  id,
  url,
  when,
  onUrl,
  onWhen,
}: {
  id: string;
  url: string;
  when: string;
  onUrl(v: string): void;
  onWhen(v: string): void;
}) {
  return (
    <>
      <label for={`url-${id}`}>Ссылка на публикацию</label>
      <input
        id={`url-${id}`}
        type="url"
        inputMode="url"
        autocomplete="off"
        placeholder="https://vk.com/wall-…"
        value={url}
        onInput={(e) => onUrl(e.currentTarget.value)}
      />
      <label for={`when-${id}`}>Когда опубликовано</label>
      <input id={`when-${id}`} type="datetime-local" value={when} onInput={(e) => onWhen(e.currentTarget.value)} />
    </>
  );
}

/**
 * Sends a placement change and says what the hub's check found, in words: on success every query
 * runs again (the progress, the lists). Null: sent; otherwise the problem to show.
 */
function useSubmitPlacement() {
  const { refresh } = useConnection();
  // The answer is null when the app took over (a lost session or gateway): nothing to refresh then.
  return async (run: () => Promise<object | null>, pageUrl: string | null): Promise<string | null> => {
    try {
      const result = await run();
      if (result) refresh();
      return null;
    } catch (err) {
      const error = err instanceof ApiError ? err.errors[0] : undefined;
      return error ? placementProblem({ field: error.extensions?.field, message: error.message }, pageUrl) : (err as Error).message;
    }
  };
}

/** «Размещено»: the post's address pasted (its page chosen from it), its time, and the hub's check on the spot. */
export function PlacementForm({ materialId, pages }: { materialId: string; pages: Page[] }) {
  const send = useGraphQL();
  const submitPlacement = useSubmitPlacement();
  const [url, setUrl] = useState('');
  const [pageId, setPageId] = useState(pages[0]?.id ?? '');
  const [pageChosen, setPageChosen] = useState(false);
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [viaGospabliki, setViaGospabliki] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `report-${materialId}`;

  if (pages.length === 0)
    return <p class="note note-warning">У организации нет официальных страниц: размещение некуда отметить. Обратитесь к администратору.</p>;

  const changeUrl = (value: string) => {
    setUrl(value);
    const matched = pageChosen ? null : pageForPost(pages, value);
    if (matched) setPageId(matched);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const publishedAt = instantOf(when);
    if (!url.trim()) return setProblem('Вставьте ссылку на публикацию.');
    if (!publishedAt) return setProblem('Укажите дату и время публикации.');
    setBusy(true);
    const page = pages.find((p) => p.id === pageId) ?? null;
    const input = [{ materialId, pageId, url: url.trim(), publishedAt, viaGospabliki }];
    const found = await submitPlacement(() => send(REPORT_PLACEMENT, { input }), page?.url ?? null);
    setProblem(found);
    setBusy(false);
  };

  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <PostFields id={id} url={url} when={when} onUrl={changeUrl} onWhen={setWhen} />
      {pages.length > 1 && (
        <>
          <label for={`page-${id}`}>Страница</label>
          <select
            id={`page-${id}`}
            value={pageId}
            onChange={(e) => {
              setPageId(e.currentTarget.value);
              setPageChosen(true);
            }}
          >
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {PLATFORM_LABELS[p.platform]}: {p.url}
              </option>
            ))}
          </select>
        </>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={viaGospabliki} onChange={(e) => setViaGospabliki(e.currentTarget.checked)} />
        Через «Госпаблики»
      </label>
      {problem && (
        <p class="note note-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Проверяем…' : 'Отметить размещение'}
      </button>
    </form>
  );
}

/** Puts right a placement's address and time (the material and the page stay), checked as a report is. */
export function CorrectionForm({
  placement,
  onDone,
}: {
  placement: { id: string; url: string; publishedAt: string; page: { url: string } };
  onDone(): void;
}) {
  const send = useGraphQL();
  const submitPlacement = useSubmitPlacement();
  const [url, setUrl] = useState(placement.url);
  const [when, setWhen] = useState(() => localInputValue(new Date(placement.publishedAt)));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `correct-${placement.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    const publishedAt = instantOf(when);
    if (!url.trim() || !publishedAt) return setProblem('Укажите ссылку на публикацию и когда она вышла.');
    setBusy(true);
    const found = await submitPlacement(
      () => send(CORRECT_PLACEMENT, { id: placement.id, url: url.trim(), publishedAt }),
      placement.page.url,
    );
    setProblem(found);
    setBusy(false);
    if (!found) onDone();
  };

  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <PostFields id={id} url={url} when={when} onUrl={setUrl} onWhen={setWhen} />
      {problem && (
        <p class="note note-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Проверяем…' : 'Сохранить исправление'}
      </button>
    </form>
  );
}
