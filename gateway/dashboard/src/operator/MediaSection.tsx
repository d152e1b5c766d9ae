import { useState } from 'preact/hooks';
import { formatDate } from '../format';
import { problemOf, useMutation } from '../mutation';
import type { OperatorOrganization } from './OperatorWorkspace';
import { instantOf, localInputValue } from './placing';
import { REPORT_MEDIA } from './queries';
import { Problem } from '../components/Problem';

const FIELD_LABELS = {
  outlet: 'Издание',
  url: 'Ссылка на статью',
  issueReference: 'Выпуск',
  publishedAt: 'Дата публикации',
  about: 'О чём',
};

/** The month's mass-media mentions of the organization's pages (decree 3.3: one a month), and reporting one. */
export function MediaSection({ organization }: { organization: OperatorOrganization }) {
  const publications = organization.mediaPublications;
  return (
    <section class="section" id="media">
      <h2>Публикации в СМИ в этом месяце</h2>
      {publications.length === 0 ? (
        <p class="muted">В этом месяце публикаций о страницах организации не отмечено: нужна хотя бы одна в месяц.</p>
      ) : (
        <ul class="plain-list">
          {publications.map((m) => (
            <li key={m.id}>
              {m.url ? <a href={m.url}>{m.outlet}</a> : m.outlet}
              {m.issueReference ? `, ${m.issueReference}` : ''} · {formatDate(m.publishedAt)}
            </li>
          ))}
        </ul>
      )}
      <details class="material-more">
        <summary>Отметить публикацию в СМИ</summary>
        <MediaForm organizationId={organization.id} />
      </details>
    </section>
  );
}

function MediaForm({ organizationId }: { organizationId: string }) {
  const mutate = useMutation((error) => problemOf(error, FIELD_LABELS));
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [issue, setIssue] = useState('');
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [about, setAbout] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const publishedAt = instantOf(when);
    if (!outlet.trim() || !publishedAt) return setProblem('Укажите издание и дату публикации.');
    if (!url.trim() && !issue.trim()) return setProblem('Укажите ссылку на статью или, для печати и эфира, выпуск.');
    const input = {
      organizationId,
      outlet: outlet.trim(),
      url: url.trim() || null,
      issueReference: issue.trim() || null,
      publishedAt,
      about: about.trim() || null,
    };
    setProblem((await mutate(REPORT_MEDIA, { input })).problem);
  };
  return (
    <form class="placement-form" onSubmit={submit} noValidate>
      <label for="media-outlet">Издание</label>
      <input id="media-outlet" value={outlet} onInput={(e) => setOutlet(e.currentTarget.value)} placeholder="Тихоокеанская звезда" />
      <label for="media-url">Ссылка на статью</label>
      <input id="media-url" type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      <label for="media-issue">Выпуск (для печати и эфира)</label>
      <input id="media-issue" value={issue} onInput={(e) => setIssue(e.currentTarget.value)} placeholder="№ 45 от 20.11.2026" />
      <label for="media-when">Когда опубликовано</label>
      <input id="media-when" type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      <label for="media-about">О чём (необязательно)</label>
      <input id="media-about" value={about} onInput={(e) => setAbout(e.currentTarget.value)} />
      <Problem text={problem} />
      <button type="submit">Отметить публикацию</button>
    </form>
  );
}
