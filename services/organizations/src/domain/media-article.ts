/**
 * What makes two reports the same article (decree 3.3 counts publications, not reports):
 * its address without www., query, fragment or trailing slash; or, for print and broadcast,
 * the outlet with the issue reference.
 */
export function articleKey(article: { outlet: string; url?: string | null; issueReference?: string | null }): string | null {
  if (article.url) {
    try {
      const url = new URL(article.url.trim());
      return `url:${url.hostname.toLowerCase().replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
    } catch {
      return null;
    }
  }
  if (article.issueReference) {
    const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
    return `issue:${norm(article.outlet)}|${norm(article.issueReference)}`;
  }
  return null;
}
