import { useEffect, useRef } from 'preact/hooks';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the dashboard draws, so the bundle carries no other chart types.
ChartJs.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
ChartJs.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
ChartJs.defaults.locale = 'ru-RU';

interface Props {
  config: ChartConfiguration;
  label: string;
  height?: number;
}

/** A Chart.js canvas, redrawn whenever its configuration changes. */
export function Chart({ config, label, height = 280 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new ChartJs(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
