import { weekRange } from '../weeks';

interface Props {
  weeks: string[];
  value: string;
  onChange: (week: string) => void;
}

/** The last twelve complete weeks, newest first. */
export function WeekSelector({ weeks, value, onChange }: Props) {
  return (
    <label class="week-selector">
      Неделя
      <select name="week" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {[...weeks].reverse().map((w) => (
          <option key={w} value={w}>
            {weekRange(w)} ({w})
          </option>
        ))}
      </select>
    </label>
  );
}
