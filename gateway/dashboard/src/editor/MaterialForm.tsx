import { useState } from 'preact/hooks';
import type { MaterialTopic } from '../generated/graphql';
import { TOPIC_LABELS } from '../labels';
import { useMutation, problemOf } from '../mutation';
import { instantOf, localInputValue, placementText } from '../operator/placing';
import { CREATE_MATERIAL, UPDATE_MATERIAL } from './queries';
import { Problem } from '../components/Problem';

/** A material as the form edits it. */
export interface MaterialDraft {
  id?: string;
  title: string;
  summary: string | null;
  body: string;
  topic: MaterialTopic;
  hashtags: string[];
  mediaLinks: string[];
  placementWindow: { until: string | null } | null;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Заголовок',
  summary: 'Краткое описание',
  body: 'Текст',
  topic: 'Тема',
  hashtags: 'Хештеги',
  mediaLinks: 'Изображения и видео',
  placementWindow: 'Разместить до',
  until: 'Разместить до',
};

const EMPTY: MaterialDraft = { title: '', summary: null, body: '', topic: 'SOCIAL', hashtags: [], mediaLinks: [], placementWindow: null };

/** «#Хабаровскийкрай, #Госуслуги» and «Хабаровскийкрай Госуслуги» alike: each tag once, without its #. */
const parseTags = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/u)
      .map((t) => t.replace(/^#+/u, ''))
      .filter(Boolean),
  ),
];
const parseLines = (text: string) =>
  text
    .split(/\n/u)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Writing a material, new or a draft again, with a preview of how the post reads once an officer
 * pastes it (the text the operator's «Копировать текст» copies) and its length.
 */
export function MaterialForm({ initial = EMPTY, onDone }: { initial?: MaterialDraft; onDone(): void }) {
  const mutate = useMutation((error) => problemOf(error, FIELD_LABELS));
  const key = initial.id ?? 'new';
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary ?? '');
  const [body, setBody] = useState(initial.body);
  const [topic, setTopic] = useState<MaterialTopic>(initial.topic);
  const [tags, setTags] = useState(initial.hashtags.map((t) => `#${t}`).join(' '));
  const [media, setMedia] = useState(initial.mediaLinks.join('\n'));
  const [until, setUntil] = useState(initial.placementWindow?.until ? localInputValue(new Date(initial.placementWindow.until)) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = placementText({ title, body, hashtags: parseTags(tags) });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!title.trim() || !body.trim()) return setProblem('Заполните заголовок и текст.');
    const untilInstant = until ? instantOf(until) : null;
    if (until && !untilInstant) return setProblem('Проверьте поле «Разместить до».');
    const input = {
      title: title.trim(),
      summary: summary.trim() || null,
      body: body.trim(),
      topic,
      hashtags: parseTags(tags),
      mediaLinks: parseLines(media),
      placementWindow: untilInstant ? { until: untilInstant } : null,
    };
    setBusy(true);
    const result = initial.id ? await mutate(UPDATE_MATERIAL, { id: initial.id, input }) : await mutate(CREATE_MATERIAL, { input });
    setBusy(false);
    setProblem(result.problem);
    if (!result.problem) onDone();
  };

  const field = (name: string) => `${name}-${key}`;
  return (
    <form class="material-form" onSubmit={submit} noValidate>
      <div class="material-form-fields">
        <label for={field('title')}>Заголовок</label>
        <input id={field('title')} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <label for={field('topic')}>Тема</label>
        <select id={field('topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value as MaterialTopic)}>
          {(Object.keys(TOPIC_LABELS) as MaterialTopic[]).map((t) => (
            <option key={t} value={t}>
              {TOPIC_LABELS[t]}
            </option>
          ))}
        </select>
        <label for={field('summary')}>Краткое описание (для списков, не для поста)</label>
        <input id={field('summary')} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
        <label for={field('body')}>Текст</label>
        <textarea id={field('body')} rows={10} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        <label for={field('tags')}>Хештеги</label>
        <input id={field('tags')} value={tags} placeholder="#Хабаровскийкрай #Госуслуги" onInput={(e) => setTags(e.currentTarget.value)} />
        <label for={field('media')}>Изображения и видео (по ссылке в строке)</label>
        <textarea id={field('media')} rows={2} value={media} onInput={(e) => setMedia(e.currentTarget.value)} />
        <label for={field('until')}>Разместить до (необязательно)</label>
        <input id={field('until')} type="datetime-local" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        <Problem text={problem} />
        <div class="material-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Сохраняем…' : initial.id ? 'Сохранить черновик' : 'Создать черновик'}
          </button>
          <button type="button" class="button-secondary" onClick={onDone}>
            Отмена
          </button>
        </div>
      </div>
      <section class="material-preview" aria-label="Предпросмотр публикации">
        <h3>Так пост прочитают на странице</h3>
        <div class="material-preview-text">{preview || 'Текст появится здесь.'}</div>
        <p class="muted">{preview.length} знаков</p>
      </section>
    </form>
  );
}
