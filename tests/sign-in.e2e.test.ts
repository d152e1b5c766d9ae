// Signing in without pasting a token (docs/DESIGN.md, "Signing in"), through the gateway: a link
// by e-mail through the outbox, the same answer for a registered and an unknown address, limits
// per address and per client, a link that works once and for 15 minutes, a session cookie that
// another site cannot use, and `me` for a cookie and a bearer token alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '@hub/common';
import { errorCodes, tokenFor } from '@hub/common/testing';
import { startTestHub, type TestHub } from './support/hub.js';

// Friday 4 December 2026, 18:00 in Khabarovsk.
let now = new Date('2026-12-04T08:00:00Z');
let hub: TestHub;
let origin: string;

const REQUEST = 'mutation($email: String!) { requestSignIn(email: $email) }';
const ME = '{ me { email fullName role organization { id } } }';
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

/** A plain POST /graphql, as a browser or a client sends it, with the headers given. */
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const ask = async (email: string, headers: Record<string, string> = {}) => {
  const res = await post({ query: REQUEST, variables: { email } }, headers);
  return {
    status: res.status,
    body: (await res.json()) as { data?: { requestSignIn: boolean }; errors?: { extensions: { code: string } }[] },
  };
};
/** The links the outbox holds for an address, newest last. */
const links = async (email: string) =>
  (
    await queryRows<{ text: string; subject: string; to: string }>(
      hub.subgraphs.compliance.orm.em.fork(),
      sql`select text, subject, "to" from compliance.notification where kind = 'SIGN_IN' and "to" = ${email} order by created_at`,
    )
  ).map((letter) => ({ ...letter, token: /\/sign-in\/([A-Za-z0-9_-]{43})/u.exec(letter.text)![1]! }));
const lastToken = async (email: string) => (await links(email)).at(-1)!.token;
const signIn = (token: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/sign-in/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: '',
  });
const sessionCookie = (res: Response) => /hub_session=([^;]+)/u.exec(res.headers.get('set-cookie') ?? '')?.[1];

beforeAll(async () => {
  hub = await startTestHub({ seed: 'demo', clock: () => now });
  origin = hub.gatewayUrl.replace(/\/graphql$/u, '');
}, 180_000);

afterAll(() => hub?.stop());

