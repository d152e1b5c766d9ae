import { GatewayUnavailableError, authorizationHeader, sessionOrReachFailure } from './api';

export type ExportFormat = 'xlsx' | 'csv';

/** The export needs the bearer token, so a plain link cannot fetch it: fetch, then hand the blob to an <a download>. */
export async function downloadComplianceReport(token: string, week: string, format: ExportFormat): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/reports/compliance.${format}?period=${encodeURIComponent(week)}`, {
      headers: authorizationHeader(token),
    });
  } catch {
    throw new GatewayUnavailableError();
  }
  if (!response.ok) {
    const problem = await errorOf(response);
    // The gateway's own 502 names the service behind it; a bare one comes from something in between.
    const failure = sessionOrReachFailure(response.status, [problem?.code], problem !== null);
    if (failure) throw failure;
    throw new Error(problem?.message ?? `HTTP ${response.status}`);
  }
  const filename = filenameOf(response.headers.get('content-disposition')) ?? `compliance-${week}.${format}`;
  save(await response.blob(), filename);
  return filename;
}

/** The export's JSON error `{ error: { code, message } }`, or null when the answer is something else. */
async function errorOf(response: Response): Promise<{ code?: string; message: string } | null> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return { code: body.error.code, message: body.error.message };
  } catch {
    // not JSON
  }
  return null;
}

/** RFC 6266: filename* (UTF-8, percent-encoded) wins over filename. */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  return (plain?.[2] ?? plain?.[1]?.trim()) || null;
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once click() returns a task later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
