import { useState } from 'preact/hooks';
import { formatDate, formatDateTime } from '../format';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../labels';
import type { OperatorOrganization } from './OperatorWorkspace';
import { PlacementForm } from './PlacementForm';
import { placementText } from './placing';

type Material = NonNullable<OperatorOrganization['receivedMaterials']>[number];
type Page = OperatorOrganization['pages'][number];
type Placement = OperatorOrganization['placements'][number];

interface Props {
  material: Material;
  pages: Page[];
  placements: Placement[];
  placed: boolean;
}

/** One material of the week: its text to copy, and where it is placed or a form to say so. */
export function MaterialItem({ material, pages, placements, placed }: Props) {
  const text = placementText(material);
  const withdrawn = material.withdrawnAt !== null;
  return (
    <article
      class={`material${placed ? ' material-placed' : ''}`}
      data-material-id={material.id}
      aria-labelledby={`material-${material.id}`}
    >
      <h3 id={`material-${material.id}`}>{material.title}</h3>
      <p class="muted">
        {TOPIC_LABELS[material.topic]} · разослан {material.distributedAt ? formatDate(material.distributedAt) : '—'}
        {material.placementWindow?.until ? ` · разместить до ${formatDateTime(material.placementWindow.until)}` : ''}
      </p>
      {withdrawn && <p class="tag tag-warn">Материал отозван контент-центром: размещать не нужно.</p>}
      {placed && (
        <ul class="plain-list material-placements">
          {placements.map((p) => (
            <li key={p.id}>
              <span class="tag tag-ok">Размещён</span> <a href={p.url}>{PLATFORM_LABELS[p.page.platform]}</a> ·{' '}
              {formatDateTime(p.publishedAt)}
            </li>
          ))}
        </ul>
      )}
      {material.summary && <p>{material.summary}</p>}
      <CopyText text={text} id={material.id} />
      {material.mediaLinks.length > 0 && (
        <p class="material-media">
          Изображения и видео:{' '}
          {material.mediaLinks.map((link, i) => (
            <a key={link} href={link}>
              {`файл ${i + 1}`}
            </a>
          ))}
        </p>
      )}
      {!withdrawn &&
        (placed ? (
          <details class="material-more">
            <summary>Отметить размещение на другой странице</summary>
            <PlacementForm materialId={material.id} pages={pages} />
          </details>
        ) : (
          <PlacementForm materialId={material.id} pages={pages} />
        ))}
    </article>
  );
}

/** The text ready to paste, and a button that copies it (with a fallback where the clipboard is not offered). */
function CopyText({ text, id }: { text: string; id: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Текст скопирован: вставьте его в публикацию.');
    } catch {
      const field = document.getElementById(`text-${id}`) as HTMLTextAreaElement | null;
      field?.select();
      setCopied('Текст выделен: скопируйте его (Ctrl+C или «Копировать» в меню).');
    }
  };
  return (
    <div class="material-text">
      <label for={`text-${id}`}>Текст для публикации</label>
      <textarea id={`text-${id}`} readOnly rows={6} value={text} />
      <div class="material-actions">
        <button type="button" onClick={copy}>
          Копировать текст
        </button>
        <span role="status" class="muted">
          {copied}
        </span>
      </div>
    </div>
  );
}
