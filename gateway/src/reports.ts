import { pipeline } from 'node:stream/promises';
import type { Express, NextFunction, Request, Response } from 'express';
import { request } from 'undici';
import { GATEWAY_CREDENTIAL_HEADER, HubError, sendRefusal, type Logger } from '@hub/common';
import { gatewayContext } from './auth.js';
import type { Sessions } from './sessions.js';

export interface ReportsOptions {
  jwtSecret: string;
  /** The compliance subgraph's GraphQL URL; its exports live beside it. */
  complianceUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** The gateway's credential for the subgraphs (docs/SECURITY.md): the export route answers nobody else. */
  credential: () => Promise<string>;
  maxTokenDays?: number;
  /** Signed-in sessions: an export asked with the session cookie goes with its person's token. */
  sessions?: Sessions;
}

const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'retry-after'];

/** The exports the compliance subgraph serves (services/compliance/src/reports/export-route.ts). */
const EXPORTS = ['compliance.xlsx', 'compliance.csv'] as const;
/** The query parameters those exports read (ibid., selectionFor); any other is dropped. */
const PARAMETERS = ['period', 'rule'] as const;

/**
 * Why a request target may not be proxied, or null. The route forwards the caller's token, so
 * the target must be a plain path (docs/SECURITY.md, "Report exports"): an absolute-form target
 * (`GET http://other-host/reports/x`, which Node accepts and express routes by its path) or a
 * protocol-relative one names another host; a dot segment, encoded or not, an encoded slash and
 * a backslash (which URL parsing takes for a slash) climb out of /reports/ to the subgraph's
 * other routes.
 */
function unsafeTarget(target: string): string | null {
  if (!target.startsWith('/') || target.startsWith('//')) return 'The request target must be a path such as /reports/compliance.xlsx';
  const path = target.split('?', 1)[0]!;
  if (path.includes('\\') || /%(2e|2f|5c)/i.test(path) || path.split('/').some((s) => s === '.' || s === '..')) {
    return 'The report path may not contain dot segments, encoded dots or slashes, or backslashes';
  }
  return null;
}

/**
 * GET /reports/compliance.xlsx|csv?period=…: the compliance subgraph's streamed export, passed
 * through byte for byte with the caller's token (the subgraph applies the role and scope again).
 * The upstream URL is built from the configured compliance base, one of the known export names
 * and the known parameters re-serialised, never from the request target itself: the token goes
 * to the compliance subgraph's exports and nowhere else (docs/SECURITY.md, "Report exports").
 */
export function mountReports(app: Express, options: ReportsOptions): void {
  const base = new URL('/', options.complianceUrl);
  // An unsafe target under /reports, routed or not, is refused here before the token is even
  // read, let alone sent anywhere. req.url too: it is what the routing below goes by.
  app.use('/reports', (req: Request, res: Response, next: NextFunction) => {
    const unsafe = unsafeTarget(req.originalUrl) ?? unsafeTarget(req.url);
    if (unsafe) {
      res.status(400).json({ error: { code: 'BAD_REQUEST', message: unsafe } });
      return;
    }
    next();
  });
  app.get('/reports/:file', async (req: Request, res: Response) => {
    let authorization: string;
    try {
      ({ authorization } = await gatewayContext(options.jwtSecret, req, options.maxTokenDays, options.sessions));
    } catch (err) {
      const known = err instanceof HubError ? err : new HubError('UNAUTHENTICATED', 'Invalid token');
      sendRefusal(res, known);
      return;
    }
    const file = EXPORTS.find((name) => name === req.params.file);
    if (!file) {
      sendRefusal(res, new HubError('NOT_FOUND', 'Reports come as compliance.xlsx or compliance.csv'));
      return;
    }
    const query = req.originalUrl.indexOf('?');
    const given = new URLSearchParams(query < 0 ? '' : req.originalUrl.slice(query + 1));
    const target = new URL(`/reports/${file}`, base);
    // Every value of a known parameter, repeated ones too: the subgraph refuses what it cannot read.
    for (const name of PARAMETERS) for (const value of given.getAll(name)) target.searchParams.append(name, value);
    try {
      const upstream = await request(target, {
        method: 'GET',
        headers: { authorization, [GATEWAY_CREDENTIAL_HEADER]: await options.credential() },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      res.status(upstream.statusCode);
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers[name];
        if (value !== undefined) res.setHeader(name, value);
      }
      await pipeline(upstream.body, res);
    } catch (err) {
      options.logger.warn({ err, path: req.path }, 'report export: compliance did not answer');
      if (res.headersSent) {
        res.destroy(err as Error);
        return;
      }
      res.status(502).json({
        error: {
          code: 'DOWNSTREAM_SERVICE_ERROR',
          service: 'compliance',
          message: 'The compliance service did not answer; try again later',
        },
      });
    }
  });
}
