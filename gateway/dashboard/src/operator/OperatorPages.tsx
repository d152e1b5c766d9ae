import { formatDate, formatDateTime } from '../format';
import { CRAWL_STATUS_LABELS, NOT_CRAWLED_LABEL, PLATFORM_LABELS, WIDGET_FORM_LABELS } from '../labels';
import type { FeedbackWidgetForm } from '../generated/graphql';
import type { OperatorOrganization } from './OperatorWorkspace';

const FORMS: FeedbackWidgetForm[] = ['REPORT_PROBLEM', 'SHARE_OPINION'];

/** The organization's official pages: the «Госорганизация» mark, the feedback widget's two forms, and how the hub last read each. */
export function OperatorPages({ pages }: { pages: OperatorOrganization['pages'] }) {
  return (
    <section class="section" id="pages">
      <h2>Страницы и виджет обратной связи</h2>
      {pages.length === 0 ? (
        <p class="muted">Официальных страниц в реестре нет: сообщите о них администратору.</p>
      ) : (
        <ul class="plain-list operator-pages">
          {pages.map((page) => {
            const missing = FORMS.filter((form) => !page.feedbackWidgets.some((w) => w.form === form));
            return (
              <li key={page.id} data-page-id={page.id}>
                <p>
                  <strong>{PLATFORM_LABELS[page.platform]}</strong> <a href={page.url}>{page.url}</a>
                  {page.verified ? (
                    <span class="tag tag-ok">Госорганизация</span>
                  ) : (
                    <span class="tag tag-warn">без отметки «Госорганизация»</span>
                  )}
                </p>
                <p class={missing.length === 0 ? 'muted' : 'text-missed'}>
                  {missing.length === 0
                    ? `Виджет обратной связи: обе формы, с ${formatDate(page.feedbackWidgets.map((w) => w.placedAt).sort()[1]!)}`
                    : `Виджет обратной связи: нет ${missing.map((f) => WIDGET_FORM_LABELS[f]).join(' и ')}`}
                </p>
                <p class="muted">
                  Проверка хабом: {page.crawl ? CRAWL_STATUS_LABELS[page.crawl.status] : NOT_CRAWLED_LABEL}
                  {page.crawl?.lastCrawledAt ? `, ${formatDateTime(page.crawl.lastCrawledAt)}` : ''}
                  {page.crawl?.lastPostAt ? ` · последний пост ${formatDateTime(page.crawl.lastPostAt)}` : ''}
                  {page.crawl?.error && page.crawl.status !== 'NOT_CONFIGURED' ? ` · ${page.crawl.error}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
