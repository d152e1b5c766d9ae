import { useState } from 'preact/hooks';
import { useQuery } from '../connection';
import { formatCount, formatDateTime } from '../format';
import type { MaterialStatus } from '../generated/graphql';
import { KIND_LABELS, TOPIC_LABELS } from '../labels';
import { useMutation } from '../mutation';
import { Loading, MissingNote } from '../components/Section';
import { weekRange } from '../weeks';
import { MaterialCard, STATUS_LABELS } from './MaterialCard';
import { MaterialForm } from './MaterialForm';
import { ANSWER_NOTE, EDITOR_MATERIALS, EDITOR_NOTES, EDITOR_SUPPLY } from './queries';
import { Problem } from '../components/Problem';

/**
 * The content center's editor: the week's supply against the quota per kind of recipient, a new
 * material with its preview, the drafts waiting for a second editor, every material by status and
 * words, and the ЦУР's open notes. `subject`: who the hub records as this person's authorship.
 */
export function EditorWorkspace({ subject }: { subject: string | null }) {
  const [writing, setWriting] = useState(false);
  return (
    <main class="content workspace workspace-wide">
      <Supply />
      <section class="section" id="new-material">
        <h2>Новый материал</h2>
        {writing ? (
          <MaterialForm onDone={() => setWriting(false)} />
        ) : (
          <button type="button" onClick={() => setWriting(true)}>
            Написать материал
          </button>
        )}
      </section>
      <ReviewQueue subject={subject} />
      <Materials subject={subject} />
      <Notes />
    </main>
  );
}

/** The week's supply: materials sent against the quota, and per kind of recipient the fewest one received. */
function Supply() {
  const supply = useQuery(EDITOR_SUPPLY, {});
  const week = supply.data?.contentSupplyHistory.at(-1) ?? null;
  return (
    <section class="section" id="supply">
      <h2>Поставка контента на этой неделе</h2>
      <MissingNote missing={supply.missing} />
      {!week ? (
        <Loading what="поставка" />
      ) : (
        <>
          <p class="progress-summary">
            Неделя {weekRange(week.week)}: разослано <strong>{week.distributed}</strong>
            {week.required != null ? ` из ${week.required}` : ''} (п. 2.2: не менее {week.required ?? 10} материалов каждому получателю)
          </p>
          {week.byRecipientGroup.length > 0 && (
            <ul class="plain-list" data-supply-groups>
              {week.byRecipientGroup.map((group) => {
                const short = week.required != null && group.fewest < week.required;
                return (
                  <li key={group.kind} data-kind={group.kind}>
                    <strong>{KIND_LABELS[group.kind]}</strong>: {formatCount(group.recipients)} получателей;{' '}
                    <span class={short ? 'text-missed' : 'text-met'}>
                      меньше всего получила одна организация — {group.fewest}
                      {week.required != null ? ` из ${week.required}` : ''}
                    </span>
                    , больше всего — {group.most}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Drafts by other editors, for this one to approve (four eyes); this editor's own drafts wait for another. */
function ReviewQueue({ subject }: { subject: string | null }) {
  // Every draft, not the newest twenty: a queue that hides the older ones leaves them unreviewed.
  const drafts = useQuery(EDITOR_MATERIALS, { status: 'DRAFT', first: 500 });
  const waiting = (drafts.data?.materials.edges ?? []).map((e) => e.node).filter((m) => m.author !== subject);
  return (
    <section class="section" id="review">
      <h2>На согласование</h2>
      <MissingNote missing={drafts.missing} />
      {drafts.loading && !drafts.data ? (
        <Loading what="черновики" />
      ) : waiting.length === 0 ? (
        <p class="muted">Черновиков других редакторов нет.</p>
      ) : (
        waiting.map((m) => <MaterialCard key={m.id} material={m} subject={subject} />)
      )}
    </section>
  );
}

const STATUSES: MaterialStatus[] = ['DRAFT', 'APPROVED', 'DISTRIBUTED', 'WITHDRAWN'];

/** Every material, newest first, by status and by words. */
function Materials({ subject }: { subject: string | null }) {
  const [status, setStatus] = useState<MaterialStatus | ''>('');
  const [search, setSearch] = useState('');
  const [words, setWords] = useState('');
  const list = useQuery(EDITOR_MATERIALS, { status: status || null, search: words || null });
  const materials = (list.data?.materials.edges ?? []).map((e) => e.node);
  return (
    <section class="section" id="materials">
      <h2>Все материалы</h2>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setWords(search.trim());
        }}
      >
        <label>
          Статус
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as MaterialStatus | '')}>
            <option value="">все</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Поиск
          <input
            type="search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            placeholder="слова из заголовка или текста"
          />
        </label>
        <button type="submit">Найти</button>
      </form>
      <MissingNote missing={list.missing} />
      <Problem text={list.error} />
      {list.data && (
        <p class="muted" role="status">
          Найдено: {formatCount(list.data.materials.totalCount)}
          {list.data.materials.totalCount > materials.length ? `, показаны ${materials.length} последних` : ''}
        </p>
      )}
      {materials.map((m) => (
        <MaterialCard key={m.id} material={m} subject={subject} />
      ))}
    </section>
  );
}

/** The ЦУР's open methodological notes (decree 5), each answered once. */
function Notes() {
  const notes = useQuery(EDITOR_NOTES, {});
  const open = notes.data?.methodologicalNotes ?? [];
  return (
    <section class="section" id="notes">
      <h2>Замечания ЦУР</h2>
      <MissingNote missing={notes.missing} />
      {open.length === 0 ? (
        <p class="muted">{notes.loading ? 'Загрузка…' : 'Открытых замечаний нет.'}</p>
      ) : (
        <ul class="plain-list">
          {open.map((note) => (
            <li key={note.id}>
              <p>{note.text}</p>
              <p class="muted">
                {note.author} · {formatDateTime(note.createdAt)}
                {note.material ? ` · о материале «${note.material.title}»` : ''}
                {note.topic ? ` · тема «${TOPIC_LABELS[note.topic]}»` : ''}
                {note.week ? ` · неделя ${weekRange(note.week)}` : ''}
              </p>
              <AnswerForm noteId={note.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AnswerForm({ noteId }: { noteId: string }) {
  const mutate = useMutation();
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem((await mutate(ANSWER_NOTE, { id: noteId, answer: answer.trim() || null })).problem);
  };
  return (
    <form class="placement-form" onSubmit={submit}>
      <label for={`answer-${noteId}`}>Что сделано (необязательно)</label>
      <input id={`answer-${noteId}`} value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} />
      <Problem text={problem} />
      <button type="submit">Отметить учтённым</button>
    </form>
  );
}
