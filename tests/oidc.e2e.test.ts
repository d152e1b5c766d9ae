// Signing in through an OpenID Connect provider (docs/DESIGN.md, "Signing in"), against a real
// provider (oidc-provider) on this machine: the authorization code flow with PKCE through the
// provider's own login and consent pages, the session cookie the e-mailed link sets, `me` with the
// hub's role and organization whatever the provider claims, a 403 page for an address the hub does
// not know (or no longer), and a refused answer that does not belong to the sign-in begun.
import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { freePort, queryRow, sql } from '@hub/common';
import { startTestHub, type TestHub } from './support/hub.js';
import { launchBrowser, openPage } from './support/browser.js';

const CLIENT_ID = 'regional-content-hub';
const CLIENT_SECRET = 'a-client-secret-known-to-the-provider-and-the-hub';
const ME = '{ me { email role organization { id } } }';

/** The provider's accounts by login: what it says of each person, role included, which the hub must not believe. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean; role: string }> = {
  officer: { email: '', email_verified: true, role: 'ADMIN' },
  stranger: { email: 'stranger@khv-region.test', email_verified: true, role: 'ADMIN' },
  unverified: { email: 'admin@khv-region.test', email_verified: false, role: 'ADMIN' },
  leaver: { email: '', email_verified: true, role: 'HEAD' },
};

let hub: TestHub;
let origin: string;
let issuer: string;
let provider: Server;
/** While true the provider's token endpoint answers ID tokens whose signature is not its own. */
let forgeSignatures = false;
/** The demo's communications officer of an organization, and a head deactivated before signing in. */
const officer = { email: '', organizationId: '' };

/** A browser's cookies for one site, enough for the provider's interaction pages and the gateway's two cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (!value || /max-age=0|expires=thu, 01 jan 1970/iu.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** One request as the browser sends it, without following a redirect; the site's cookies go and come back. */
async function visit(url: string, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
  jar.take(res);
  return res;
}

const isGateway = (url: string) => url.startsWith(origin);
const locationOf = (res: Response, base: string) => new URL(res.headers.get('location')!, base).href;

/**
 * From the hub's sign-in button to the provider's answer at the gateway's callback: the provider's
 * login (as `login`) and consent pages, as a person clicks through them. The last redirect, to the
 * callback, is not followed: `answer` may change it first.
 */
async function signInAtProvider(login: string, next?: string) {
  const hubJar = new CookieJar();
  const providerJar = new CookieJar();
  const start = await visit(`${origin}/sign-in/oidc${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`, hubJar);
  expect(start.status).toBe(302);
  let url = locationOf(start, origin);
  expect(url.startsWith(`${issuer}/auth?`)).toBe(true);
  const asked = new URL(url).searchParams;
  expect(Object.fromEntries(['client_id', 'scope', 'code_challenge_method', 'response_type'].map((p) => [p, asked.get(p)]))).toEqual({
    client_id: CLIENT_ID,
    scope: 'openid email',
    code_challenge_method: 'S256',
    response_type: 'code',
  });
  for (let step = 0; step < 12 && !isGateway(url); step++) {
    const res = await visit(url, providerJar);
    if (res.status >= 300 && res.status < 400) {
      url = locationOf(res, url);
      continue;
    }
    // The provider's login or consent page: submit its form as the person would.
    const page = await res.text();
    expect(res.status, page).toBe(200);
    const action = new URL(/<form[^>]*action="([^"]+)"/u.exec(page)![1]!.replace(/&amp;/gu, '&'), url).href;
    const prompt = /name="prompt" value="(\w+)"/u.exec(page)![1]!;
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'whatever' } : { prompt });
    const submitted = await visit(action, providerJar, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(submitted.status).toBe(303);
    url = locationOf(submitted, action);
  }
  expect(url.startsWith(`${origin}/sign-in/oidc/callback?`)).toBe(true);
  return { callback: new URL(url), hubJar };
}

