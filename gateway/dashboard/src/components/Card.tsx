interface Props {
  /** data-card, for finding the card in tests and styles. */
  name: string;
  label: string;
  value: string;
  tone?: 'met' | 'missed' | 'exempt';
  hint?: string;
}

export function Card({ name, label, value, tone, hint }: Props) {
  return (
    <div class={`card${tone ? ` card-${tone}` : ''}`} data-card={name}>
      <div class="card-label">{label}</div>
      <div class="card-value">{value}</div>
      {hint && <div class="card-hint">{hint}</div>}
    </div>
  );
}
