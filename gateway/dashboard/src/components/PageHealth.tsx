import { useQuery } from '../connection';
import { formatCount, formatDateTime } from '../format';
import { CRAWL_STATUS_LABELS, NOT_CRAWLED_LABEL, PLATFORM_LABELS } from '../labels';
import { PAGE_HEALTH } from '../queries';
import type { CrawlStatus, DashboardPageHealthQuery } from '../generated/graphql';
import { Card } from './Card';
import { Loading, Section } from './Section';

/** As the Monday summary and the escalation digest count a silent page (SILENT_PAGE_DAYS). */
const SILENT_DAYS = 14;

const UNREADABLE: CrawlStatus[] = ['UNREACHABLE', 'PRIVATE', 'NOT_FOUND', 'PARSE_FAILED', 'RATE_LIMITED'];

/** Each status with its count, in the order pageHealth ranks them; null: not crawled yet. */
function byStatus(data: DashboardPageHealthQuery): { status: CrawlStatus | null; pages: number }[] {
  const counts: Record<CrawlStatus, number> = {
    UNREACHABLE: data.unreachable.totalCount,
    PRIVATE: data.private.totalCount,
    NOT_FOUND: data.notFound.totalCount,
    PARSE_FAILED: data.parseFailed.totalCount,
    RATE_LIMITED: data.rateLimited.totalCount,
    OK: data.ok.totalCount,
    NOT_CONFIGURED: data.notConfigured.totalCount,
  };
  const statuses = [...UNREADABLE, 'OK', 'NOT_CONFIGURED'] as const;
  const known = statuses.reduce((sum, s) => sum + counts[s], 0);
  return [...statuses.map((status) => ({ status, pages: counts[status] })), { status: null, pages: data.pageHealth.totalCount - known }];
}

/** The official pages as monitoring reads them now: counts by status and the most troubled pages. */
export function PageHealth() {
  const { data, missing, error, loading } = useQuery(PAGE_HEALTH, { silentForDays: SILENT_DAYS });
  const rows = data ? byStatus(data) : [];
  const unreadable = rows.filter((r) => r.status && UNREADABLE.includes(r.status)).reduce((sum, r) => sum + r.pages, 0);
  const troubled = data?.pageHealth.edges.map((e) => e.node) ?? [];
  return (
    <Section
      id="page-health"
      title="Состояние официальных страниц"
      subtitle={`Сейчас, по последней проверке мониторинга; молчащие — без публикаций ${SILENT_DAYS} дней и более`}
      missing={missing}
      error={error}
      loading={loading}
    >
      {loading && !data && <Loading what="состояние страниц" />}
      {data && (
        <>
          <div class="cards">
            <Card name="pages-total" label="Страниц" value={formatCount(data.pageHealth.totalCount)} />
            <Card name="pages-ok" label="Читаются" value={formatCount(data.ok.totalCount)} tone="met" />
            <Card
              name="pages-silent"
              label={`Молчат ${SILENT_DAYS} дней и более`}
              value={formatCount(data.silent.totalCount)}
              tone="exempt"
            />
            <Card name="pages-unreadable" label="Не удаётся прочитать" value={formatCount(unreadable)} tone="missed" />
          </div>
          <h3>По состоянию</h3>
          <table class="table table-compact" data-table="page-statuses">
            <thead>
              <tr>
                <th scope="col">Состояние</th>
                <th scope="col" class="num">
                  Страниц
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.status ?? 'none'} data-status={r.status ?? 'NONE'}>
                  <th scope="row">{r.status ? CRAWL_STATUS_LABELS[r.status] : NOT_CRAWLED_LABEL}</th>
                  <td class="num">{formatCount(r.pages)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Страницы, требующие внимания</h3>
          {troubled.length === 0 && <p class="muted">Официальных страниц нет.</p>}
          {troubled.length > 0 && (
            <div class="table-scroll">
              <table class="table" data-table="troubled-pages">
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    <th scope="col">Страница</th>
                    <th scope="col">Состояние</th>
                    <th scope="col" class="num">
                      Дней без публикаций
                    </th>
                    <th scope="col">Проверена</th>
                    <th scope="col">Ошибка</th>
                  </tr>
                </thead>
                <tbody>
                  {troubled.map((h) => (
                    <tr key={h.page.id} data-page-id={h.page.id}>
                      <th scope="row">{h.page.organization.name}</th>
                      <td class="page-url">
                        <a href={h.page.url} target="_blank" rel="noopener noreferrer">
                          {h.page.url}
                        </a>
                        <span class="muted"> · {PLATFORM_LABELS[h.page.platform]}</span>
                      </td>
                      <td>{h.status ? CRAWL_STATUS_LABELS[h.status] : NOT_CRAWLED_LABEL}</td>
                      <td class="num" title={h.lastPostAt ? `последняя публикация ${formatDateTime(h.lastPostAt)}` : undefined}>
                        {h.daysSinceLastPost == null ? (
                          <span class="muted">{h.status === 'OK' ? 'публикаций не видно' : '—'}</span>
                        ) : (
                          formatCount(h.daysSinceLastPost)
                        )}
                      </td>
                      <td>{h.lastCrawledAt ? formatDateTime(h.lastCrawledAt) : '—'}</td>
                      <td>{h.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