/** The whole sign-in: the gateway's last answer, and the browser's cookies for the hub. */
async function signIn(login: string, next?: string) {
  const { callback, hubJar } = await signInAtProvider(login, next);
  const res = await visit(callback.href, hubJar);
  return { res, hubJar };
}

/** `me` as the dashboard asks it: a JSON POST with the session cookie alone, no Origin, no token. */
const me = (jar: CookieJar) =>
  fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: jar.header() },
    body: JSON.stringify({ query: ME }),
  });

async function startProvider(port: number, callback: string): Promise<Server> {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [callback],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['a-cookie-signing-key-of-the-test-provider'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    // As Keycloak does: the ID token carries the scopes' claims, here a role the hub must ignore.
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'role'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => {
      const account = ACCOUNTS[id];
      return account && { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  // What a man in the middle would send: the provider's ID token with another signature.
  oidc.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (forgeSignatures && ctx.path === '/token' && body?.id_token) {
      const [header, payload] = body.id_token.split('.');
      body.id_token = `${header}.${payload}.${Buffer.alloc(256, 7).toString('base64url')}`;
    }
  });
  return new Promise((resolve) => {
    const server = oidc.listen(port, '127.0.0.1', () => resolve(server));
  });
}

beforeAll(async () => {
  const [providerPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
  issuer = `http://127.0.0.1:${providerPort}`;
  origin = `http://127.0.0.1:${gatewayPort}`;
  // The provider is started once the hub is: the gateway discovers it at the first sign-in.
  hub = await startTestHub({
    seed: 'demo',
    env: {
      GATEWAY_PORT: String(gatewayPort),
      HUB_PUBLIC_URL: origin,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    },
  });
  provider = await startProvider(providerPort, `${origin}/sign-in/oidc/callback`);

  const em = hub.subgraphs.organizations.orm.em.fork();
  const row = await queryRow<{ email: string; organizationId: string }>(
    em,
    sql`select email, organization_id as "organizationId" from organizations.person_directory
        where role = 'OPERATOR' and active order by email limit 1`,
  );
  Object.assign(officer, row);
  // The provider spells the address in its own letter case; the hub compares it lower-cased.
  ACCOUNTS.officer!.email = officer.email.toUpperCase();
  const leaver = await queryRow<{ id: string; email: string }>(
    em,
    sql`select person_id as id, email from organizations.person_directory where role = 'HEAD' and active order by email limit 1`,
  );
  ACCOUNTS.leaver!.email = leaver!.email;
  const deactivated = await hub
    .client(hub.adminToken)
    .data<{ deactivateUser: { active: boolean } }>('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: leaver!.id });
  expect(deactivated.deactivateUser.active).toBe(false);
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => provider?.close(resolve));
  await hub?.stop();
});

describe('signing in through an OpenID Connect provider', () => {
  it('tells the page to offer the provider', async () => {
    const res = await fetch(`${origin}/session`);
    expect(await res.json()).toEqual({ person: null, oidc: true });
  });

  it("opens a session for the registered person, with the hub's role and organization, on the page asked for", async () => {
    const next = `/dashboard/#/organizations/${officer.organizationId}`;
    const { res, hubJar } = await signIn('officer', next);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(next);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toContainEqual(
      expect.stringMatching(/^hub_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/u),
    );
    // The sign-in under way is over: its cookie is cleared.
    expect(cookies).toContainEqual(expect.stringMatching(/^hub_oidc=; Max-Age=0; Path=\/sign-in\/oidc; HttpOnly; SameSite=Lax$/u));

    const answer = await me(hubJar);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      data: { me: { email: officer.email, role: 'OPERATOR', organization: { id: officer.organizationId } } },
    });
    const session = await fetch(`${origin}/session`, { headers: { cookie: hubJar.header() } });
    expect(await session.json()).toMatchObject({ person: { email: officer.email, role: 'OPERATOR' }, oidc: true });
  });

  it('lands on the dashboard when the page asked for is not one of the hub', async () => {
    const { res } = await signIn('officer', 'https://evil.example/dashboard/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/');
  });

  it('refuses an address the hub does not know, or no longer, with a page saying so and no session', async () => {
    for (const login of ['stranger', 'leaver']) {
      const { res, hubJar } = await signIn(login);
      expect(res.status, login).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/u);
      const page = await res.text();
      expect(page).toContain('не зарегистрирован в региональном контент-хабе');
      expect(page).toContain(ACCOUNTS[login]!.email);
      expect(hubJar.get('hub_session'), login).toBeUndefined();
      expect((await me(hubJar)).status).toBe(401);
    }
  });

  it('refuses an address the provider has not verified', async () => {
    const { res, hubJar } = await signIn('unverified');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Адрес не подтверждён');
    expect(hubJar.get('hub_session')).toBeUndefined();
  });

  it('refuses an answer that does not belong to the sign-in begun in this browser', async () => {
    // A state changed on the way.
    const tampered = await signInAtProvider('officer');
    tampered.callback.searchParams.set('state', 'not-the-state-this-browser-sent');
    const refused = await visit(tampered.callback.href, tampered.hubJar);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('Вход не выполнен');
    expect(page).not.toMatch(/Error|at .+\.[jt]s:\d+/u);
    expect(tampered.hubJar.get('hub_session')).toBeUndefined();

    // Another person's answer, sent to a browser that began no sign-in (signing a visitor in as someone else).
    const foreign = await signInAtProvider('officer');
    const elsewhere = await visit(foreign.callback.href, new CookieJar());
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.getSetCookie().some((c) => c.startsWith('hub_session='))).toBe(false);

    // The same answer cannot be used twice: its flow cookie is gone, and with it the code verifier.
    const replayed = await signInAtProvider('officer');
    expect((await visit(replayed.callback.href, replayed.hubJar)).status).toBe(303);
    expect((await visit(replayed.callback.href, replayed.hubJar)).status).toBe(400);
  });

  it("refuses an ID token whose signature is not the provider's", async () => {
    forgeSignatures = true;
    try {
      const { res, hubJar } = await signIn('officer');
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Вход не выполнен');
      expect(hubJar.get('hub_session')).toBeUndefined();
    } finally {
      forgeSignatures = false;
    }
  });

  it("lets only the gateway open a session for an address at compliance's side door", async () => {
    const res = await fetch(new URL('/sessions/open-for-person', hub.subgraphUrls.compliance), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer.email, lifetimeMs: 60_000 }),
    });
    expect(res.status).toBe(401);
  });

  it("signs in from the dashboard's button, through the provider's pages, back on the page the person was on", async () => {
    const browser = await launchBrowser();
    try {
      const { page, problems } = await openPage(browser);
      await page.goto(`${origin}/dashboard/#/organizations/${officer.organizationId}`);
      await page.getByRole('button', { name: 'Войти через единую учётную запись' }).click();
      // The provider's login and consent pages.
      await page.locator('input[name="login"]').fill('officer');
      await page.locator('input[name="password"]').fill('whatever');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]').click();
      await page.locator('.who').waitFor();
      expect(page.url()).toBe(`${origin}/dashboard/#/organizations/${officer.organizationId}`);
      expect(await page.locator('.who').textContent()).toContain(`(${officer.email})`);
      expect(await page.getByLabel('Электронная почта').count()).toBe(0);
      // The provider's own pages ask for a web font and a favicon this machine cannot give: not the hub's problems.
      expect(problems.filter((problem) => !problem.includes(issuer) && !problem.includes('fonts.googleapis.com'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  // Last: the provider stops.
  it('answers a Russian page, not an error, when the provider cannot be reached', async () => {
    const { callback, hubJar } = await signInAtProvider('officer');
    await new Promise((resolve) => {
      provider.close(resolve);
      provider.closeAllConnections();
    });
    const res = await visit(callback.href, hubJar);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(await res.text()).toContain('Вход сейчас недоступен');
    expect(hubJar.get('hub_session')).toBeUndefined();
  });
});
