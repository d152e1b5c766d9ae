import type { ComponentChildren } from 'preact';

/**
 * A wide table that scrolls sideways on a phone: a named region the keyboard can reach, so it can
 * be scrolled without a pointer (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
