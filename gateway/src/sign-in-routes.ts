import express, { type Express, type Request, type Response } from 'express';
import { SIGN_IN_PAGE, type Logger } from '@hub/common';
import type { Sessions } from './sessions.js';

/** Where a signed-in person lands (the workspaces will each have their own). */
export const LANDING = '/dashboard/';

/** A page of the sign-in pages' look, in Russian like every page a person sees. */
export const page = (title: string, body: string) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${title}</title>
<style>body{margin:0;font-family:system-ui,Arial,sans-serif;background:#f4f5f7;color:#1f2933}
main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #d9dde3;border-radius:10px}
h1{font-size:1.3rem;margin:0 0 1rem}button,a.button{display:inline-block;font-size:1rem;padding:.7rem 1.4rem;border:0;border-radius:6px;
background:#1d4ed8;color:#fff;text-decoration:none;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style>
</head><body><main>${body}</main></body></html>`;

/** Sends a page that no cache keeps and whose address (a link's token, a provider's code) no other site learns. */
export const sendPage = (res: Response, status: number, content: string) =>
  res
    .status(status)
    .set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'same-origin' })
    .send(content);

/** A token as a link carries it: URL-safe base64 of 32 bytes. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/u;

/**
 * The sign-in link's pages (docs/DESIGN.md, "Signing in"). Opening the link shows a button, and
 * the button signs in: a mail scanner that fetches every link in a letter opens nothing and does
 * not use the link up. The POST refuses another site's form (its Origin), so no one can sign a
 * visitor in as somebody else. Sign-out closes the session and clears the cookie.
 */
export function mountSignIn(app: Express, sessions: Sessions, logger: Logger, options: { oidc: boolean }): void {
  const refused = (res: Response) =>
    sendPage(
      res,
      410,
      page(
        'Ссылка недействительна',
        `<h1>Ссылка недействительна</h1><p>Ссылка для входа действует 15 минут и только один раз. Запросите новую на странице входа.</p>
         <p><a class="button" href="${LANDING}">На страницу входа</a></p>`,
      ),
    );
  const sameSite = (req: Request) => {
    const origin = req.headers.origin;
    return !origin || origin === `${req.protocol}://${req.headers.host}`;
  };

  // Sign-in through the OpenID Connect provider, when one is configured, is mounted before these
  // (oidc-routes.ts); without one its address is no page at all rather than a link refused.
  app.get('/sign-in/oidc', (_req: Request, res: Response) =>
    sendPage(
      res,
      404,
      page('Страница не найдена', '<h1>Страница не найдена</h1><p>Вход через единую учётную запись в этом хабе не настроен.</p>'),
    ),
  );

  app.get('/sign-in/:token', (req: Request, res: Response) => {
    const token = String(req.params.token);
    if (!TOKEN.test(token)) return refused(res);
    sendPage(
      res,
      200,
      page(
        'Вход в контент-хаб',
        `<h1>Вход в региональный контент-хаб</h1><form method="post" action="/sign-in/${token}"><button type="submit">Войти</button></form>`,
      ),
    );
  });

  app.post('/sign-in/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req: Request, res: Response) => {
    const token = String(req.params.token);
    if (!TOKEN.test(token) || !sameSite(req)) return refused(res);
    try {
      const opened = await sessions.open(token);
      if (!opened) return refused(res);
      const next = opened.next && SIGN_IN_PAGE.test(opened.next) ? opened.next : LANDING;
      res.set({ 'set-cookie': opened.cookie, 'cache-control': 'no-store' }).redirect(303, next);
    } catch (err) {
      logger.error({ err }, 'sign-in failed');
      sendPage(res, 503, page('Вход недоступен', '<h1>Вход сейчас недоступен</h1><p>Попробуйте ещё раз через минуту.</p>'));
    }
  });

  // Who is signed in by the cookie, for the page to open without a sign-in form: 200 either way
  // (a 401 would be an error in the browser's console for every visitor not signed in yet); and
  // whether the sign-in form is the OpenID Connect provider's button rather than the e-mail form.
  app.get('/session', async (req: Request, res: Response) => {
    const person = await sessions.personOf(req);
    res
      .set('cache-control', 'no-store')
      .json({ person: person && { email: person.email, fullName: person.fullName, role: person.role }, oidc: options.oidc });
  });

  app.post('/sign-out', async (req: Request, res: Response) => {
    if (!sameSite(req)) return void res.status(403).end();
    res.set({ 'set-cookie': await sessions.close(req), 'cache-control': 'no-store' }).redirect(303, LANDING);
  });
}
