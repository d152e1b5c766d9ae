import type { Express, Response } from 'express';
import { createLogger, type Logger } from '@hub/common';
import { readBuiltDashboard, type Bundle } from './dashboard-assets.js';

/** Where `npm run build` leaves the bundle (gateway/dist/dashboard); absent when running from the sources. */
export const BUILT_DASHBOARD = new URL('./dashboard/', import.meta.url);

// One bundle per process, shared by every gateway in it (tests start several).
let bundling: Promise<Bundle> | null = null;

/** The built bundle in production; from the sources, esbuild (a development dependency) bundles on first use. */
async function loadDashboard(): Promise<Bundle> {
  const built = await readBuiltDashboard(BUILT_DASHBOARD);
  if (built) return built;
  const { bundleDashboard } = await import('./dashboard-bundle.js');
  return bundleDashboard();
}

function dashboardBundle(logger: Logger): Promise<Bundle> {
  bundling ??= loadDashboard().catch((err: unknown) => {
    logger.error({ err }, 'dashboard build failed');
    // The next request tries again rather than serving this failure until a restart.
    bundling = null;
    throw err;
  });
  return bundling;
}

const page = ({ version }: Bundle) => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Хабаровский край — региональный контент</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/app.css?v=${version}">
<script type="module" src="/dashboard/app.js?v=${version}"></script>
</head>
<body>
<div id="app"></div>
<noscript>Для работы панели нужен JavaScript.</noscript>
</body>
</html>
`;

// Everything comes from this origin: the bundle, the styles, /graphql and /reports.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function withSecurityHeaders(res: Response): Response {
  return res
    .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .set('X-Content-Type-Options', 'nosniff')
    .set('Referrer-Policy', 'no-referrer');
}

export interface DashboardOptions {
  /** Where a failed build is reported; by default a logger of its own that reports errors only. */
  logger?: Logger;
}

/** GET /dashboard: the analysts' page, its script and styles built from gateway/dashboard on the first request. */
export function mountDashboard(app: Express, options: DashboardOptions = {}): void {
  const logger = options.logger ?? createLogger('dashboard', 'error');

  const serve =
    (handler: (bundle: Bundle, res: Response, version: unknown) => void) =>
    async (req: { query: Record<string, unknown> }, res: Response) => {
      let bundle: Bundle;
      try {
        bundle = await dashboardBundle(logger);
      } catch (err) {
        res
          .status(500)
          .type('text/plain; charset=utf-8')
          .set('Cache-Control', 'no-store')
          .send(
            `Панель не собрана: ошибка сборки интерфейса. Подробности в журнале шлюза.\nDashboard build failed: ${(err as Error).message}\n`,
          );
        return;
      }
      handler(bundle, withSecurityHeaders(res), req.query.v);
    };

  const asset = (type: string, body: (b: Bundle) => string) =>
    serve((bundle, res, version) => {
      // Only the current version may be kept for good; any other URL is revalidated.
      res.set('Cache-Control', version === bundle.version ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.type(type).send(body(bundle));
    });

  app.get(
    ['/dashboard', '/dashboard/'],
    serve((bundle, res) => {
      res.set('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(page(bundle));
    }),
  );
  app.get(
    '/dashboard/app.js',
    asset('text/javascript; charset=utf-8', (b) => b.js),
  );
  app.get(
    '/dashboard/app.css',
    asset('text/css; charset=utf-8', (b) => b.css),
  );
}
