import type { Express, Request, Response } from 'express';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import * as oidc from 'openid-client';
import { SIGN_IN_PAGE, type Logger, type OidcSettings } from '@hub/common';
import type { Sessions } from './sessions.js';
import { LANDING, page, sendPage } from './sign-in-routes.js';

const START_PATH = '/sign-in/oidc';
const CALLBACK_PATH = '/sign-in/oidc/callback';
/**
 * A sign-in under way, between the redirect to the provider and its answer, lives in the browser
 * (any gateway process can finish it, none holds memory for visitors who never come back).
 */
const FLOW_COOKIE = 'hub_oidc';
/** Time to type a password at the provider; a half-done sign-in in a forgotten tab lapses. */
const FLOW_SECONDS = 10 * 60;
const PROVIDER_TIMEOUT_SECONDS = 10;
/** The hub asks the provider for the address only: who the person is in the hub is the hub's own data. */
const SCOPE = 'openid email';

/** What the callback checks the provider's answer against, and the hub page asked for. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string | null;
}

export interface OidcSignInOptions {
  provider: OidcSettings;
  /** HUB_PUBLIC_URL: the callback registered at the provider is `<publicUrl>/sign-in/oidc/callback`. */
  publicUrl: string;
  /** The flow's cookie is Secure when the hub is served over https. */
  secure: boolean;
  sessions: Sessions;
  logger: Logger;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const backToSignIn = `<p><a class="button" href="${LANDING}">На страницу входа</a></p>`;

const pages = {
  unavailable: page(
    'Вход недоступен',
    `<h1>Вход сейчас недоступен</h1><p>Единая учётная запись или хаб сейчас не отвечают. Попробуйте ещё раз через минуту.</p>${backToSignIn}`,
  ),
  failed: page(
    'Вход не выполнен',
    `<h1>Вход не выполнен</h1><p>Вход через единую учётную запись не завершён: он отменён, устарел или начат в другой вкладке. Начните вход заново.</p>${backToSignIn}`,
  ),
  unverified: page(
    'Адрес не подтверждён',
    `<h1>Адрес не подтверждён</h1><p>Единая учётная запись не сообщила подтверждённый адрес электронной почты, по которому хаб узнаёт своих пользователей. Подтвердите адрес в учётной записи или обратитесь к администратору хаба.</p>${backToSignIn}`,
  ),
  notRegistered: (email: string) =>
    page(
      'Адрес не зарегистрирован',
      `<h1>Адрес не зарегистрирован</h1><p>Адрес ${escapeHtml(email)} не зарегистрирован в региональном контент-хабе или доступ по нему закрыт. Чтобы получить доступ, обратитесь к администратору хаба.</p>${backToSignIn}`,
    ),
};

/** The provider could not be reached or answered nothing usable: a fault to retry, not a refusal. */
const unreachable = (err: unknown) =>
  err instanceof TypeError ||
  (err instanceof oidc.ClientError &&
    ['OAUTH_TIMEOUT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(err.code ?? ''));

/** The hub page to open once signed in, when it is one a sign-in may open (as a link's `next`). */
const hubPage = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 500 && SIGN_IN_PAGE.test(value) ? value : null;

/**
 * Sign-in through the OpenID Connect provider (docs/DESIGN.md, "Signing in"): the authorization
 * code flow with PKCE, `state` and `nonce`, the client authenticated with its secret, the ID token's
 * issuer, audience, nonce and signature checked. The only thing taken from the provider is the
 * verified e-mail address; compliance opens a session for the active person who has it, with the
 * role and organization the hub's registry gives, and the cookie is the one the e-mailed link sets.
 */
export function mountOidcSignIn(app: Express, options: OidcSignInOptions): void {
  const redirectUri = `${options.publicUrl.replace(/\/+$/u, '')}${CALLBACK_PATH}`;
  const issuer = new URL(options.provider.issuer);

  // Discovered on first use rather than at start, so that a provider down does not keep the
  // gateway (and the bearer-token clients) from starting; a failed discovery is tried again.
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () =>
    (discovered ??= oidc
      .discovery(issuer, options.provider.clientId, undefined, oidc.ClientSecretBasic(options.provider.clientSecret), {
        // openid-client trusts an ID token fetched straight from the token endpoint without checking
        // its signature; the hub checks it against the provider's keys all the same. Plain http is
        // let through config only to this machine (services/common/src/config.ts).
        execute: [oidc.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [])],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .catch((err: unknown) => {
        discovered = null;
        throw err;
      }));

  const flowCookie = (value: string, maxAge: number) =>
    serializeCookie(FLOW_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: options.secure, path: START_PATH, maxAge });
  const flowOf = (req: Request): Flow | null => {
    const value = req.headers.cookie ? parseCookies(req.headers.cookie)[FLOW_COOKIE] : undefined;
    if (!value) return null;
    try {
      const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flow>;
      const { state, nonce, verifier } = flow;
      if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') return null;
      return { state, nonce, verifier, next: hubPage(flow.next) };
    } catch {
      return null;
    }
  };

  app.get(START_PATH, async (req: Request, res: Response) => {
    try {
      const config = await configuration();
      const flow: Flow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        next: hubPage(req.query.next),
      };
      const authorization = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      res
        .set({
          'set-cookie': flowCookie(Buffer.from(JSON.stringify(flow)).toString('base64url'), FLOW_SECONDS),
          'cache-control': 'no-store',
        })
        .redirect(302, authorization.href);
    } catch (err) {
      options.logger.error({ err }, 'the OpenID Connect provider could not be reached');
      sendPage(res, 503, pages.unavailable);
    }
  });

  app.get(CALLBACK_PATH, async (req: Request, res: Response) => {
    // The flow ends here whatever the answer: its cookie is cleared with every page below.
    res.append('set-cookie', flowCookie('', 0));
    const flow = flowOf(req);
    if (!flow) return sendPage(res, 400, pages.failed);

    let claims: oidc.IDToken | undefined;
    try {
      const answer = new URL(redirectUri);
      answer.search = new URL(req.originalUrl, 'http://gateway').search;
      const tokens = await oidc.authorizationCodeGrant(await configuration(), answer, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      if (unreachable(err)) {
        options.logger.error({ err }, 'the OpenID Connect provider could not be reached');
        return sendPage(res, 503, pages.unavailable);
      }
      options.logger.warn({ err }, 'an OpenID Connect sign-in was refused');
      return sendPage(res, 400, pages.failed);
    }

    // An address the provider has not verified could be anyone's: it opens nothing.
    const email = claims?.email;
    if (typeof email !== 'string' || claims?.email_verified === false) return sendPage(res, 403, pages.unverified);
    try {
      const opened = await options.sessions.openForPerson(email);
      if (!opened) return sendPage(res, 403, pages.notRegistered(email));
      res
        .append('set-cookie', opened.cookie)
        .set('cache-control', 'no-store')
        .redirect(303, flow.next ?? LANDING);
    } catch (err) {
      options.logger.error({ err }, 'a session could not be opened after an OpenID Connect sign-in');
      sendPage(res, 503, pages.unavailable);
    }
  });
}