describe('signing in by a link sent by e-mail', () => {
  it('answers a registered and an unknown address alike, and sends a link to the registered one only', async () => {
    const registered = await ask('Admin@khv-region.test');
    const unknown = await ask('nobody@khv-region.test');
    expect(registered).toEqual({ status: 200, body: { data: { requestSignIn: true } } });
    expect(unknown).toEqual(registered);
    const [letter] = await links('admin@khv-region.test');
    expect(letter!.subject).toBe('Вход в контент-хаб: ссылка на 15 минут');
    expect(letter!.text).toContain('действует 15 минут и только один раз');
    expect(await links('nobody@khv-region.test')).toEqual([]);
  });

  it('opens a session once with the link; the page behind the link alone opens nothing', async () => {
    const token = await lastToken('admin@khv-region.test');
    // A mail scanner fetching the link: a page with a button, the link still unused.
    const shown = await fetch(`${origin}/sign-in/${token}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(`<form method="post" action="/sign-in/${token}">`);
    // Another site's form may not sign a visitor in.
    expect((await signIn(token, { origin: 'https://evil.example' })).status).toBe(410);

    const opened = await signIn(token, { origin });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/dashboard/');
    const cookie = opened.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hub_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/u);

    const me = await post({ query: ME }, { cookie: `hub_session=${sessionCookie(opened)}` });
    expect(((await me.json()) as { data: unknown }).data).toEqual({
      me: { email: 'admin@khv-region.test', fullName: expect.stringMatching(/^\S+ \S+ \S+$/u), role: 'ADMIN', organization: null },
    });
    // Used: the same link again opens nothing.
    expect((await signIn(token)).status).toBe(410);
  });

  it('refuses a link after 15 minutes', async () => {
    await ask('editor@khv-region.test');
    const token = await lastToken('editor@khv-region.test');
    minutes(16);
    expect((await signIn(token)).status).toBe(410);
  });

  it("keeps another site from using the session: its form's plain POST and a GET are refused", async () => {
    await ask('analyst@khv-region.test');
    const token = await lastToken('analyst@khv-region.test');
    const cookie = `hub_session=${sessionCookie(await signIn(token))}`;
    // What a cross-site form or image can send: text/plain, or a GET, without a preflight.
    const formPost = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(formPost.status).toBe(400);
    const get = await fetch(`${origin}/graphql?query=${encodeURIComponent(ME)}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    // The page's own requests (JSON) are let in.
    expect((await post({ query: ME }, { cookie })).status).toBe(200);

    // Signing out closes the session.
    const out = await fetch(`${origin}/sign-out`, { method: 'POST', redirect: 'manual', headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^hub_session=; Max-Age=0;/u);
    expect((await post({ query: ME }, { cookie })).status).toBe(401);
  });

  it('answers me for a bearer token as before, and lets nothing else in without a credential', async () => {
    const operator = hub.client(await tokenFor('EDITOR'));
    expect((await operator.data<{ me: { role: string } }>(ME)).me.role).toBe('EDITOR');
    expect(errorCodes(await hub.client(null).request(ME))).toEqual(['UNAUTHENTICATED']);
    const smuggled = await post({
      query: 'mutation($email: String!) { requestSignIn(email: $email) deactivateUser(id: "x") { id } }',
      variables: { email: 'a@b.c' },
    });
    expect(smuggled.status).toBe(401);
    const twoOperations = await post({ query: `${REQUEST} query Q { me { role } }`, variables: { email: 'a@b.c' }, operationName: 'Q' });
    expect(twoOperations.status).toBe(401);
  });

  it("opens the page the link was asked from (a letter's link to an organization), and refuses any other site's", async () => {
    minutes(16);
    const next = '/dashboard/#/organizations/5b0a6a4e-1f4e-4c55-8d9a-0c1e2d3f4a5b';
    const res = await post({
      query: 'mutation($email: String!, $next: String) { requestSignIn(email: $email, next: $next) }',
      variables: { email: 'editor2@khv-region.test', next },
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ requestSignIn: true });
    const opened = await signIn(await lastToken('editor2@khv-region.test'));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(next);
    for (const elsewhere of [
      'https://evil.example/',
      '//evil.example/dashboard/',
      '/dashboard/\\evil',
      'javascript:alert(1)',
      '/graphql',
    ]) {
      const refused = await post({
        query: 'mutation($email: String!, $next: String) { requestSignIn(email: $email, next: $next) }',
        variables: { email: 'editor2@khv-region.test', next: elsewhere },
      });
      const body = (await refused.json()) as { errors?: { extensions: { code: string; field?: string } }[] };
      expect(
        body.errors?.map((e) => [e.extensions.code, e.extensions.field]),
        elsewhere,
      ).toEqual([['BAD_USER_INPUT', 'next']]);
    }
  });

  it('offers no sign-in through an OpenID Connect provider when none is configured', async () => {
    expect(await (await fetch(`${origin}/session`)).json()).toEqual({ person: null, oidc: false });
    const provider = await fetch(`${origin}/sign-in/oidc?next=%2Fdashboard%2F`, { redirect: 'manual' });
    expect(provider.status).toBe(404);
    expect(await provider.text()).toContain('не настроен');
    expect((await fetch(`${origin}/sign-in/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status).toBe(404);
  });

  it('refuses what is not an address, naming the field, and counts nothing', async () => {
    for (const email of ['not an address', 'x@khv.ru\u0000', `${'a'.repeat(320)}@khv-region.test`]) {
      const { body } = await ask(email);
      expect(
        body.errors?.map((e) => [e.extensions.code, (e.extensions as { field?: string }).field]),
        email,
      ).toEqual([['BAD_USER_INPUT', 'email']]);
    }
  });

  it('limits the requests per address and per client, the same for a registered and an unknown address', async () => {
    minutes(16);
    for (const email of ['head-limit@khv-region.test', 'admin@khv-region.test']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await ask(email)).body.errors?.[0]?.extensions.code ?? 'true');
      expect(answers, email).toEqual(['true', 'true', 'true', 'TOO_MANY_REQUESTS']);
    }
    minutes(16);
    const codes = [];
    for (let i = 0; i < 21; i++) codes.push((await ask(`guess-${i}@khv-region.test`)).body.errors?.[0]?.extensions.code ?? 'true');
    expect(codes.filter((c) => c === 'true')).toHaveLength(20);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
  });
});
