import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { request } from 'undici';
import { HubError, type Logger } from '@hub/common';
import { gatewayContext } from './auth.js';

export interface ReportsOptions {
  jwtSecret: string;
  /** The compliance subgraph's GraphQL URL; its exports live beside it. */
  complianceUrl: string;
  timeoutMs: number;
  logger: Logger;
}

const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * GET /reports/compliance.xlsx|csv?period=…: the compliance subgraph's streamed export, passed
 * through byte for byte with the caller's token (the subgraph applies the role and scope again).
 */
export function mountReports(app: Express, options: ReportsOptions): void {
  const base = new URL('/', options.complianceUrl);
  app.get('/reports/:file', async (req: Request, res: Response) => {
    try {
      await gatewayContext(options.jwtSecret, req);
    } catch (err) {
      const known = err instanceof HubError ? err : new HubError('UNAUTHENTICATED', 'Invalid token');
      res.status(401).json({ error: { code: known.code, message: known.message } });
      return;
    }
    const target = new URL(req.originalUrl, base);
    try {
      const upstream = await request(target, {
        method: 'GET',
        headers: { authorization: req.headers.authorization ?? '' },
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
        error: { code: 'DOWNSTREAM_SERVICE_ERROR', service: 'compliance', message: 'The compliance service did not answer; try again later' },
      });
    }
  });
}
