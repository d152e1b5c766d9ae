import { weekRange } from '../weeks';
import { counted, daysLeft } from './placing';

interface Props {
  /** Null when the weekly norm does not apply to the organization. */
  progress: { week: string; placed: number; required: number; remaining: number; atRisk: boolean; severity: string } | null;
  placementCount: number;
}

/** The week so far: placed of required, a bar, and the days left (or that the norm is met). */
export function Progress({ progress, placementCount }: Props) {
  if (!progress) {
    return (
      <p class="progress-summary" data-progress="none">
        Размещено на этой неделе: <strong>{placementCount}</strong>. Недельная норма к организации не применяется.
      </p>
    );
  }
  const met = progress.remaining === 0;
  const left = daysLeft(progress.week, new Date());
  return (
    <div class={`progress ${met ? 'progress-met' : progress.atRisk ? 'progress-risk' : ''}`} data-progress={met ? 'met' : 'open'}>
      <p class="progress-summary">
        Неделя {weekRange(progress.week)}: размещено <strong>{progress.placed}</strong> из {progress.required}
        {progress.severity === 'RECOMMENDED' ? ' (рекомендуется)' : ''}
      </p>
      <progress max={progress.required} value={Math.min(progress.placed, progress.required)} aria-label="Выполнение недельной нормы" />
      <p class="progress-status" role="status">
        {met ? 'Норма недели выполнена.' : `Осталось разместить ${counted(progress.remaining, 'материал')}: ${daysLeftText(left)}.`}
      </p>
    </div>
  );
}

const daysLeftText = (left: number) =>
  left > 1 ? `до конца недели ${counted(left, 'день')}` : left === 1 ? 'сегодня последний день недели' : 'неделя уже закончилась';
