import type { CellStatus } from '../evaluation';
import { STATUS_LABELS } from '../labels';

const ORDER: CellStatus[] = ['MET', 'MISSED', 'EXEMPT', 'NONE', 'NOT_EVALUATED'];

/** Marks as well as colours: a status must not be told by colour alone. */
export const STATUS_MARKS: Record<CellStatus, string> = { MET: '✓', MISSED: '✗', EXEMPT: 'о', NONE: '?', NOT_EVALUATED: '' };

export function StatusLegend() {
  return (
    <ul class="legend" aria-label="Обозначения">
      {ORDER.map((status) => (
        <li key={status} data-status={status}>
          <span class={`swatch cell-${cssName(status)}`} aria-hidden="true">
            {STATUS_MARKS[status]}
          </span>
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: CellStatus }) {
  return (
    <span class={`badge cell-${cssName(status)}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

export const cssName = (status: CellStatus) => status.toLowerCase().replace('_', '-');
