import { useCallback, useState } from 'preact/hooks';
import type { GraphQLError } from '../api';
import { useMutation } from '../mutation';
import { PLATFORM_LABELS } from '../labels';
import type { OperatorOrganization } from './OperatorWorkspace';
import { CORRECT_PLACEMENT, REPORT_PLACEMENT } from './queries';
import { instantOf, localInputValue, pageForPost, placementProblem } from './placing';
import { Problem } from '../components/Problem';

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

/** A placement change, its refusal worded by what the hub's placement checks say. */
function useSubmitPlacement(pageUrl: string | null) {
  const describe = useCallback(
    (error: GraphQLError) => placementProblem({ field: error.extensions?.field, message: error.message }, pageUrl),
    [pageUrl],
  );
  return useMutation(describe);
}

/** «Размещено»: the post's address pasted (its page chosen from it), its time, and the hub's check on the spot. */
export function PlacementForm({ materialId, pages }: { materialId: string; pages: Page[] }) {
  const [url, setUrl] = useState('');
  const [pageId, setPageId] = useState(pages[0]?.id ?? '');
  const [pageChosen, setPageChosen] = useState(false);
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [viaGospabliki, setViaGospabliki] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `report-${materialId}`;
  const page = pages.find((p) => p.id === pageId) ?? null;
  const mutate = useSubmitPlacement(page?.url ?? null);

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
    const input = [{ materialId, pageId, url: url.trim(), publishedAt, viaGospabliki }];
    const { problem: found } = await mutate(REPORT_PLACEMENT, { input });
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
      <Problem text={problem} />
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
  const mutate = useSubmitPlacement(placement.page.url);
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
    const { problem: found } = await mutate(CORRECT_PLACEMENT, { id: placement.id, url: url.trim(), publishedAt });
    setProblem(found);
    setBusy(false);
    if (!found) onDone();
  };

  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <PostFields id={id} url={url} when={when} onUrl={setUrl} onWhen={setWhen} />
      <Problem text={problem} />
      <button type="submit" disabled={busy}>
        {busy ? 'Проверяем…' : 'Сохранить исправление'}
      </button>
    </form>
  );
}
