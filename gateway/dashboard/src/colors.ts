/** The status colours, the same as styles.css uses, for the charts. */
export const COLORS = {
  met: '#2e9d5b',
  missed: '#d64545',
  exempt: '#7d93b2',
  none: '#e3e6ea',
  accent: '#1f5fa8',
  accentSoft: 'rgba(31, 95, 168, 0.25)',
  quota: '#c77800',
};
