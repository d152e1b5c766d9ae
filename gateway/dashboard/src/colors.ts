/** The status colours, the same as styles.css uses, for the charts; each takes white text at 4.5:1 or more (WCAG 2.1 AA, checked by axe-core in tests/dashboard.e2e). */
export const COLORS = {
  met: '#237a46',
  missed: '#c53030',
  exempt: '#5a6f8f',
  none: '#e3e6ea',
  accent: '#1f5fa8',
  accentSoft: 'rgba(31, 95, 168, 0.25)',
  quota: '#c77800',
};
