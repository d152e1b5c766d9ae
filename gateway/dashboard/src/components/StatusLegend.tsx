import { STATUS_LABELS } from '../labels';

const ORDER = ['MET', 'MISSED', 'EXEMPT', 'NONE'] as const;

export function StatusLegend() {
  return (
    <ul class="legend" aria-label="Обозначения">
      {ORDER.map((status) => (
        <li key={status}>
          <span class={`swatch cell-${status.toLowerCase()}`} aria-hidden="true" />
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: keyof typeof STATUS_LABELS }) {
  return <span class={`badge cell-${status.toLowerCase()}`} data-status={status}>{STATUS_LABELS[status]}</span>;
}
